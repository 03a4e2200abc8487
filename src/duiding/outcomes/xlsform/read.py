"""XLSForm -> question dicts, in small steps: open the workbook (sheets.py) -> read the survey
rows into questions (types, groups, choice lists, parameters) -> pyxform converts the workbook ->
`definition.clean_questions` checks the questions, its problems mapped back to sheet, row and
column. Every problem of the file is collected; any problem refuses the whole file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from django.utils.translation import gettext as _
from pyxform.errors import PyXFormError
from pyxform.parsing.parameters import parse as parse_parameters
from pyxform.xls2xform import convert

from duiding.outcomes.definition import KEY, TEXT_MAX_LENGTH, DefinitionError, clean_questions
from duiding.outcomes.xlsform.common import (
    DECIMAL_DEFAULT,
    DECIMALS_COLUMN,
    MEASURE_COLUMN,
    FormDefinition,
    XLSFormError,
    at,
    language_of,
    split_hint,
    split_number_constraint,
    split_text_constraint,
)
from duiding.outcomes.xlsform.sheets import REFUSED, ChoiceRow, Table, choice_lists, open_workbook
from duiding.outcomes.xlsform.types import (
    BEGIN_GROUP,
    DEVICE_METADATA,
    DROPPED_METADATA,
    END_GROUP,
    END_REPEATS,
    NO,
    REPEATS,
    SELECT,
    SELECTS,
    SIMPLE_TYPES,
    YES,
)


@dataclass
class _Source:
    """Where a question came from: its survey row and the choices-sheet rows of its choices."""

    row: int
    choice_rows: list[int] = field(default_factory=list)


class _Reader:
    def __init__(self, book, name: str):
        self.book = book
        self.survey: Table = book.survey
        self.sheet = book.survey.sheet
        self.choices_sheet = book.choices.sheet if book.choices else "choices"
        default = language_of(book.settings.get("default_language", "")) or "nl"
        self.plain = "en" if default == "en" else "nl"
        self.lists = choice_lists(book.choices, self.plain)
        self.errors: list[tuple[tuple[int, int], str]] = []  # ((sheet, row), message)
        self.flagged: set[tuple[int, str]] = set()
        self.notes: list[str] = []
        self.questions: list[dict] = []
        self.sources: list[_Source] = []
        self.placeholders: set[int] = set()  # questions standing in for a refused row
        self.name = name

    # --- messages ---------------------------------------------------------------------------

    def refuse(self, row: int, base: str, text: str, *, column: str | None = None) -> None:
        """A problem in the survey sheet, in the column `base` (its header as in the file)."""
        self.flagged.add((row, base))
        self.errors.append(
            ((0, row), at(self.sheet, row, column or self.survey.header(base) or base, text))
        )

    # --- the survey rows -----------------------------------------------------------------------

    def read(self) -> None:
        self._columns()
        groups: list[tuple[int, str]] = []  # (row, relevant) of the open groups
        for row, cells in self.survey.rows:
            kind = " ".join(self.survey.value(cells, "type").split())
            lower = kind.lower()
            self._refused_cells(row, cells)
            if lower in BEGIN_GROUP:
                groups.append((row, self.survey.value(cells, "relevant")))
            elif lower in END_GROUP:
                if not groups:
                    self.refuse(row, "type", _("‘%(t)s’ zonder begin_group ervoor.") % {"t": kind})
                else:
                    groups.pop()
            elif lower in END_REPEATS:
                continue  # the begin_repeat row is refused already
            else:
                self._question(row, cells, kind, [rel for _row, rel in groups if rel])
        for row, _relevant in groups:
            self.refuse(row, "type", _("deze groep wordt niet afgesloten met end_group."))

    def _columns(self) -> None:
        for column in self.survey.columns:
            if column.language == "" and column.base in ("label", "hint", "constraint_message"):
                self.notes.append(
                    _(
                        "De kolom ‘%(column)s’ is niet overgenomen: Duiding bewaart teksten in "
                        "het Nederlands en het Engels."
                    )
                    % {"column": column.header}
                )
        known = {"type", "name", "label", "hint", "required", "relevant", "constraint"}
        known |= {"constraint_message", "parameters", MEASURE_COLUMN, DECIMALS_COLUMN}
        ignored = [
            c.header
            for c in self.survey.columns
            if c.base not in known
            and c.base not in REFUSED
            and any(c.index < len(cells) and cells[c.index] for _r, cells in self.survey.rows)
        ]
        if ignored:
            self.notes.append(
                _("Niet overgenomen (Duiding gebruikt deze kolommen niet): %(columns)s.")
                % {"columns": ", ".join(ignored)}
            )

    def _refused_cells(self, row: int, cells: list[str]) -> None:
        for column in self.survey.columns:
            if column.base in REFUSED and column.index < len(cells) and cells[column.index]:
                self.flagged.add((row, column.base))
                text = _("Duiding kan ‘%(column)s’ niet opslaan; laat deze cel leeg.") % {
                    "column": column.header
                }
                self.errors.append(((0, row), at(self.sheet, row, column.header, text)))

    def _question(self, row: int, cells: list[str], kind: str, group_relevant: list[str]):
        value = lambda base: self.survey.value(cells, base)  # noqa: E731
        name = value("name")
        lower = kind.lower()
        if not kind:
            self.refuse(row, "type", _("het type ontbreekt."))
            return self._placeholder(row, name)
        if lower in DROPPED_METADATA:
            self.notes.append(
                _(
                    "Rij %(row)s (%(type)s) is niet overgenomen: Duiding bewaart niet wanneer "
                    "iemand de vragenlijst opende of verstuurde."
                )
                % {"row": row, "type": kind}
            )
            return None
        if lower in DEVICE_METADATA:
            self.refuse(
                row,
                "type",
                _(
                    "het type ‘%(type)s’ verzamelt gegevens over het apparaat of de persoon die "
                    "invult; die slaat Duiding niet op. Haal deze rij weg."
                )
                % {"type": kind},
            )
            return None
        if lower in REPEATS:
            self.refuse(
                row,
                "type",
                _("een herhaalde groep (‘%(type)s’) kan Duiding niet opslaan.") % {"type": kind},
            )
            return None
        q = {
            "key": name,
            "label": self.survey.texts(cells, "label", self.plain),
            "hint": self.survey.texts(cells, "hint", self.plain),
            "required": self._required(row, value("required")),
            "measure": value(MEASURE_COLUMN),
            "relevant": _and(group_relevant + [value("relevant")]),
            "constraint": value("constraint"),
            "constraint_message": self.survey.texts(cells, "constraint_message", self.plain),
        }
        self._piping(row, q)
        source = _Source(row)
        select = SELECT.match(kind) or SELECT.match(lower)
        if lower in SIMPLE_TYPES:
            q["kind"] = SIMPLE_TYPES[lower]
            built = getattr(self, f"_{q['kind']}")(row, cells, q, lower, source)
        elif select:
            built = self._select(row, q, select, source)
        elif lower in SELECTS:
            self.refuse(
                row,
                "type",
                _("na ‘%(type)s’ hoort de naam van een keuzelijst van blad choices.")
                % {"type": kind},
            )
            built = False
        else:
            self.refuse(
                row, "type", _("het type ‘%(type)s’ kan Duiding niet opslaan.") % {"type": kind}
            )
            built = False
        if not built:
            return self._placeholder(row, name)
        self.questions.append(q)
        self.sources.append(source)
        return q

    def _piping(self, row: int, q: dict) -> None:
        """An answer shown inside a text (`${naam}` in a label) is refused: the phone page would
        show it as written."""
        for base in ("label", "hint", "constraint_message"):
            for language in ("nl", "en"):
                if "${" in q[base][language]:
                    column = self.survey.header(base, language) or self.survey.header(base, "plain")
                    self.refuse(
                        row,
                        base,
                        _(
                            "een antwoord in de tekst (zoals ${naam}) kan Duiding niet tonen; "
                            "schrijf de tekst zonder verwijzing."
                        ),
                        column=column,
                    )
                    return

    def _placeholder(self, row: int, name: str) -> None:
        """A stand-in for a refused row with a name, so that later references to it do not add
        a second, misleading message (the file is refused anyway)."""
        if name:
            self.placeholders.add(len(self.questions))
            self.questions.append({"key": name, "kind": "note", "label": {"nl": "-"}})
            self.sources.append(_Source(row))

    def _required(self, row: int, text: str) -> bool:
        lower = text.strip().lower()
        if lower in YES:
            return True
        if lower not in NO:
            self.refuse(
                row,
                "required",
                _(
                    "‘%(value)s’ kan Duiding niet lezen: een vraag is verplicht (yes) of niet "
                    "(leeg); verplicht onder een voorwaarde kan niet."
                )
                % {"value": text},
            )
        return False

    # --- per kind ----------------------------------------------------------------------------

    def _number(self, row, cells, q, lower, source) -> bool:
        bounds, q["constraint"] = split_number_constraint(q["constraint"])
        q.update(bounds)
        decimals = self.survey.value(cells, DECIMALS_COLUMN)
        if lower in ("integer", "int"):
            q["decimals"] = 0
        elif decimals:
            q["decimals"] = decimals
        else:
            q["decimals"] = DECIMAL_DEFAULT
        return True

    def _text(self, row, cells, q, lower, source) -> bool:
        length, q["constraint"] = split_text_constraint(q["constraint"])
        q["max_length"] = length or TEXT_MAX_LENGTH
        return True

    def _note(self, row, cells, q, lower, source) -> bool:
        q["required"] = False
        return True

    def _scale(self, row, cells, q, lower, source) -> bool:
        try:
            params = parse_parameters(self.survey.value(cells, "parameters"), row)
        except PyXFormError:
            params = None
        wrong = params is None or set(params) - {"start", "end", "step", "tick_labelset"}
        numbers = {} if wrong else _whole(params, {"start": 1, "end": 10, "step": 1})
        if wrong or numbers is None or numbers["step"] != 1:
            self.refuse(
                row,
                "parameters",
                _(
                    "Duiding leest bij een range alleen hele getallen als start=1 end=10 step=1 "
                    "(stap 1), en eventueel tick_labelset=<keuzelijst>."
                ),
            )
            return False
        q["min"], q["max"] = numbers["start"], numbers["end"]
        for language in ("nl", "en"):
            hint, anchors = split_hint(q["hint"][language], q["min"], q["max"])
            q["hint"][language] = hint
            q.setdefault("anchors", {"min": {}, "max": {}})
            q["anchors"]["min"][language] = anchors["min"]
            q["anchors"]["max"][language] = anchors["max"]
        q["choices"] = []
        if params.get("tick_labelset"):
            rows = self._list(row, params["tick_labelset"], "parameters")
            if rows is None:
                return False
            q["choices"] = [{"value": c.value, "label": c.label} for c in rows]
            source.choice_rows = [c.row for c in rows]
        return True

    def _select(self, row, q, match, source) -> bool:
        q["kind"] = SELECTS[match.group(1).lower()]
        extra = match.group(3).split()
        if extra:
            self.refuse(
                row,
                "type",
                _("‘%(extra)s’ na de keuzelijst kan Duiding niet opslaan.")
                % {"extra": " ".join(extra)},
            )
            return False
        rows = self._list(row, match.group(2), "type")
        if rows is None:
            return False
        q["choices"] = [{"value": c.value, "label": c.label} for c in rows]
        source.choice_rows = [c.row for c in rows]
        return True

    def _list(self, row: int, name: str, base: str) -> list[ChoiceRow] | None:
        rows = self.lists.get(name) or next(
            (v for k, v in self.lists.items() if k.lower() == name.lower()), None
        )
        if rows is None:
            self.refuse(
                row,
                base,
                _("de keuzelijst ‘%(list)s’ staat niet op blad %(sheet)s.")
                % {"list": name, "sheet": self.choices_sheet},
            )
        return rows

    # --- the checks after the rows -----------------------------------------------------------

    def clean(self) -> list[dict]:
        """clean_questions on the questions; its problems named by sheet, row and column."""
        try:
            cleaned = clean_questions(self.questions)
        except DefinitionError as error:
            for problem in error.problems:
                self._definition_problem(problem)
            return []
        return [q for i, q in enumerate(cleaned) if i not in self.placeholders]

    def _definition_problem(self, problem) -> None:
        if problem.number is None:
            self.errors.append(((2, 0), at(self.sheet, None, None, problem.text)))
            return
        index = problem.number - 1
        if index in self.placeholders and problem.field != "key":
            return
        source, q = self.sources[index], self.questions[index]
        if problem.field in ("choice_value", "choice_label") and problem.choice:
            choice_row = source.choice_rows[problem.choice - 1]
            choices = self.book.choices
            if problem.field == "choice_value":
                column = choices.header("name") or "name"
            else:
                column = choices.header("label", self.plain) or choices.header("label", "plain")
            message = at(self.choices_sheet, choice_row, column or "label", problem.text)
            self.errors.append(((1, choice_row), message))
            return
        base = _column_of(problem.field, q.get("kind", ""))
        if (source.row, base) in self.flagged:
            return
        text = problem.text
        if base == "name":
            valid = KEY.match(str(q.get("key") or ""))
            text = (
                _("de naam ‘%(name)s’ komt al eerder voor.")
                if valid
                else _(
                    "de naam ‘%(name)s’ kan Duiding niet gebruiken: begin met een kleine letter "
                    "en gebruik alleen kleine letters, cijfers en _ (hoogstens 40 tekens)."
                )
            ) % {"name": q.get("key") or ""}
        column = None
        if base == "label":
            column = self.survey.header("label", self.plain) or self.survey.header("label", "plain")
        self.refuse(source.row, base, text, column=column)


def _column_of(field_name: str | None, kind: str) -> str:
    if field_name in ("min", "max", "anchors"):
        return "parameters" if kind == "scale" else "constraint"
    return {
        "key": "name",
        "kind": "type",
        "choices": "type",
        "decimals": "type",
        "max_length": "constraint",
        "label": "label",
        "hint": "hint",
        "measure": MEASURE_COLUMN,
        "relevant": "relevant",
        "constraint": "constraint",
    }.get(field_name or "", "type")


def _and(parts: list[str]) -> str:
    parts = [p.strip() for p in parts if p and p.strip()]
    if len(parts) <= 1:
        return parts[0] if parts else ""
    return " and ".join(f"({p})" for p in parts)


def _whole(params: dict, defaults: dict) -> dict | None:
    out = {}
    for name, default in defaults.items():
        text = params.get(name, str(default))
        if not re.fullmatch(r"-?\d+", text):
            return None
        out[name] = int(text)
    return out


def _data(file) -> bytes:
    if isinstance(file, bytes):
        return file
    if isinstance(file, str | Path):
        return Path(file).read_bytes()
    if hasattr(file, "seek"):
        file.seek(0)
    return file.read()


def _pyxform_problem(data: bytes) -> str | None:
    """pyxform's own check of the workbook (without ODK Validate, which needs Java)."""
    try:
        convert(xlsform=BytesIO(data), file_type=".xlsx", validate=False)
    except (PyXFormError, ValueError, KeyError, TypeError, IndexError, AttributeError) as error:
        return _("Volgens pyxform is dit geen geldig XLSForm: %(error)s") % {"error": error}
    return None


def read_xlsform(file, *, name: str = "") -> FormDefinition:
    """The form in `file` (bytes, a path or an uploaded file); XLSFormError when refused."""
    data = _data(file)
    name = name or str(getattr(file, "name", "") or (file if isinstance(file, str | Path) else ""))
    book = open_workbook(data)
    reader = _Reader(book, name)
    reader.read()
    if not reader.errors and not reader.questions:
        message = at(reader.sheet, None, None, _("er staat geen enkele vraag op dit blad."))
        raise XLSFormError([message])
    questions = reader.clean()
    if reader.errors:
        raise XLSFormError([message for _key, message in sorted(reader.errors)])
    problem = _pyxform_problem(data)
    if problem:
        raise XLSFormError([problem])
    title = book.settings.get("form_title") or book.settings.get("set_form_title") or ""
    title = title.strip() or Path(name).stem or _("Vragenlijst uit XLSForm")
    return FormDefinition(
        title=title[:200],
        questions=questions,
        notes=reader.notes,
        form_id=book.settings.get("form_id", ""),
    )
