"""Curated metadata for indicators Duiding knows by code: Dutch name, unit, direction, rhythm.

Importers look a measure up here first (by its canonical key, numeric suffix removed); a table's own
DataProperties come second; a name made from the key is the last resort. Entries never overwrite an
indicator a beheerder has edited: they are used only when the indicator is created.

One module per source: ``jeugdzorg_wijken`` (82964NED … 85685NED), ``jeugdzorg_gemeenten``
(82968/85094, 82972/85098), ``jeugdhulp_trajecten`` (82970/85096, looked up per dataset because some
keys mean something else there), ``veiligheidsmonitor`` (81924/85146) and ``kwb`` (Kerncijfers
wijken en buurten).
"""

from __future__ import annotations

import re

from duiding.indicators.catalogue import (
    jeugdhulp_trajecten,
    jeugdzorg_gemeenten,
    jeugdzorg_wijken,
    kwb,
    veiligheidsmonitor,
)
from duiding.indicators.importing.types import IndicatorSpec

_MODULES = (jeugdzorg_wijken, jeugdzorg_gemeenten, veiligheidsmonitor, kwb)


def _merge() -> dict[str, IndicatorSpec]:
    merged: dict[str, IndicatorSpec] = {}
    for module in _MODULES:
        for code, spec in module.SPECS.items():
            if code in merged:
                raise ValueError(f"catalogue: {code} is in two sources")
            merged[code] = spec
    # Trajectory keys that only occur in 82970/85096 are known globally too.
    for code, spec in jeugdhulp_trajecten.SPECS.items():
        merged.setdefault(code, spec)
    return merged


KNOWN: dict[str, IndicatorSpec] = _merge()

# Per-dataset specs, for keys whose meaning depends on the table (see jeugdhulp_trajecten).
BY_DATASET: dict[str, dict[str, IndicatorSpec]] = dict.fromkeys(
    jeugdhulp_trajecten.DATASETS, jeugdhulp_trajecten.SPECS
)

# Suggested rows for the alias table: an older key that continues as the newer series.
MEASURE_ALIASES: dict[str, str] = {
    **jeugdzorg_wijken.MEASURE_ALIASES,
    **jeugdzorg_gemeenten.MEASURE_ALIASES,
}
CATEGORY_ALIASES: dict[str, str] = dict(jeugdzorg_wijken.CATEGORY_ALIASES)

_SUFFIX = re.compile(r"_\d+$")


def canonical_key(column: str) -> str:
    """A CBS column key without its numeric suffix: ``Codering_3`` -> ``Codering``."""
    return _SUFFIX.sub("", column.strip())


def spec_for(code: str, dataset: str = "") -> IndicatorSpec | None:
    """Curated metadata for an indicator code (suffix optional), or None when unknown.

    ``dataset`` (e.g. ``85096NED``) selects the table-specific meaning where a key is ambiguous.
    """
    code = code.strip()
    keys = [code] if code in KNOWN else [code, canonical_key(code)]
    by_dataset = BY_DATASET.get(dataset.strip().upper(), {}) if dataset else {}
    for key in keys:
        spec = by_dataset.get(key) or KNOWN.get(key)
        if spec is not None:
            return spec
    if by_dataset is jeugdhulp_trajecten.SPECS and "." in code:
        return jeugdhulp_trajecten.block_spec(code)
    return None


__all__ = [
    "BY_DATASET",
    "CATEGORY_ALIASES",
    "KNOWN",
    "MEASURE_ALIASES",
    "canonical_key",
    "spec_for",
]
