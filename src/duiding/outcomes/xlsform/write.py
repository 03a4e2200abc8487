"""Question dicts -> an XLSForm workbook (.xlsx) with the sheets survey, choices and settings,
that pyxform converts and `read_xlsform` reads back to the same questions."""

from __future__ import annotations

import re
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font

from duiding.outcomes.definition import TEXT_MAX_LENGTH
from duiding.outcomes.models import Questionnaire, QuestionnaireVersion
from duiding.outcomes.xlsform.common import (
    DECIMAL_DEFAULT,
    DECIMALS_COLUMN,
    LANGUAGE_NAMES,
    MEASURE_COLUMN,
    join_hint,
    join_number_constraint,
    join_text_constraint,
)

TYPES = {"text": "text", "note": "note", "scale": "range"}


def _texts(value, language: str) -> str:
    return (value or {}).get(language, "") if isinstance(value, dict) else ""


def _type(q: dict) -> str:
    kind = q["kind"]
    if kind == "single":
        return f"select_one {q['key']}"
    if kind == "multiple":
        return f"select_multiple {q['key']}"
    if kind == "number":
        return "integer" if not q.get("decimals") else "decimal"
    return TYPES[kind]


def _constraint(q: dict) -> str:
    if q["kind"] == "number":
        return join_number_constraint(q)
    if q["kind"] == "text":
        return join_text_constraint(q, TEXT_MAX_LENGTH)
    return q.get("constraint") or ""


def _parameters(q: dict) -> str:
    if q["kind"] != "scale":
        return ""
    text = f"start={q['min']} end={q['max']} step=1"
    return f"{text} tick_labelset={q['key']}" if q.get("choices") else text


def _hint(q: dict, language: str) -> str:
    hint = _texts(q.get("hint"), language)
    if q["kind"] != "scale":
        return hint
    anchors = q.get("anchors") or {}
    return join_hint(
        hint,
        {"min": _texts(anchors.get("min"), language), "max": _texts(anchors.get("max"), language)},
        q["min"],
        q["max"],
    )


def _decimals(q: dict) -> str:
    if q["kind"] == "number" and q.get("decimals") and q["decimals"] != DECIMAL_DEFAULT:
        return str(q["decimals"])
    return ""


def _append(ws, values: list) -> None:
    """A row of text cells: a text starting with = stays text (never a formula)."""
    ws.append(values)
    for cell in ws[ws.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"


def _header(ws, values: list[str]) -> None:
    _append(ws, values)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"


def questions_workbook(
    questions: list[dict],
    *,
    title: str,
    form_id: str,
    version: str = "1",
    languages: tuple[str, ...] = ("nl", "en"),
) -> bytes:
    """The XLSForm of these (cleaned) questions."""
    languages = tuple(lang for lang in ("nl", "en") if lang in languages) or ("nl",)
    names = {lang: LANGUAGE_NAMES[lang] for lang in languages}
    book = Workbook()
    survey = book.active
    survey.title = "survey"
    extra = []
    if any(q.get("measure") for q in questions):
        extra.append(MEASURE_COLUMN)
    if any(_decimals(q) for q in questions):
        extra.append(DECIMALS_COLUMN)
    header = ["type", "name"]
    header += [f"label::{names[lang]}" for lang in languages]
    header += [f"hint::{names[lang]}" for lang in languages]
    header += ["required", "relevant", "constraint"]
    header += [f"constraint_message::{names[lang]}" for lang in languages]
    header += ["parameters", *extra]
    _header(survey, header)
    choices = book.create_sheet("choices")
    _header(choices, ["list_name", "name", *[f"label::{names[lang]}" for lang in languages]])
    for q in questions:
        row = [_type(q), q["key"]]
        row += [_texts(q.get("label"), lang) for lang in languages]
        row += [_hint(q, lang) for lang in languages]
        row += ["yes" if q.get("required") and q["kind"] != "note" else ""]
        row += [q.get("relevant") or "", _constraint(q)]
        row += [_texts(q.get("constraint_message"), lang) for lang in languages]
        row += [_parameters(q)]
        if MEASURE_COLUMN in extra:
            row.append(q.get("measure") or "")
        if DECIMALS_COLUMN in extra:
            row.append(_decimals(q))
        _append(survey, row)
        for choice in q.get("choices") or []:
            labels = [_texts(choice.get("label"), lang) for lang in languages]
            _append(choices, [q["key"], choice["value"], *labels])
    settings = book.create_sheet("settings")
    _header(settings, ["form_title", "form_id", "version", "default_language"])
    _append(settings, [title, form_id, version, names[languages[0]]])
    for ws in (survey, choices, settings):
        for column in ws.columns:
            width = max(len(str(c.value or "")) for c in column)
            ws.column_dimensions[column[0].column_letter].width = min(max(width + 2, 10), 60)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def form_id_of(questionnaire: Questionnaire) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", questionnaire.title.lower()).strip("_")[:40]
    return f"duiding_{slug or 'vragenlijst'}_{questionnaire.code.lower()}"


def write_xlsform(
    source: Questionnaire | QuestionnaireVersion, *, languages: tuple[str, ...] = ("nl", "en")
) -> bytes:
    """The XLSForm of a questionnaire (its latest version) or of one version of it."""
    version = source.current if isinstance(source, Questionnaire) else source
    questionnaire = source if isinstance(source, Questionnaire) else source.questionnaire
    return questions_workbook(
        list(version.questions) if version else [],
        title=questionnaire.title,
        form_id=form_id_of(questionnaire),
        version=str(version.number if version else 1),
        languages=languages,
    )
