"""Pure calculation rules for societal results (seed 003, Deel 2 step 2). No ORM, no I/O.

See README.md beside this module for every rule in plain words, with the seed's numbers. The rest
of the app (progress, rekenhulp, API) only calls these functions; floats are kept at full
precision and rounded only for display.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from dataclasses import field as dc_field

from django.utils.translation import gettext as _

from duiding.results.terms import (
    DIRECTIONS,
    EPS,
    HIGHER,
    LOWER,
    NO_DATA,
    NOT_ON_TRACK,
    NOT_REACHED,
    ON_TRACK,
    REACHED,
    RULES,
    TARGET_KINDS,
    CalculationError,
    target_met,
)
from duiding.results.trend import Forecast, linear_forecast, period_to_x, progress_verdict


def _prefix(label: str, message: str) -> str:
    return f"{label}: {message}" if label else message


@dataclass(frozen=True)
class Figure:
    """One value of a series: a percentage (0..100), or a numerator and denominator."""

    value: float | None = None
    numerator: float | None = None
    denominator: float | None = None

    def percentage(self, field: str = "", label: str = "") -> float:
        """The figure as a percentage; raises CalculationError for a denominator of 0, a
        negative number, a share over 100 % or a figure without numbers. `label` (Dutch, e.g.
        "indicator ‘sport’, periode 2014") starts the message; it defaults to `field`."""
        label = label or field
        if self.value is not None:
            return self._checked_value(field, label)
        return self._from_counts(field, label)

    def _checked_value(self, field: str, label: str) -> float:
        """A percentage given as such: a number from 0 to 100."""
        if not math.isfinite(self.value):
            raise CalculationError(_prefix(label, _("het percentage is geen getal.")), field)
        if self.value < 0:
            raise CalculationError(
                _prefix(label, _("een percentage kan niet negatief zijn.")), field
            )
        if self.value > 100 + EPS:
            raise CalculationError(
                _prefix(label, _("een percentage kan niet boven 100 liggen.")), field
            )
        return float(self.value)

    def _from_counts(self, field: str, label: str) -> float:
        """A percentage from a numerator and denominator: both there, not negative, a
        denominator above 0 and a numerator not above it."""
        if self.numerator is None and self.denominator is None:
            raise CalculationError(
                _prefix(label, _("vul een percentage of een teller en noemer in.")), field
            )
        if self.numerator is None:
            raise CalculationError(_prefix(label, _("de teller ontbreekt.")), field + ".numerator")
        if self.denominator is None:
            raise CalculationError(
                _prefix(label, _("de noemer ontbreekt.")), field + ".denominator"
            )
        if self.numerator < 0 or self.denominator < 0:
            raise CalculationError(
                _prefix(label, _("teller en noemer kunnen niet negatief zijn.")), field
            )
        if self.denominator == 0:
            raise CalculationError(
                _prefix(label, _("de noemer is 0; dan is er geen percentage te berekenen.")),
                field + ".denominator",
            )
        if self.numerator > self.denominator:
            raise CalculationError(
                _prefix(
                    label,
                    _(
                        "de teller is groter dan de noemer; een percentage kan niet boven "
                        "100 liggen."
                    ),
                ),
                field + ".numerator",
            )
        return 100.0 * self.numerator / self.denominator


@dataclass(frozen=True)
class Target:
    """kind "pp": change in percentage points (signed: +5 when higher is better, -5 when lower
    is better); "relative": change in percent of the baseline (signed the same way);
    "absolute": the value to reach."""

    kind: str
    value: float


@dataclass
class SeriesInput:
    code: str
    direction: str
    series: dict[str, Figure]
    target: Target | None = None  # None: the common target of evaluate()


@dataclass
class IndicatorOutcome:
    code: str
    baseline_period: str
    period: str
    baseline: float | None
    value: float | None
    change: float | None
    required: float | None
    verdict: str

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "baseline_period": self.baseline_period,
            "period": self.period,
            "baseline": self.baseline,
            "value": self.value,
            "change": self.change,
            "required": self.required,
            "verdict": self.verdict,
        }


@dataclass
class CombinedOutcome:
    """The figure the rule judged: the combination share ("combined") or the mean ("mean")."""

    baseline: float | None
    value: float | None
    change: float | None
    required: float | None
    verdict: str

    def as_dict(self) -> dict:
        return {
            "baseline": self.baseline,
            "value": self.value,
            "change": self.change,
            "required": self.required,
            "verdict": self.verdict,
        }


@dataclass
class Evaluation:
    rule: str
    verdict: str
    indicators: list[IndicatorOutcome] = dc_field(default_factory=list)
    combined: CombinedOutcome | None = None

    def as_dict(self) -> dict:
        """The answer of POST /api/v1/results/evaluate; `combined` is absent for rule "each"."""
        answer: dict = {
            "rule": self.rule,
            "verdict": self.verdict,
            "indicators": [outcome.as_dict() for outcome in self.indicators],
        }
        if self.combined is not None:
            answer["combined"] = self.combined.as_dict()
        return answer


# --- targets ----------------------------------------------------------------------------------


def _check_kind(target: Target, direction: str, field: str) -> None:
    if target.kind not in TARGET_KINDS:
        raise CalculationError(
            _("Onbekende soort doel ‘%(kind)s’; kies pp, relative of absolute.")
            % {"kind": target.kind},
            f"{field}.kind" if field else "kind",
        )
    if direction not in DIRECTIONS:
        raise CalculationError(
            _("Onbekende richting ‘%(direction)s’; kies higher_is_better of lower_is_better.")
            % {"direction": direction},
            "direction",
        )


def required_value(baseline: float, target: Target, direction: str) -> float:
    """The value the indicator must reach: baseline + pp, baseline x (1 + relative / 100), or the
    absolute value itself. The sign of pp and relative targets is taken as given (check_target
    refuses a sign against the direction)."""
    _check_kind(target, direction, "")
    if target.kind == "pp":
        return baseline + target.value
    if target.kind == "relative":
        return baseline * (1 + target.value / 100.0)
    return float(target.value)


def check_target(baseline: float, target: Target, direction: str, field: str = "") -> None:
    """Refuse a target in the wrong direction or one whose required value is not a percentage."""
    _check_kind(target, direction, field)
    value_field = f"{field}.value" if field else "value"
    if not math.isfinite(target.value):
        raise CalculationError(_("Het doel is geen getal."), value_field)
    higher = direction == HIGHER
    if target.kind in ("pp", "relative"):
        wrong = target.value < 0 if higher else target.value > 0
        if wrong:
            message = (
                _(
                    "Het doel %(value)s gaat de verkeerde kant op: bij ‘hoger is beter’ moet de "
                    "verandering positief zijn."
                )
                if higher
                else _(
                    "Het doel %(value)s gaat de verkeerde kant op: bij ‘lager is beter’ moet de "
                    "verandering negatief zijn."
                )
            )
            raise CalculationError(message % {"value": _num(target.value)}, value_field)
    else:
        wrong = target.value < baseline - EPS if higher else target.value > baseline + EPS
        if wrong:
            message = (
                _(
                    "Het doel %(value)s ligt onder de basiswaarde %(baseline)s, terwijl hoger "
                    "beter is."
                )
                if higher
                else _(
                    "Het doel %(value)s ligt boven de basiswaarde %(baseline)s, terwijl lager "
                    "beter is."
                )
            )
            raise CalculationError(
                message % {"value": _num(target.value), "baseline": _num(baseline)}, value_field
            )
    required = required_value(baseline, target, direction)
    if required < -EPS or required > 100 + EPS:
        raise CalculationError(
            _(
                "Met dit doel moet het percentage %(required)s worden; een percentage ligt "
                "tussen 0 en 100."
            )
            % {"required": _num(required)},
            value_field,
        )


def _num(value: float) -> str:
    """Short Dutch notation for messages: 5 -> "5", 68.333 -> "68,3"."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


# --- evaluate ---------------------------------------------------------------------------------


def _figure_at(series: dict[str, Figure], period: str, field: str, label: str) -> float | None:
    figure = series.get(period)
    if figure is None:
        return None
    return figure.percentage(
        f"{field}.{period}", _("%(label)s, periode %(period)s") % {"label": label, "period": period}
    )


def _judge(
    baseline: float | None,
    value: float | None,
    target: Target,
    direction: str,
    field: str,
    *,
    check: bool = True,
) -> tuple[float | None, float | None, str]:
    """(required, change, verdict) of one figure. With check=False (an indicator that follows
    the common target of "combined"/"mean", for information only) the target is not checked
    against this figure; an absolute common target then has no required value here and the
    verdict says whether the figure moved the good way."""
    if baseline is None:
        return None, None, NO_DATA
    if not check:
        _check_kind(target, direction, field)
        if target.kind == "absolute":
            if value is None:
                return None, None, NO_DATA
            change = value - baseline
            better = change >= -EPS if direction == HIGHER else change <= EPS
            return None, change, REACHED if better else NOT_REACHED
    else:
        check_target(baseline, target, direction, field)
    required = required_value(baseline, target, direction)
    if value is None:
        return required, None, NO_DATA
    verdict = REACHED if target_met(value, required, direction) else NOT_REACHED
    return required, value - baseline, verdict


def _all_verdict(verdicts: list[str]) -> str:
    """Rule "each": one indicator not reached decides; otherwise a missing figure means no data."""
    if NOT_REACHED in verdicts:
        return NOT_REACHED
    if NO_DATA in verdicts or not verdicts:
        return NO_DATA
    return REACHED


def _check_evaluation_input(
    rule: str,
    baseline_period: str,
    period: str,
    target: Target | None,
    indicators: list[SeriesInput],
    combination: dict[str, Figure] | None,
) -> None:
    """The rule, periods, indicators, combination series and common target the rule needs."""
    if rule not in RULES:
        raise CalculationError(
            _("Onbekende rekenregel ‘%(rule)s’; kies each, combined of mean.") % {"rule": rule},
            "rule",
        )
    if not indicators:
        raise CalculationError(_("Geef minstens één indicator op."), "indicators")
    if not baseline_period:
        raise CalculationError(_("De basisperiode ontbreekt."), "baseline_period")
    if not period:
        raise CalculationError(_("De periode ontbreekt."), "period")
    if rule == "combined" and not combination:
        raise CalculationError(
            _(
                "Voor de regel ‘gecombineerd’ is een indicator nodig die het aandeel meet dat "
                "aan alle voorwaarden tegelijk voldoet; die ontbreekt."
            ),
            "combination",
        )
    if rule in ("combined", "mean") and target is None:
        raise CalculationError(
            _("Voor de regels ‘gecombineerd’ en ‘gemiddeld’ is een gezamenlijk doel nodig."),
            "target",
        )
    if rule == "mean" and len({item.direction for item in indicators}) > 1:
        raise CalculationError(
            _(
                "Voor de regel ‘gemiddeld’ moeten alle indicatoren dezelfde richting hebben "
                "(allemaal hoger is beter, of allemaal lager is beter)."
            ),
            "indicators",
        )


def _indicator_outcome(
    index: int,
    item: SeriesInput,
    *,
    rule: str,
    baseline_period: str,
    period: str,
    target: Target | None,
) -> IndicatorOutcome:
    """One indicator judged against its own target, else the common one."""
    field = f"indicators.{index}"
    label = _("indicator ‘%(code)s’") % {"code": item.code or index + 1}
    if item.direction not in DIRECTIONS:
        raise CalculationError(
            _(
                "%(label)s: onbekende richting ‘%(direction)s’; kies higher_is_better of "
                "lower_is_better."
            )
            % {"label": label, "direction": item.direction},
            f"{field}.direction",
        )
    own = item.target or target
    target_field = f"{field}.target" if item.target else "target"
    if own is None:
        raise CalculationError(
            _(
                "%(label)s: er is geen doel; geef een doel voor deze indicator of een "
                "gezamenlijk doel."
            )
            % {"label": label},
            target_field,
        )
    baseline = _figure_at(item.series, baseline_period, f"{field}.series", label)
    value = _figure_at(item.series, period, f"{field}.series", label)
    # Under "combined" and "mean" the common target is checked against the judged figure
    # (the combination or the mean), not against each indicator.
    follows_common = rule != "each" and item.target is None
    required, change, verdict = _judge(
        baseline, value, own, item.direction, target_field, check=not follows_common
    )
    return IndicatorOutcome(
        code=item.code,
        baseline_period=baseline_period,
        period=period,
        baseline=baseline,
        value=value,
        change=change,
        required=required,
        verdict=verdict,
    )


def _check_has_baseline(
    rule: str,
    baseline_period: str,
    outcomes: list[IndicatorOutcome],
    combination: dict[str, Figure] | None,
) -> None:
    """The judged figure needs a baseline: any indicator's, or under "combined" the
    combination series'."""
    if rule == "combined":
        has_baseline = baseline_period in (combination or {})
    else:
        has_baseline = any(o.baseline is not None for o in outcomes)
    if not has_baseline:
        raise CalculationError(
            _("De basisperiode %(period)s heeft geen cijfers.") % {"period": baseline_period},
            "baseline_period",
        )


def _combined_outcome(
    rule: str,
    baseline_period: str,
    period: str,
    target: Target,
    directions: set[str],
    outcomes: list[IndicatorOutcome],
    combination: dict[str, Figure] | None,
) -> CombinedOutcome:
    """Rules "combined" and "mean": the combination series, or the mean of the indicators,
    judged against the common target."""
    # The combination share counts who meets all conditions: with mixed directions it is read
    # as "higher is better".
    direction = directions.pop() if len(directions) == 1 else HIGHER
    if rule == "combined":
        label = _("combinatie")
        c_base = _figure_at(combination or {}, baseline_period, "combination.series", label)
        c_value = _figure_at(combination or {}, period, "combination.series", label)
    else:
        baselines = [o.baseline for o in outcomes]
        values = [o.value for o in outcomes]
        c_base = None if None in baselines else sum(baselines) / len(baselines)  # type: ignore[arg-type]
        c_value = None if None in values else sum(values) / len(values)  # type: ignore[arg-type]
    required, change, verdict = _judge(c_base, c_value, target, direction, "target")
    return CombinedOutcome(c_base, c_value, change, required, verdict)


def evaluate(
    *,
    rule: str,
    baseline_period: str,
    period: str,
    target: Target | None,
    indicators: list[SeriesInput],
    combination: dict[str, Figure] | None = None,
) -> Evaluation:
    """Evaluate one societal result under `rule` ("each" | "combined" | "mean").

    Every indicator gets its own outcome (its own target, else the common `target`). The overall
    verdict: "each" -> every indicator reached; "combined" -> the combination series (the share
    meeting all conditions at once) reaches the common target; "mean" -> the mean of the
    indicators' percentages reaches the common target. A period missing in a series gives
    "no_data" for that figure. Raises CalculationError for bad input.
    """
    _check_evaluation_input(rule, baseline_period, period, target, indicators, combination)
    outcomes = [
        _indicator_outcome(
            index, item, rule=rule, baseline_period=baseline_period, period=period, target=target
        )
        for index, item in enumerate(indicators)
    ]
    _check_has_baseline(rule, baseline_period, outcomes, combination)
    if rule == "each":
        return Evaluation(rule, _all_verdict([o.verdict for o in outcomes]), outcomes, None)
    assert target is not None  # checked above
    directions = {item.direction for item in indicators}
    combined = _combined_outcome(
        rule, baseline_period, period, target, directions, outcomes, combination
    )
    return Evaluation(rule, combined.verdict, outcomes, combined)


# The terms live in terms.py and periods, forecast and progress in trend.py; importable from here
# as part of the contract.
__all__ = [
    "DIRECTIONS",
    "EPS",
    "HIGHER",
    "LOWER",
    "NO_DATA",
    "NOT_ON_TRACK",
    "NOT_REACHED",
    "ON_TRACK",
    "REACHED",
    "RULES",
    "TARGET_KINDS",
    "CalculationError",
    "CombinedOutcome",
    "Evaluation",
    "Figure",
    "Forecast",
    "IndicatorOutcome",
    "SeriesInput",
    "Target",
    "check_target",
    "evaluate",
    "linear_forecast",
    "period_to_x",
    "progress_verdict",
    "required_value",
    "target_met",
]
