"""A fresh Python process in the repository, for what only start-up shows (settings read from the environment)."""

import os
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def run_python(code: str, **env) -> subprocess.CompletedProcess:
    """Run `code` in a new interpreter with `env` over this one's (without SECRET_KEY, DEBUG and WIJKMARKT_ENV)."""
    base = {key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "DEBUG", "WIJKMARKT_ENV"}}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, env={**base, **env}, timeout=60
    )
