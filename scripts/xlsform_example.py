"""Write the example XLSForm of the upload page (src/duiding/outcomes/static/outcomes/
voorbeeld-xlsform.xlsx) from `duiding.outcomes.xlsform.example`. Run by hand from the
repository root:

    .venv/bin/python scripts/xlsform_example.py
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "duiding.settings")
os.environ.setdefault("DEBUG", "true")

import django  # noqa: E402

django.setup()

from duiding.outcomes.xlsform.example import PATH, example_workbook  # noqa: E402

target = ROOT / "src" / "duiding" / PATH
target.write_bytes(example_workbook())
print(f"wrote {target}")
