"""Parser for a municipality's own figures: a long CSV or Excel file, one value per row.

Columns (header in row 1, Dutch or English, any case; spaces, `_` and `-` do not matter):
gebiedscode / area_code, indicator / indicatorcode / indicator_code, periode / period,
waarde / value, and optionally teller / numerator, noemer / denominator, categorie / category.

Values (the README beside this file says the same for users):
- numbers in Dutch ("1.234,5", "12,5") or English ("1,234.5", "12.5") notation, spaces as thousands
  separator ("1 234"); one notation per file, taken from the cells that show it, otherwise from the
  separator (`;`/tab and Excel: Dutch, `,`: English), with a warning for cells like "1.234";
- `.` or `x` = geheim (suppressed), `-` = nihil (0, as in CBS tables), empty = niet beschikbaar;
- area codes and indicator codes must exist in Duiding (an indicator of another organisation does
  not count); an indicator may also be written under one of its series aliases (e.g. `a_inw`);
- numerator and denominator: counts, the denominator above 0, the numerator not above it.
Every problem is a Dutch message naming row (header = row 1) and column; any error refuses the file.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from django.db.models import Q
from django.utils.translation import gettext as _

from duiding.areas.models import Area
from duiding.indicators.importing import kwb_keys
from duiding.indicators.importing.observation_rows import ObservationRows
from duiding.indicators.importing.tabular import MessageLog, TableError, open_table
from duiding.indicators.importing.types import ParseResult
from duiding.indicators.models import Indicator, SeriesAlias

HEADERS = {
    "area": ("gebiedscode", "areacode"),
    "indicator": ("indicator", "indicatorcode"),
    "period": ("periode", "period"),
    "value": ("waarde", "value"),
    "numerator": ("teller", "numerator"),
    "denominator": ("noemer", "denominator"),
    "category": ("categorie", "category"),
}
REQUIRED = ("area", "indicator", "period", "value")
ROLE_BY_HEADER = {name: role for role, names in HEADERS.items() for name in names}
DATASET_CODE_MAX = 60


def normalise_header(text) -> str:
    return re.sub(r"[\s_\-]+", "", str(text or "")).lower()


def _org_slug_name(organisation) -> tuple[str, str]:
    if organisation is None:
        return "", ""
    if isinstance(organisation, str):
        return organisation, organisation
    return organisation.slug, organisation.name


def dataset_code_for(file_name: str, organisation=None) -> str:
    """`eigen:<organisation slug>:<file name>`, at most 60 characters (long names get a hash)."""
    slug, _name = _org_slug_name(organisation)
    prefix = f"eigen:{slug}:" if slug else "eigen:"
    code = prefix + file_name
    if len(code) <= DATASET_CODE_MAX:
        return code
    digest = hashlib.sha1(file_name.encode(), usedforsecurity=False).hexdigest()[:8]
    keep = DATASET_CODE_MAX - len(prefix) - len(digest) - 1
    return f"{prefix}{file_name[:keep]}~{digest}"


def known_areas_from_db() -> dict[str, str]:
    return {code.upper(): code for code in Area.objects.values_list("code", flat=True)}


def known_indicators_from_db(organisation=None) -> dict[str, str]:
    """Lower-case code or alias -> indicator code, for open indicators and the organisation's own."""
    scope = Q(organisation__isnull=True)
    if organisation is not None and not isinstance(organisation, str):
        scope |= Q(organisation=organisation)
    elif isinstance(organisation, str):
        scope |= Q(organisation__slug=organisation)
    codes = list(Indicator.objects.filter(scope).values_list("code", flat=True))
    known = {code.lower(): code for code in codes}
    exact = set(codes)
    aliases = list(
        SeriesAlias.objects.filter(kind=SeriesAlias.Kind.MEASURE).values_list("alias", "canonical")
    )
    for alias, canonical in [*((a, c) for a, c, _note in kwb_keys.kwb_aliases()), *aliases]:
        if canonical in exact:
            known.setdefault(alias.lower(), canonical)
    return known


def parse_observations(
    path,
    *,
    organisation=None,
    file_name: str = "",
    known_areas: dict[str, str] | set[str] | None = None,
    known_indicators: dict[str, str] | set[str] | None = None,
) -> ParseResult:
    """Read a long file of own figures. Reads the database only to know area and indicator codes
    (pass `known_areas` / `known_indicators` to avoid that)."""
    path = Path(path)
    file_name = file_name or path.name
    _slug, org_name = _org_slug_name(organisation)
    result = ParseResult(
        dataset_code=dataset_code_for(file_name, organisation),
        dataset_title=(
            _("Eigen cijfers %(org)s: %(file)s") % {"org": org_name, "file": file_name}
            if org_name
            else _("Eigen cijfers: %(file)s") % {"file": file_name}
        ),
    )
    log = MessageLog(result.messages)
    try:
        with open_table(
            path,
            expected=set(ROLE_BY_HEADER),
            normalise=normalise_header,
            percent_scale=True,
        ) as table:
            columns = _header_roles(table, log)
            if columns is not None:
                if known_areas is None:
                    known_areas = known_areas_from_db()
                if known_indicators is None:
                    known_indicators = known_indicators_from_db(organisation)
                ObservationRows(table, columns, result, log, _as_lookup(known_areas, upper=True),
                      _as_lookup(known_indicators, upper=False)).parse()  # fmt: skip
    except TableError as exc:
        result.messages.append(exc.message)
    log.close()
    result.rows_refused = len(log.error_rows)
    return result


def _as_lookup(known, *, upper: bool) -> dict[str, str]:
    if isinstance(known, dict):
        return known
    return {(c.upper() if upper else c.lower()): c for c in known}


def _header_roles(table, log: MessageLog) -> dict[str, int] | None:
    """Role -> column index; None (with messages) when the header is not usable."""
    header = table.header
    columns: dict[str, int] = {}
    for index, title in enumerate(header):
        role = ROLE_BY_HEADER.get(normalise_header(title))
        if role is None:
            if title:
                log.add(
                    _(
                        "Kolom '%(column)s' (rij 1) is geen kolom die Duiding kent en wordt niet gelezen."
                    )
                    % {"column": title},
                    column=title,
                    level="warning",
                )
            continue
        if role in columns:
            log.add(
                _(
                    "Rij 1: de kolommen '%(first)s' en '%(second)s' betekenen hetzelfde; houd er één."
                )
                % {"first": header[columns[role]], "second": title},
                row=1,
                column=title,
            )
            return None
        columns[role] = index
    missing = [role for role in REQUIRED if role not in columns]
    if missing:
        names = ", ".join(f"'{HEADERS[r][0]}'" for r in missing)
        message = _(
            "Rij 1: de kopregel mist de kolom(men) %(names)s. Verwacht: gebiedscode, indicator, "
            "periode, waarde (en eventueel teller, noemer). Gevonden: %(found)s."
        ) % {"names": names, "found": ", ".join(f"'{h}'" for h in header if h) or _("niets")}
        if table.kind == "csv" and len([h for h in header if h]) == 1:
            message += " " + _(
                "Er is maar één kolom gevonden: gebruik ; of , of een tab tussen de kolommen."
            )
        log.add(message, row=1, column=", ".join(HEADERS[r][0] for r in missing))
        return None
    return columns
