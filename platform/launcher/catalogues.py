"""Compiles the translation catalogues (.po -> .mo) with polib, because a machine with only Python has no
GNU gettext. The .mo files are generated, so they are not committed."""

from pathlib import Path

import polib


def compile_catalogues(locale_dir: Path) -> int:
    compiled = 0
    for po_path in locale_dir.glob("*/LC_MESSAGES/*.po"):
        mo_path = po_path.with_suffix(".mo")
        if not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime:
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
            compiled += 1
    return compiled
