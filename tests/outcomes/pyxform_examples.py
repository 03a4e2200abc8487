"""The example form that ships inside the installed pyxform package, as an XLSForm workbook.

pyxform 4.5.0 ships no XLSForm workbook (no .xls/.xlsx/.md/.csv form, in the wheel nor in the
sdist); it ships `validators/xlsform_spec_test.xml`, the XForm its own XLSForm spec test
(tests/example_xls/xlsform_spec_test.xlsx in the pyxform repository) converts to. pyxform's
`xform2json.XFormToDictBuilder` reads that XForm back into the form's elements; `spec_rows` lays
them out again as the rows of an XLSForm `survey` and `choices` sheet, remembering the Excel row
of every element by name."""

from __future__ import annotations

from pathlib import Path

import pyxform
from pyxform.validators.util import XFORM_SPEC_PATH
from pyxform.xform2json import XFormToDictBuilder

PYXFORM_DIR = Path(pyxform.__file__).parent
FORM_SUFFIXES = (".xls", ".xlsx", ".xlsm", ".md", ".csv")
TYPES = {"select one": "select_one", "select all that apply": "select_multiple"}
SURVEY_HEADER = [
    "type",
    "name",
    "label",
    "label::Chinese (zh)",
    "hint",
    "required",
    "relevant",
    "constraint",
    "constraint_message",
    "calculation",
    "appearance",
]


def shipped_workbooks() -> list[Path]:
    return sorted(p for p in PYXFORM_DIR.rglob("*") if p.suffix.lower() in FORM_SUFFIXES)


def spec_elements() -> list[dict]:
    return XFormToDictBuilder(XFORM_SPEC_PATH).new_doc["children"]


def _label(value, language: str) -> str:
    if isinstance(value, dict):
        if language == "zh":
            return value.get("chinese", "")
        return value.get("english") or value.get("default") or ""
    return value or "" if language != "zh" else ""


class SpecSheets:
    """The survey and choices rows of the elements; `rows[name]` is an element's Excel row."""

    def __init__(self, elements: list[dict], keep=lambda element: True):
        self.survey = [SURVEY_HEADER]
        self.choices = [["list_name", "name", "label", "label::Chinese (zh)"]]
        self.rows: dict[str, int] = {}
        self._add(elements, keep)

    def _row(self, kind: str, element: dict) -> None:
        bind = element.get("bind") or {}
        label = element.get("label")
        message = bind.get("jr:constraintMsg")
        self.survey.append(
            [
                kind,
                element.get("name", ""),
                _label(label, "en"),
                _label(label, "zh"),
                _label(element.get("hint"), "en"),
                bind.get("required", ""),
                bind.get("relevant", ""),
                bind.get("constraint", ""),
                _label(message, "en"),
                bind.get("calculate", ""),
                (element.get("control") or {}).get("appearance", ""),
            ]
        )
        self.rows.setdefault(element.get("name", ""), len(self.survey))

    def _add(self, elements: list[dict], keep) -> None:
        for element in elements:
            kind = element.get("type", "")
            if (kind == "group" and element.get("name") == "meta") or not keep(element):
                continue  # the instance's meta block is not a row of an XLSForm
            if kind in ("group", "repeat"):
                self._row(f"begin_{kind}", element)
                self._add(element.get("children", []), keep)
                self.survey.append([f"end_{kind}"] + [""] * (len(SURVEY_HEADER) - 1))
            elif kind in TYPES:
                self._row(f"{TYPES[kind]} {element['name']}", element)
                for choice in element.get("children", []):
                    self.choices.append(
                        [
                            element["name"],
                            choice["name"],
                            _label(choice.get("label"), "en") or choice["name"],
                            _label(choice.get("label"), "zh"),
                        ]
                    )
            else:
                self._row(kind, element)
