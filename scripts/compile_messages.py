"""Compile the gettext catalogues (.po -> .mo) without needing GNU gettext on the machine."""

from pathlib import Path

import polib

root = Path(__file__).resolve().parents[1] / "src" / "duiding"
count = 0
for po_path in root.rglob("locale/*/LC_MESSAGES/*.po"):
    mo_path = po_path.with_suffix(".mo")
    if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
        continue
    polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
    count += 1
if count:
    print(f"compiled {count} message catalogue(s)")
