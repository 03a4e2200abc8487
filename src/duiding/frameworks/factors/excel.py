"""The factor model as an Excel workbook: one sheet "Factoren", out and back in.

Export: one row per factor; lists (life areas, age phases, domains, indicator codes) are
comma-separated names. Text that Excel would read as a formula (starting with = + - @) is written
with a leading apostrophe, and read back without it.

Import: an upsert by name within the framework, all-or-nothing. Every row is checked first; an
unknown kind, life area, age phase, domain or indicator code, or a rank that is not a whole
number, gives a Dutch message naming the row and column, and then nothing changes.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils.exceptions import InvalidFileException

from duiding.core.exports import FORMULA_STARTS, xlsx_append
from duiding.frameworks.factors import history
from duiding.frameworks.factors.selectors import factors_of, framework_domains
from duiding.frameworks.models import AgePhase, Factor, FactorChange, Framework, LifeArea

SHEET = "Factoren"
COLUMNS = [
    "naam",
    "soort",
    "ranking",
    "leefgebieden",
    "leeftijdsfasen",
    "domeinen",
    "indicatoren",
    "toelichting",
    "bron",
    "standaard",
    "bevestigd",
]
KIND_WORDS = {"risico": Factor.Kind.RISK, "beschermend": Factor.Kind.PROTECTIVE, "beide": "both"}
KIND_OUT = {v: k for k, v in KIND_WORDS.items()}
YES, NO = "ja", "nee"
FORMULA_START = FORMULA_STARTS  # written with a leading apostrophe, read back without
MAX_NAME = Factor._meta.get_field("name").max_length
MAX_SOURCE = Factor._meta.get_field("source").max_length


def _unsafe(text: str) -> str:
    if len(text) > 1 and text[0] == "'" and text[1] in FORMULA_START:
        return text[1:]
    return text


# --- export -------------------------------------------------------------------------------------


def factor_row(factor: Factor) -> list:
    return [
        factor.name,
        KIND_OUT.get(factor.kind, factor.kind),
        factor.rank,
        ", ".join(a.name for a in factor.life_areas.all()),
        ", ".join(p.name for p in factor.age_phases.all()),
        ", ".join(d.name for d in factor.domains.all()),
        ", ".join(sorted(i.code for i in factor.indicators.all())),
        factor.explanation,
        factor.source,
        YES if factor.is_default else NO,
        YES if factor.confirmed else NO,
    ]


def factors_export(framework: Framework) -> bytes:
    """The framework's factor model as .xlsx bytes."""
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append(COLUMNS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for factor in factors_of(framework):
        xlsx_append(ws, factor_row(factor))  # formula-safe text, the rank as a whole number
    ws.freeze_panes = "A2"
    for letter, width in zip(
        "ABCDEFGHIJK", (45, 12, 9, 30, 30, 45, 35, 60, 50, 10, 10), strict=True
    ):
        ws.column_dimensions[letter].width = width
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# --- import -------------------------------------------------------------------------------------


class FactorImportError(Exception):
    """The file was refused; `messages` says why (Dutch, per row and column)."""

    def __init__(self, messages: list[str]):
        super().__init__("\n".join(messages))
        self.messages = messages


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    names: list[str] = field(default_factory=list)


@dataclass
class _Row:
    number: int
    values: dict
    relations: dict


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _unsafe(str(value).strip())


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _split_known(text: str, known: dict) -> tuple[list, list[str]]:
    """Comma-separated names, where a known name may itself hold a comma ("Meedoen aan sport,
    cultuur en vrijwilligerswerk"): the longest run of pieces that is a known name wins."""
    pieces = [p.strip() for p in text.split(",")]
    found, unknown = [], []
    i = 0
    while i < len(pieces):
        for j in range(len(pieces), i, -1):
            key = _norm(", ".join(pieces[i:j]))
            if key in known:
                if known[key] not in found:
                    found.append(known[key])
                i = j
                break
        else:
            if pieces[i]:
                unknown.append(pieces[i])
            i += 1
    return found, unknown


class _Lookups:
    def __init__(self, framework: Framework, indicators):
        self.life_areas = {}
        for a in LifeArea.objects.all():
            self.life_areas[_norm(a.name)] = a
            self.life_areas[_norm(a.code)] = a
        self.age_phases = {}
        for p in AgePhase.objects.all():
            self.age_phases[_norm(p.name)] = p
            self.age_phases[_norm(p.code)] = p
        self.domains = {}
        for d in framework_domains(framework):
            self.domains.setdefault(_norm(d.name), d)
            self.domains[_norm(f"{d.pillar.name} · {d.name}")] = d
        self.indicators = {_norm(i.code): i for i in indicators}


def _read_rows(file) -> list[tuple[int, dict]]:
    try:
        wb = load_workbook(file, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise FactorImportError(
            [_("Het bestand is geen Excel-bestand (.xlsx) dat Duiding kan lezen.")]
        ) from None
    if SHEET not in wb.sheetnames:
        raise FactorImportError(
            [_("Het bestand heeft geen tabblad '%(sheet)s'.") % {"sheet": SHEET}]
        )
    rows = wb[SHEET].iter_rows(values_only=True)
    header = next(rows, None) or ()
    columns = {}
    for index, title in enumerate(header):
        key = _norm(_text(title))
        if key in COLUMNS and key not in columns:
            columns[key] = index
    missing = [c for c in ("naam", "soort") if c not in columns]
    if missing:
        raise FactorImportError(
            [_("Rij 1: de kolom '%(column)s' ontbreekt.") % {"column": c} for c in missing]
        )
    out = []
    for number, row in enumerate(rows, start=2):
        cells = {c: _text(row[i]) if i < len(row) else "" for c, i in columns.items()}
        if any(cells.values()):
            out.append((number, cells))
    wb.close()
    return out


def _bool(value: str) -> bool | None:
    v = _norm(value)
    if v in ("ja", "j", "waar", "true", "1", "yes"):
        return True
    if v in ("nee", "n", "onwaar", "false", "0", "no"):
        return False
    return None


def _check_name(cells: dict, values: dict, error) -> None:
    name = cells.get("naam", "")
    if not name:
        error("naam", _("de naam ontbreekt"))
    elif len(name) > MAX_NAME:
        error("naam", _("de naam is langer dan %(max)s tekens") % {"max": MAX_NAME})
    values["name"] = name


def _check_kind(cells: dict, values: dict, error) -> None:
    word = _norm(cells.get("soort", ""))
    kind = KIND_WORDS.get(word)
    if kind is None:
        kind_map = {k.value: k.value for k in Factor.Kind} | {
            _norm(str(k.label)): k.value for k in Factor.Kind
        }
        kind = kind_map.get(word)
    if kind is None:
        error(
            "soort",
            _("onbekende soort '%(value)s' (gebruik risico, beschermend of beide)")
            % {"value": cells.get("soort", "")},
        )
    values["kind"] = kind


def _check_rank(cells: dict, values: dict, error) -> None:
    if "ranking" not in cells:
        return
    raw = cells["ranking"]
    if not raw:
        values["rank"] = None
    elif raw.isdigit() and 1 <= int(raw) <= 999:
        values["rank"] = int(raw)
    else:
        error("ranking", _("'%(value)s' is geen geheel getal van 1 tot 999") % {"value": raw})


def _check_lists(cells: dict, lk: _Lookups, relations: dict, error) -> None:
    """The comma-separated columns: every name must be known; the known ones become relations."""
    lists = (
        ("leefgebieden", "life_areas", lk.life_areas, _("onbekend leefgebied '%(value)s'")),
        ("leeftijdsfasen", "age_phases", lk.age_phases, _("onbekende leeftijdsfase '%(value)s'")),
        ("domeinen", "domains", lk.domains, _("onbekend domein '%(value)s'")),
        ("indicatoren", "indicators", lk.indicators, _("onbekende indicator '%(value)s'")),
    )
    for column, key, known, message in lists:
        if column not in cells:
            continue
        found, unknown = _split_known(cells[column], known)
        for value in unknown:
            error(column, message % {"value": value})
        relations[key] = found


def _check_texts(cells: dict, values: dict, error) -> None:
    if "toelichting" in cells:
        values["explanation"] = cells["toelichting"]
    if "bron" in cells:
        if len(cells["bron"]) > MAX_SOURCE:
            error("bron", _("de bron is langer dan %(max)s tekens") % {"max": MAX_SOURCE})
        values["source"] = cells["bron"]


def _check_flags(cells: dict, values: dict, error) -> None:
    for column, key in (("standaard", "is_default"), ("bevestigd", "confirmed")):
        if column in cells and cells[column]:
            flag = _bool(cells[column])
            if flag is None:
                error(column, _("'%(value)s' is geen ja of nee") % {"value": cells[column]})
            values[key] = flag


def _check_row(number: int, cells: dict, lk: _Lookups, errors: list[str]) -> _Row | None:
    """One row checked column by column; None (and messages in `errors`) when any column fails."""

    def error(column: str, text: str) -> None:
        errors.append(
            _("Rij %(row)s, kolom '%(column)s': %(text)s")
            % {"row": number, "column": column, "text": text}
        )

    before = len(errors)
    values: dict = {}
    relations: dict = {}
    _check_name(cells, values, error)
    _check_kind(cells, values, error)
    _check_rank(cells, values, error)
    _check_lists(cells, lk, relations, error)
    _check_texts(cells, values, error)
    _check_flags(cells, values, error)
    if len(errors) > before:
        return None
    return _Row(number, values, relations)


def _differs(factor: Factor, row: _Row) -> bool:
    if any(getattr(factor, k) != v for k, v in row.values.items() if k != "name"):
        return True
    for key, wanted in row.relations.items():
        if {o.pk for o in getattr(factor, key).all()} != {o.pk for o in wanted}:
            return True
    return factor.name != row.values["name"]


def _checked_rows(file, lookups: _Lookups) -> list[_Row]:
    """Every row of the file checked; raises FactorImportError with all messages at once."""
    errors: list[str] = []
    rows: list[_Row] = []
    seen: dict[str, int] = {}
    for number, cells in _read_rows(file):
        row = _check_row(number, cells, lookups, errors)
        if row is None:
            continue
        key = _norm(row.values["name"])
        if key in seen:
            errors.append(
                _("Rij %(row)s, kolom 'naam': '%(name)s' staat ook al op rij %(first)s")
                % {"row": number, "name": row.values["name"], "first": seen[key]}
            )
            continue
        seen[key] = number
        rows.append(row)
    if errors:
        raise FactorImportError(errors)
    if not rows:
        raise FactorImportError([_("Het tabblad 'Factoren' bevat geen factoren.")])
    return rows


def _upsert(framework: Framework, row: _Row, existing: dict, summary: ImportSummary, user) -> None:
    """Create or update the factor of one checked row, with its relations and a history entry."""
    factor = existing.get(_norm(row.values["name"]))
    before = None
    if factor is None:
        factor = Factor(framework=framework, **row.values)
        factor.full_clean()
        factor.save()
        summary.created += 1
    elif _differs(factor, row):
        before = history.factor_snapshot(factor)
        for key, value in row.values.items():
            setattr(factor, key, value)
        factor.full_clean()
        factor.save()
        summary.updated += 1
    else:
        summary.unchanged += 1
        return
    for key, values in row.relations.items():
        getattr(factor, key).set(values)
    history.record(factor, user=user, action=FactorChange.Action.IMPORTED, before=before)
    summary.names.append(factor.name)


def factors_import(*, framework: Framework, file, indicators, user=None) -> ImportSummary:
    """Upsert the factors of an .xlsx file into the framework, all-or-nothing.

    `indicators`: the indicators the importer may link (a queryset). Raises FactorImportError
    with every problem when anything is wrong; then nothing has changed.
    """
    rows = _checked_rows(file, _Lookups(framework, indicators))
    summary = ImportSummary()
    existing = {_norm(f.name): f for f in factors_of(framework)}
    with transaction.atomic():
        for row in rows:
            _upsert(framework, row, existing, summary, user)
    return summary
