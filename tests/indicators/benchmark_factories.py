"""Small builders for benchmark tests: a Rotterdam buurt in a wijk, indicators, observations."""

from __future__ import annotations

from duiding.areas.models import Area, Level, LevelName
from duiding.indicators.models import Dataset, Indicator, Observation, Period
from duiding.indicators.periods import parse_period


def period(code: str) -> Period:
    p = parse_period(code)
    obj, _ = Period.objects.get_or_create(
        code=p.code,
        defaults={
            "kind": p.kind,
            "year": p.year,
            "start": p.start,
            "end": p.end,
            "label": p.label if p.label != p.code else f"label {p.code}",
        },
    )
    return obj


def geography(rotterdam: Area) -> dict[str, Area]:
    """NL01 > GM0599 Rotterdam > WK059901 (Rotterdam: 'gebied') > BU05990110 ('wijk')."""
    nl = Area.objects.get(code="NL01")
    wk = Area.objects.create(
        code="WK059901",
        name="Rotterdam Centrum",
        level=Level.DISTRICT,
        parent=rotterdam,
        municipality=rotterdam,
    )
    bu = Area.objects.create(
        code="BU05990110",
        name="Stadsdriehoek",
        level=Level.NEIGHBOURHOOD,
        parent=wk,
        municipality=rotterdam,
    )
    LevelName.objects.create(
        municipality=rotterdam, level=Level.DISTRICT, singular="gebied", plural="gebieden"
    )
    LevelName.objects.create(
        municipality=rotterdam, level=Level.NEIGHBOURHOOD, singular="wijk", plural="wijken"
    )
    return {"nl": nl, "gm": rotterdam, "wk": wk, "bu": bu}


def indicator(code: str, **kw) -> Indicator:
    defaults = {
        "name": kw.pop("name", code),
        "unit_kind": "percentage",
        "direction": "lower_is_better",
    }
    defaults.update(kw)
    return Indicator.objects.create(code=code, **defaults)


def dataset(code: str = "85685NED", organisation=None) -> Dataset:
    obj, _ = Dataset.objects.get_or_create(
        code=code, defaults={"title": f"Tabel {code}", "organisation": organisation}
    )
    return obj


def obs(ind: Indicator, area: Area, period_code: str, value, **kw) -> Observation:
    kw.setdefault("dataset", dataset())
    kw.setdefault("source_file", "Jeugdzorg_wijken.csv")
    kw.setdefault("source_row", 12)
    kw.setdefault("source_column", ind.code)
    kw.setdefault("published_area_code", area.code)
    if value is None and "status" not in kw:
        kw["status"] = "suppressed"
    return Observation.objects.create(
        indicator=ind, area=area, period=period(period_code), value=value, **kw
    )
