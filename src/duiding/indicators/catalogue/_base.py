"""Small helpers shared by the per-source catalogue modules."""

from __future__ import annotations

from duiding.indicators.importing.types import IndicatorSpec

HIGHER = "higher_is_better"
LOWER = "lower_is_better"
NEUTRAL = "neutral"


class SpecBook:
    """Collects the specs of one source with that source's defaults (source text, rhythm)."""

    def __init__(self, *, source: str, rhythm: str) -> None:
        self.source = source
        self.rhythm = rhythm
        self.specs: dict[str, IndicatorSpec] = {}

    def add(
        self,
        code: str,
        name: str,
        definition: str,
        *,
        unit: str = "count",
        direction: str = NEUTRAL,
        decimals: int = 0,
        unit_label: str = "",
        rhythm: str | None = None,
        source: str | None = None,
    ) -> None:
        if code in self.specs:
            raise ValueError(f"catalogue: {code} defined twice")
        self.specs[code] = IndicatorSpec(
            code=code,
            name=name,
            unit_kind=unit,
            decimals=decimals,
            definition=definition,
            unit_label=unit_label,
            direction=direction,
            source=source or self.source,
            rhythm=rhythm or self.rhythm,
        )

    def pct(self, code: str, name: str, definition: str, **kw) -> None:
        """A percentage with one decimal (CBS publishes most relative figures so)."""
        kw.setdefault("decimals", 1)
        self.add(code, name, definition, unit="percentage", unit_label="%", **kw)

    def same_as(self, old_code: str, new_code: str, note: str) -> None:
        """An older key of the same measure: same metadata, its own code, a note on the change."""
        spec = self.specs[new_code]
        self.specs[old_code] = IndicatorSpec(
            code=old_code,
            name=spec.name,
            unit_kind=spec.unit_kind,
            decimals=spec.decimals,
            definition=f"{spec.definition} {note}".strip(),
            unit_label=spec.unit_label,
            direction=spec.direction,
            source=spec.source,
            rhythm=spec.rhythm,
        )
