"""The code folders have no __init__.py at the top, so from the repository root `platform` and `graphql` still
name the standard library and graphql-core (ARCHITECTURE.md)."""

import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_platform_and_graphql_are_not_shadowed_from_the_repository_root():
    probe = (
        "import platform, graphql, sysconfig, os;"
        "stdlib = os.path.realpath(sysconfig.get_paths()['stdlib']);"
        "print(os.path.realpath(platform.__file__).startswith(stdlib));"
        "print(hasattr(graphql, 'graphql_sync'), graphql.__file__.endswith(os.path.join('graphql', '__init__.py')));"
        "print('site-packages' in graphql.__file__);"
        "import uuid; print(bool(uuid.uuid4()))"
    )
    result = subprocess.run([sys.executable, "-c", probe], cwd=REPO_ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["True", "True", "True", "True", "True"], result.stdout + result.stderr


def test_code_folders_have_no_top_level_init():
    for folder in ("platform", "tenants", "graphql", "realtime", "themes"):
        assert not (REPO_ROOT / folder / "__init__.py").exists(), folder
