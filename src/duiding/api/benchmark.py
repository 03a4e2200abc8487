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


class _Shared:
    """Dicts of the shared objects of one answer, each written once: the no-verdict flags (and
    their headline) and the count suggestion are shared objects in the rules
    (`rules._none`, `SuggestionRoles`), so that most of a page's flags are a few dicts. The
    object is kept with its dict, so that its id is not reused while the cache lives. A flag
    with a verdict is new for every comparison: it is written without a look-up."""

    __slots__ = ("flags", "headlines", "suggestions", "head_role")

    def __init__(self, head_role: str | None):
        self.flags: dict[int, tuple] = {}
        self.headlines: dict[int, tuple] = {}
        self.suggestions: dict[int, tuple] = {}
        self.head_role = head_role

    def flag(self, f) -> dict:
        if f.result != rules.NONE:
            return _flag_out(f)
        found = self.flags.get(id(f))
        if found is None:
            found = self.flags[id(f)] = (f, _flag_out(f))
        return found[1]

    def headline(self, out: dict) -> dict:
        """The headline of a comparison's flag dict (the flag's result, label, side and the role
        of the headline comparison)."""
        found = self.headlines.get(id(out))
        if found is None:
            head = {
                "result": out["result"],
                "label": out["label"],
                "side": out["side"],
                "role": self.head_role,
            }
            if out["result"] != rules.NONE:
                return head
            found = self.headlines[id(out)] = (out, head)
        return found[1]

    def suggestion(self, s) -> dict:
        found = self.suggestions.get(id(s))
        if found is None:
            found = self.suggestions[id(s)] = (
                s,
                {
                    "choice": s.choice,
                    "subject": s.subject,
                    "reference": s.reference,
                    "text": s.text,
                },
            )
        return found[1]


def _area_out(ref) -> dict:
    return {"code": ref.code, "name": ref.name, "level": ref.level, "level_label": ref.level_label}


PROV = build.PROV


def _own_provenance(row: tuple) -> dict:
    """The provenance of the area's own row (as `build.value` reads it)."""
    return {
        "dataset": row[PROV] or "",
        "dataset_title": row[PROV + 1] or "",
        "file": row[PROV + 2],
        "row": row[PROV + 3],
        "column": row[PROV + 4],
        "category": row[PROV + 5],
        "published_area_code": row[PROV + 6],
        "indelingswijziging": row[PROV + 7],
    }


def _headline_index(comps) -> int | None:
    """The comparison of the headline flag: the municipality, else the first (as `_headline`)."""
    for i, c in enumerate(comps):
        if c.role == "municipality":
            return i
    return 0 if comps else None


VAL, STATUS, NUM, DEN = build.VAL, build.STATUS, build.NUM, build.DEN


def _comparisons_out(
    indicator, value, row: tuple, comps, shown: dict, texts, shared: _Shared
) -> tuple[list[dict], list]:
    """The comparison dicts of one indicator and the comparison values (None: no figure); the
    rules of `build.compare_figures`."""
    pk, status, num, den = indicator.pk, row[STATUS], row[NUM], row[DEN]
    compare, flag = build.compare_figures, shared.flag
    out = []
    values = []
    for comp_pk, comp_code, role, same_size in comps:
        other = shown.get((pk, comp_pk))
        if other is None:
            o_value = o_status = None
            diff, rel, f = compare(
                indicator, value, status, num, den, False, None, None, None, texts, same_size
            )
        else:
            o_status = other[STATUS]
            o_value = other[VAL] if o_status == OK else None
            diff, rel, f = compare(
                indicator, value, status, num, den,
                True, o_value, other[NUM], other[DEN], texts, same_size,
            )  # fmt: skip
        values.append(o_value)
        out.append(
            {
                "area_code": comp_code,
                "role": role,
                "value": o_value,
                "status": o_status,
                "difference": diff,
                "relative_pct": rel,
                "flag": flag(f),
            }
        )
    return out, values


def shown_payload(shown: selectors.ShownFigures) -> dict:
    """The API shape (as `benchmark_payload`) straight from the shown figures' rows."""
    area = shown.area
    texts = rules.current_texts()
    comps = [
        (c.area.pk, c.area.code, c.role, c.area.level == area.level) for c in shown.comparison_areas
    ]
    head = _headline_index(shown.comparison_areas)
    shared = _Shared(shown.comparison_areas[head].role if head is not None else None)
    no_comparison = shared.headline(shared.flag(rules.flag_missing("")))
    indicators, others, suggest = shown.indicators, shown.shown, shown.roles.suggest_values
    shown_period = build.SHOWN_PERIOD
    rows = []
    for indicator_id, row in shown.chosen.items():
        ind = indicators.get(indicator_id)
        if ind is None:  # hidden indicator: already left out by the queries
            continue
        status = row[STATUS]
        value = row[VAL] if status == OK else None
        comparisons, values = _comparisons_out(ind, value, row, comps, others, texts, shared)
        item = {
            "indicator_code": ind.code,
            "indicator_name": ind.name,
            "unit_kind": ind.unit_kind,
            "direction": ind.direction,
            "period": {"code": row[shown_period], "label": row[shown_period + 1]},
            "value": value,
            "status": status,
            "provenance": _own_provenance(row),
            "comparisons": comparisons,
            "flag": shared.headline(comparisons[head]["flag"])
            if head is not None
            else no_comparison,
            "suggestion": shared.suggestion(suggest(ind, value, values, texts)),
        }
        rows.append(((ind.name.lower(), ind.code), item))
    rows.sort(key=lambda r: r[0])
    return {
        "area": _area_out(area),
        "period": shown.period,
        "comparison_areas": [{**_area_out(c.area), "role": c.role} for c in shown.comparison_areas],
        "indicators": [item for _key, item in rows],
    }
