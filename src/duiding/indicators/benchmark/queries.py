"""The hot queries of `selectors.area_benchmark`, written as plain SQL.

Why not the ORM: a benchmark page runs these for every request, and building the SQL of a
QuerySet with a few hundred ids (and the visibility subqueries) cost more than running it. The
SQL below is portable (SQLite and PostgreSQL), uses the observation indexes
(`obs_area_period`, `obs_one_current` on indicator, area, period, category) and returns tuples in
the order of `ROW` (plus `PROVENANCE` where asked).

Visibility: the caller passes `hidden = (dataset ids, indicator ids)` from
`indicators.permissions.hidden_observation_sources(user)`; nothing is added while both are empty.
"""

from __future__ import annotations

from django.db import connection

from duiding.areas.models import Area, LevelName
from duiding.indicators.models import Dataset, Indicator, Observation, Period

ROW = "o.id, o.indicator_id, o.area_id, o.period_id, o.value, o.status, o.numerator, o.denominator"
PROVENANCE = (
    "d.code, d.title, o.source_file, o.source_row, o.source_column, o.source_category, "
    "o.published_area_code, o.indelingswijziging"
)
OBS = Observation._meta.db_table
DATASET = Dataset._meta.db_table


def _placeholders(values) -> str:
    return ", ".join(["%s"] * len(values))


def _visible(hidden: tuple[list[int], list[int]], params: list, o: str = "o") -> str:
    """SQL (AND ...) leaving out hidden datasets and indicators of the observations aliased `o`;
    appends to params."""
    datasets, indicators = hidden
    sql = ""
    if datasets:
        sql += f" AND ({o}.dataset_id IS NULL OR {o}.dataset_id NOT IN ({_placeholders(datasets)}))"
        params.extend(datasets)
    if indicators:
        sql += f" AND {o}.indicator_id NOT IN ({_placeholders(indicators)})"
        params.extend(indicators)
    return sql


def _fetch(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def area_rows(area_id: int, hidden) -> list[tuple]:
    """Every current, total-category observation of one area (all periods)."""
    params: list = [area_id]
    sql = f"SELECT {ROW} FROM {OBS} o WHERE o.area_id = %s AND o.is_current AND o.category = ''"
    return _fetch(sql + _visible(hidden, params), params)


def pair_rows(area_ids: list[int], pairs: dict[int, list[int]], hidden) -> list[tuple]:
    """The observations of these areas for exactly the given {period id: [indicator ids]}, with
    provenance (ROW + PROVENANCE)."""
    params: list = list(area_ids)
    branches = []
    for period_id, indicator_ids in pairs.items():
        branches.append(
            f"(o.period_id = %s AND o.indicator_id IN ({_placeholders(indicator_ids)}))"
        )
        params.append(period_id)
        params.extend(indicator_ids)
    sql = (
        f"SELECT {ROW}, {PROVENANCE} FROM {OBS} o LEFT JOIN {DATASET} d ON d.id = o.dataset_id "
        f"WHERE o.area_id IN ({_placeholders(area_ids)}) AND o.is_current AND o.category = '' "
        f"AND ({' OR '.join(branches)})"
    )
    return _fetch(sql + _visible(hidden, params), params)


def series_rows(area_ids: list[int], indicator_ids: list[int], hidden) -> list[tuple]:
    """All periods of these indicators for these areas (ROW)."""
    params: list = [*indicator_ids, *area_ids]
    sql = (
        f"SELECT {ROW} FROM {OBS} o WHERE o.indicator_id IN ({_placeholders(indicator_ids)}) "
        f"AND o.area_id IN ({_placeholders(area_ids)}) AND o.is_current AND o.category = ''"
    )
    return _fetch(sql + _visible(hidden, params), params)


INDICATOR_FIELDS = (
    "pk",
    "code",
    "name",
    "definition",
    "unit_kind",
    "unit_label",
    "decimals",
    "direction",
    "source",
    "rhythm",
    "flag_threshold_pct",
    "flag_requires_significance",
)


def indicator_rows(indicator_ids: list[int]) -> list[tuple]:
    """Indicator metadata in the order of INDICATOR_FIELDS (booleans as stored: 0/1 on SQLite),
    followed by one domain id: one row per (indicator, domain), domain None when it has none."""

    # the domain links (frameworks' DomainIndicator), through the relation frameworks declares
    links = Indicator.domains.through
    columns = ", ".join(f"i.{'id' if f == 'pk' else f}" for f in INDICATOR_FIELDS)
    sql = (
        f"SELECT {columns}, di.domain_id FROM {Indicator._meta.db_table} i "
        f"LEFT JOIN {links._meta.db_table} di ON di.indicator_id = i.id "
        f"WHERE i.id IN ({_placeholders(indicator_ids)})"
    )
    return _fetch(sql, list(indicator_ids))


def _chosen_cte(area_id: int, period: str | None, hidden, params: list) -> str:
    """`WITH chosen AS (...)`: the area's current total-category observations (id, indicator,
    period) ranked per indicator by the period rule, rn = 1 the shown one; appends to params."""
    params.append(area_id)
    where = ""
    year_first = ""
    if period is not None and len(period) == 4 and period.isdigit():
        where = " AND p.year = %s"
        params.append(int(period))
        year_first = "CASE WHEN p.kind = 'year' THEN 0 ELSE 1 END, "
    elif period is not None:
        where = " AND p.code = %s"
        params.append(period)
    where += _visible(hidden, params)
    return (
        "WITH chosen AS ("
        " SELECT o.id, o.indicator_id, o.period_id, ROW_NUMBER() OVER ("
        "  PARTITION BY o.indicator_id ORDER BY "
        f"  {year_first}CASE WHEN o.status = 'ok' THEN 0 ELSE 1 END, p.\"end\" DESC, p.start ASC"
        " ) AS rn"
        f" FROM {OBS} o JOIN {Period._meta.db_table} p ON p.id = o.period_id"
        f" WHERE o.area_id = %s AND o.is_current AND o.category = ''{where}"
        ")"
    )


def shown_rows(area_id: int, comparison_ids: list[int], period: str | None, hidden) -> list[tuple]:
    """One query for a benchmark without series: per indicator the area's figure chosen by the
    period rule (benchmark/README.md), and the comparison areas' figures of the same indicator and
    period: ROW + PROVENANCE + the period's code, label, kind and year (these last twelve NULL
    on the comparison rows).

    The ORDER BY of the window is the period rule of `benchmark.pick_period`: for a year, the
    year itself first; then a figure (status ok) before none; then the later end; then the
    earlier start (the longer period). `selectors.area_benchmark(with_series=True)` applies the
    same rule in Python; tests check that both agree.
    """

    params: list = []
    chosen = _chosen_cte(area_id, period, hidden, params)
    periods = Period._meta.db_table
    blanks = ", ".join(["NULL"] * (len(PROVENANCE.split(", ")) + 4))
    # The area's own rows carry provenance and period; the comparison rows (same indicator and
    # period) only the figures: the source strings cost as much as the rest.
    sql = (
        f"{chosen} "
        f"SELECT {ROW}, {PROVENANCE}, p.code, p.label, p.kind, p.year FROM chosen c"
        f" JOIN {OBS} o ON o.id = c.id JOIN {periods} p ON p.id = c.period_id"
        f" LEFT JOIN {DATASET} d ON d.id = o.dataset_id WHERE c.rn = 1"
    )
    if comparison_ids:
        params.extend(comparison_ids)
        comparison_visible = _visible(hidden, params)
        sql += (
            f" UNION ALL SELECT {ROW}, {blanks} FROM chosen c"
            f" JOIN {OBS} o ON o.indicator_id = c.indicator_id AND o.period_id = c.period_id"
            f" WHERE c.rn = 1 AND o.area_id IN ({_placeholders(comparison_ids)})"
            f" AND o.is_current AND o.category = ''{comparison_visible}"
        )
    return _fetch(sql, params)


# What the rules and the API's benchmark read of an indicator (`types.RuleIndicator`, pk aside).
RULE_INDICATOR = (
    "i.code, i.name, i.unit_kind, i.direction, i.flag_threshold_pct, i.flag_requires_significance"
)
# Per comparison area, on the area's row: its observation of the same indicator and period.
WIDE_COMPARISON = ("id", "value", "status", "numerator", "denominator")


def shown_wide_rows(
    area_id: int, comparison_ids: list[int], period: str | None, hidden
) -> list[tuple]:
    """`shown_rows` with one row per indicator (the API's path): the area's row (ROW +
    PROVENANCE + the period's code, label, kind and year) + the indicator's RULE_INDICATOR
    columns + per comparison area, in the order given, its observation's WIDE_COMPARISON columns
    (all NULL when it has none): no query of their own for the indicators, and no comparison
    rows padded with the area's columns. The same period rule and visibility as `shown_rows`.
    """

    params: list = []
    chosen = _chosen_cte(area_id, period, hidden, params)
    columns = []
    joins = []
    for n, comparison_id in enumerate(comparison_ids):
        x = f"x{n}"
        columns.append(", ".join(f"{x}.{c}" for c in WIDE_COMPARISON))
        params.append(comparison_id)
        joins.append(
            f" LEFT JOIN {OBS} {x} ON {x}.indicator_id = c.indicator_id"
            f" AND {x}.period_id = c.period_id AND {x}.area_id = %s"
            f" AND {x}.is_current AND {x}.category = ''{_visible(hidden, params, x)}"
        )
    comparison_columns = "".join(f", {c}" for c in columns)
    sql = (
        f"{chosen} SELECT {ROW}, {PROVENANCE}, p.code, p.label, p.kind, p.year, "
        f"{RULE_INDICATOR}{comparison_columns} FROM chosen c"
        f" JOIN {OBS} o ON o.id = c.id JOIN {Period._meta.db_table} p ON p.id = c.period_id"
        f" LEFT JOIN {DATASET} d ON d.id = o.dataset_id"
        f" JOIN {Indicator._meta.db_table} i ON i.id = c.indicator_id{''.join(joins)}"
        " WHERE c.rn = 1"
    )
    return _fetch(sql, params)


def area_period_rows(area_id: int, hidden) -> list[tuple]:
    """(code, label, kind, year) of the periods in which the area has observations, in time order.

    No is_current filter: a revised figure keeps its period, so every period with an earlier
    version also has a current one, and without the filter the (area, period) index answers
    alone (ten times faster).
    """

    params: list = [area_id]
    visible = _visible(hidden, params)
    sql = (
        f"SELECT p.code, p.label, p.kind, p.year FROM {Period._meta.db_table} p "
        f"WHERE p.id IN (SELECT o.period_id FROM {OBS} o WHERE o.area_id = %s{visible}) "
        'ORDER BY p.start, p."end"'
    )
    return _fetch(sql, params)


def period_rows() -> list[tuple]:
    """(id, code, label, kind, year, start, end) of all periods (a small table)."""

    return _fetch(
        f'SELECT id, code, label, kind, year, start, "end" FROM {Period._meta.db_table}', []
    )


def area_row(code: str, fields: tuple[str, ...]) -> tuple | None:
    """These columns of the area with this code, or None."""

    rows = _fetch(f"SELECT {', '.join(fields)} FROM {Area._meta.db_table} WHERE code = %s", [code])
    return rows[0] if rows else None


AREA_COLUMNS = "id, code, name, level, parent_id, municipality_id, indelingswijziging"


def context_rows(
    *, code: str | None = None, area_id: int | None = None, country_code: str, hidden_sql
) -> list[tuple]:
    """Everything a benchmark needs before its figures, in one query. Rows are
    (kind, id, code, name, level, parent_id, municipality_id, indelingswijziging) with kind
    'a' the area (by code or id), 'c' its parent, municipality and the country, 'l' the
    municipality's own level names (name = the word), 'd' / 'i' hidden datasets / indicators
    (`indicators.permissions.hidden_sources_sql`: (sql, params)).
    """

    areas = Area._meta.db_table
    by = "code = %s" if code is not None else "id = %s"
    params: list = [code if code is not None else area_id, country_code]
    sql = (
        f"WITH target AS (SELECT {AREA_COLUMNS} FROM {areas} WHERE {by}) "
        f"SELECT 'a', {AREA_COLUMNS} FROM target "
        f"UNION ALL SELECT 'c', {', '.join('x.' + c for c in AREA_COLUMNS.split(', '))} "
        f"FROM {areas} x WHERE x.id IN (SELECT parent_id FROM target) "
        "OR x.id IN (SELECT municipality_id FROM target) OR x.code = %s "
        "UNION ALL SELECT 'l', NULL, NULL, n.singular, n.level, NULL, NULL, NULL "
        f"FROM {LevelName._meta.db_table} n WHERE n.municipality_id = (SELECT CASE "
        "WHEN municipality_id IS NOT NULL THEN municipality_id "
        "WHEN level = 'gemeente' THEN id END FROM target)"
    )
    hidden, hidden_params = hidden_sql
    if hidden:
        sql += f" UNION ALL SELECT h.*, NULL, NULL, NULL, NULL, NULL, NULL FROM ({hidden}) h"
        params.extend(hidden_params)
    return _fetch(sql, params)
