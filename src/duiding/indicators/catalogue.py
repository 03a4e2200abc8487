"""Curated metadata for indicators Duiding knows by code: Dutch name, unit, direction, rhythm.

Importers look a measure up here first (by its canonical key, numeric suffix removed); a table's own
DataProperties come second; a name made from the key is the last resort. Entries never overwrite an
indicator a beheerder has edited: they are used only when the indicator is created.
"""

from __future__ import annotations

from duiding.indicators.importing.types import IndicatorSpec

CBS_JEUGDZORG = "CBS, Jeugdzorg; wijken (StatLine)"

KNOWN: dict[str, IndicatorSpec] = {
    "TotaalJongerenMetJeugdzorgInNatura": IndicatorSpec(
        code="TotaalJongerenMetJeugdzorgInNatura",
        name="Jongeren met jeugdzorg in natura",
        unit_kind="count",
        definition="Aantal jongeren tot 23 jaar met jeugdzorg in natura (jeugdhulp, jeugdbescherming of jeugdreclassering).",
        direction="lower_is_better",
        source=CBS_JEUGDZORG,
        rhythm="half_yearly",
    ),
}


def spec_for(code: str) -> IndicatorSpec | None:
    return KNOWN.get(code)
