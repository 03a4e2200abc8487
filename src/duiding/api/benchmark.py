"""The JSON of a benchmark (`BenchmarkOut` in api/indicators.py), built from the selectors' results.

`shown_payload(ShownFigures)` is the API's path: one pass from the fetched rows to the dicts,
with the benchmark's own rule functions (`build.compare_figures`, `SuggestionRoles.suggest_values`)
and no ObservationValue, Comparison or IndicatorBenchmark objects in between (a fifth of the
request's Python time went into making them, for ~60 indicators × 3 comparisons).
`benchmark_payload(AreaBenchmark)` gives the same JSON from a built benchmark (for exports, and
the tests that check the two agree).
"""

from __future__ import annotations

from duiding.indicators import selectors
from duiding.indicators.benchmark import build, rules

OK = "ok"


def _flag_out(f) -> dict:
    return {
        "result": f.result,
        "label": f.label,
        "side": f.side,
        "reason": f.reason,
        "tested": f.tested,
        "p_value": f.p_value,
    }


def _headline(row: selectors.IndicatorBenchmark) -> dict:
    """The flag against the municipality, else against the first comparison area."""
    chosen = None
    for c in row.comparisons:
        if c.role == "municipality":
            chosen = c
            break
    if chosen is None and row.comparisons:
        chosen = row.comparisons[0]
    f = chosen.flag if chosen is not None else row.flag
    return {
        "result": f.result,
        "label": f.label,
        "side": f.side,
        "role": chosen.role if chosen is not None else None,
    }


def _value_provenance(v: selectors.ObservationValue) -> dict:
    p = v.provenance
    return {
        "dataset": p.dataset_code,
        "dataset_title": p.dataset_title,
        "file": p.file,
        "row": p.row,
        "column": p.column,
        "category": p.category,
        "published_area_code": p.published_area_code,
        "indelingswijziging": p.indelingswijziging,
    }


def benchmark_payload(result: selectors.AreaBenchmark) -> dict:
    """The API shape of an AreaBenchmark (also usable for JSON exports)."""
    area = result.area
    flags: dict[int, dict] = {}  # no-verdict flags are shared objects

    def flag_out(f) -> dict:
        out = flags.get(id(f))
        if out is None:
            out = flags[id(f)] = _flag_out(f)
        return out

    return {
        "area": {
            "code": area.code,
            "name": area.name,
            "level": area.level,
            "level_label": area.level_label,
        },
        "period": result.period,
        "comparison_areas": [
            {
                "code": c.area.code,
                "name": c.area.name,
                "level": c.area.level,
                "level_label": c.area.level_label,
                "role": c.role,
            }
            for c in result.comparison_areas
        ],
        "indicators": [
            {
                "indicator_code": row.indicator.code,
                "indicator_name": row.indicator.name,
                "unit_kind": row.indicator.unit_kind,
                "direction": row.indicator.direction,
                "period": {"code": row.value.period.code, "label": row.value.period.label},
                "value": row.value.value,
                "status": row.value.status,
                "provenance": _value_provenance(row.value),
                "comparisons": [
                    {
                        "area_code": c.area.code,
                        "role": c.role,
                        "value": c.value.value if c.value else None,
                        "status": c.value.status if c.value else None,
                        "difference": c.difference,
                        "relative_pct": c.relative_pct,
                        "flag": flag_out(c.flag),
                    }
                    for c in row.comparisons
                ],
                "flag": _headline(row),
                "suggestion": {
                    "choice": row.suggestion.choice,
                    "subject": row.suggestion.subject,
                    "reference": row.suggestion.reference,
                    "text": row.suggestion.text,
                },
            }
            for row in result.rows
        ],
    }


def _flags():
    """flag -> its dict, each flag written once (the no-verdict flags are shared objects). The
    flag is kept with its dict, so that its id is not reused while the cache lives."""
    cache: dict[int, tuple] = {}

    def flag_out(f) -> dict:
        found = cache.get(id(f))
        if found is None:
            found = cache[id(f)] = (f, _flag_out(f))
        return found[1]

    return flag_out


def _area_out(ref) -> dict:
    return {"code": ref.code, "name": ref.name, "level": ref.level, "level_label": ref.level_label}


def _own_provenance(row: tuple) -> dict:
    """The provenance of the area's own row (as `build.value` reads it)."""
    p = build.PROV
    return {
        "dataset": row[p] or "",
        "dataset_title": row[p + 1] or "",
        "file": row[p + 2],
        "row": row[p + 3],
        "column": row[p + 4],
        "category": row[p + 5],
        "published_area_code": row[p + 6],
        "indelingswijziging": row[p + 7],
    }


def _headline_index(comps) -> int | None:
    """The comparison of the headline flag: the municipality, else the first (as `_headline`)."""
    for i, c in enumerate(comps):
        if c.role == "municipality":
            return i
    return 0 if comps else None


def _comparisons_out(indicator, row: tuple, comps, shown: dict, texts, flag_out) -> list[dict]:
    """The comparison dicts of one indicator; the rules of `build.compare_figures`."""
    pk, status = indicator.pk, row[build.STATUS]
    value = row[build.VAL] if status == OK else None
    num, den = row[build.NUM], row[build.DEN]
    compare = build.compare_figures
    out = []
    for comp_pk, comp_code, role, same_size in comps:
        other = shown.get((pk, comp_pk))
        if other is None:
            o_value = o_status = None
            diff, rel, f = compare(
                indicator, value, status, num, den, False, None, None, None, texts, same_size
            )
        else:
            o_status = other[build.STATUS]
            o_value = other[build.VAL] if o_status == OK else None
            diff, rel, f = compare(
                indicator, value, status, num, den,
                True, o_value, other[build.NUM], other[build.DEN], texts, same_size,
            )  # fmt: skip
        out.append(
            {
                "area_code": comp_code,
                "role": role,
                "value": o_value,
                "status": o_status,
                "difference": diff,
                "relative_pct": rel,
                "flag": flag_out(f),
            }
        )
    return out


def shown_payload(shown: selectors.ShownFigures) -> dict:
    """The API shape (as `benchmark_payload`) straight from the shown figures' rows."""
    area = shown.area
    texts = rules.current_texts()
    flag_out = _flags()
    comps = [
        (c.area.pk, c.area.code, c.role, c.area.level == area.level) for c in shown.comparison_areas
    ]
    head = _headline_index(shown.comparison_areas)
    head_role = shown.comparison_areas[head].role if head is not None else None
    no_comparison = _flag_out(rules.flag_missing(""))
    rows = []
    for indicator_id, row in shown.chosen.items():
        ind = shown.indicators.get(indicator_id)
        if ind is None:  # hidden indicator: already left out by the queries
            continue
        status = row[build.STATUS]
        value = row[build.VAL] if status == OK else None
        comparisons = _comparisons_out(ind, row, comps, shown.shown, texts, flag_out)
        f = comparisons[head]["flag"] if head is not None else no_comparison
        s = shown.roles.suggest_values(ind, value, [c["value"] for c in comparisons], texts)
        item = {
            "indicator_code": ind.code,
            "indicator_name": ind.name,
            "unit_kind": ind.unit_kind,
            "direction": ind.direction,
            "period": {"code": row[build.SHOWN_PERIOD], "label": row[build.SHOWN_PERIOD + 1]},
            "value": value,
            "status": status,
            "provenance": _own_provenance(row),
            "comparisons": comparisons,
            "flag": {
                "result": f["result"],
                "label": f["label"],
                "side": f["side"],
                "role": head_role,
            },
            "suggestion": {
                "choice": s.choice,
                "subject": s.subject,
                "reference": s.reference,
                "text": s.text,
            },
        }
        rows.append(((ind.name.lower(), ind.code), item))
    rows.sort(key=lambda r: r[0])
    return {
        "area": _area_out(area),
        "period": shown.period,
        "comparison_areas": [{**_area_out(c.area), "role": c.role} for c in shown.comparison_areas],
        "indicators": [item for _key, item in rows],
    }
