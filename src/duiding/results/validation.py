"""Checks of a societal result before it is written (used by services.py).

Every problem becomes a Dutch message that names the field and, for an indicator, its row
("Indicator 2, basisperiode: ..."). All problems are collected and raised together as one
`ValidationError` whose dict keys are the result's field names ("rule", "target_date", ...) or
"indicators.<index>.<field>" for a row (index from 0), so a form can put each at its field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from duiding.indicators.models import Direction, Indicator, ObservationStatus, UnitKind
from duiding.indicators.periods import parse_period
from duiding.indicators.selectors import visible_observations
from duiding.results.calculation import CalculationError, Target, _num, check_target
from duiding.results.models import Rule, TargetKind

COMBINATION_MISSING = (
    "Voor 'gecombineerd' is een indicator nodig die meet welk deel aan alle voorwaarden tegelijk "
    "voldoet. Die is er (nog) niet: kies een andere regel of voeg die indicator toe."
)
COMBINATION_CHOOSE = (
    "Indicator voor de combinatie: kies de indicator die meet welk deel aan alle voorwaarden "
    "tegelijk voldoet."
)


@dataclass
class CleanIndicator:
    """One indicator row after the checks, ready to store."""

    indicator: Indicator | None
    name: str
    baseline_period: str
    baseline_value: Decimal | None
    baseline_source: str
    target_kind: str
    target_value: Decimal | None
    direction: str
    id: int | None = None  # the stored ResultIndicator this row updates (None: a new row)


@dataclass
class Problems:
    errors: dict[str, list[str]] = field(default_factory=dict)

    def add(self, key: str, message: str) -> None:
        self.errors.setdefault(key, []).append(message)

    def row(self, index: int, name: str, label: str, message: str) -> None:
        self.add(
            f"indicators.{index}.{name}",
            _("Indicator %(n)s, %(field)s: %(message)s")
            % {"n": index + 1, "field": label, "message": message},
        )

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


def as_decimal(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def baseline_from_observations(user, area, indicator: Indicator, period_code: str) -> float | None:
    """The current, published value of the indicator for the area in the period (total
    category), read through the permission filter; None when there is none."""
    row = (
        visible_observations(user)
        .filter(
            indicator=indicator,
            area=area,
            period__code=period_code,
            category="",
            is_current=True,
            status=ObservationStatus.OK,
        )
        .values_list("value", flat=True)
        .first()
    )
    return row


def is_percentage(row: CleanIndicator) -> bool:
    """Percentage-like: a percentage indicator, or an own indicator (entered as a percentage)."""
    return row.indicator is None or row.indicator.unit_kind == UnitKind.PERCENTAGE


def _kept_baseline(raw: dict, indicator, period_code: str, existing: dict) -> Decimal | None:
    """The stored baseline of an existing row whose indicator and period did not change (taken
    from the observations then): it is kept, also when CBS revised the figure since, unless the
    user takes the revised figure over explicitly ("take_revised")."""
    stored = existing.get(raw.get("id"))
    if stored is None or raw.get("take_revised") or stored.baseline_source:
        return None
    if stored.indicator_id != indicator.pk or stored.baseline_period != period_code:
        return None
    return stored.baseline_value


def _check_baseline_period(index: int, raw: dict, problems: Problems):
    """The baseline period as typed and parsed (None when empty or not a period)."""
    period_text = (raw.get("baseline_period") or "").strip()
    parsed = parse_period(period_text) if period_text else None
    if not period_text:
        problems.row(index, "baseline_period", _("basisperiode"), _("vul de basisperiode in"))
    elif parsed is None:
        problems.row(
            index,
            "baseline_period",
            _("basisperiode"),
            _("'%(period)s' is geen periode (bijvoorbeeld 2021, 2021H1 of 2021Q3)")
            % {"period": period_text},
        )
    return period_text, parsed


@dataclass
class _RowContext:
    """What checking a row needs besides the row: who asks, for which programme, the problems
    found so far and the stored rows of the result by id."""

    user: object
    programme: object
    problems: Problems
    existing: dict


def _looked_up_baseline(
    index: int, raw: dict, indicator, period_code: str, period_text: str, source: str, context
) -> tuple[Decimal | None, str]:
    """No baseline typed in: keep the stored one, or read it from the observations."""
    user, programme, problems = context.user, context.programme, context.problems
    if indicator is None:
        problems.row(
            index,
            "baseline_value",
            _("basiswaarde"),
            _("vul de basiswaarde in (een eigen indicator heeft geen cijfers in Duiding)"),
        )
        return None, source
    if (kept := _kept_baseline(raw, indicator, period_code, context.existing)) is not None:
        return kept, ""
    found = baseline_from_observations(user, programme.area, indicator, period_code)
    if found is None:
        problems.row(
            index,
            "baseline_period",
            _("basisperiode"),
            _("geen cijfer voor %(area)s in %(period)s")
            % {"area": programme.area.name, "period": period_text},
        )
        return None, source
    return Decimal(str(round(found, 4))), ""


def _baseline(
    index: int, raw: dict, indicator, period_code: str, period_text: str, parsed, context
) -> tuple[Decimal | None, str]:
    """The baseline value and its source: typed in (then with a source), or looked up."""
    problems = context.problems
    source = (raw.get("baseline_source") or "").strip()
    value = as_decimal(raw.get("baseline_value"))
    if raw.get("baseline_value") not in (None, "") and value is None:
        problems.row(index, "baseline_value", _("basiswaarde"), _("dit is geen getal"))
    if value is None and raw.get("baseline_value") in (None, "") and parsed is not None:
        return _looked_up_baseline(index, raw, indicator, period_code, period_text, source, context)
    if value is not None and not source:
        problems.row(
            index,
            "baseline_source",
            _("bron"),
            _("noem de bron van een basiswaarde die u zelf invult"),
        )
    return value, source


def _check_direction(index: int, raw: dict, indicator, problems: Problems) -> str:
    direction = raw.get("direction") or (indicator.direction if indicator else "")
    if direction not in (Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER):
        problems.row(
            index,
            "direction",
            _("richting"),
            _(
                "Voor deze indicator is niet vastgelegd of hoger beter is; kies de richting "
                "(hoger is beter of lager is beter)"
            )
            if indicator is not None
            else _("kies of een hogere of een lagere waarde beter is"),
        )
    return direction


def _check_target_fields(index: int, raw: dict, problems: Problems) -> tuple[str, Decimal | None]:
    target_kind = raw.get("target_kind") or TargetKind.PP
    if target_kind not in TargetKind.values:
        problems.row(index, "target_kind", _("soort doel"), _("onbekende soort doel"))
    target_value = as_decimal(raw.get("target_value"))
    if raw.get("target_value") not in (None, "") and target_value is None:
        problems.row(index, "target_value", _("doel"), _("dit is geen getal"))
    return target_kind, target_value


def _clean_row(
    index: int, raw: dict, *, user, programme, problems: Problems, existing: dict
) -> CleanIndicator:
    """One indicator row: indicator or name, baseline period and value, direction, target."""
    indicator = raw.get("indicator")
    name = (raw.get("name") or "").strip()
    if indicator is None and not name:
        problems.row(index, "indicator", _("indicator"), _("kies een indicator of geef een naam"))
    period_text, parsed = _check_baseline_period(index, raw, problems)
    period_code = parsed.code if parsed else period_text
    context = _RowContext(user, programme, problems, existing)
    value, source = _baseline(index, raw, indicator, period_code, period_text, parsed, context)
    direction = _check_direction(index, raw, indicator, problems)
    target_kind, target_value = _check_target_fields(index, raw, problems)
    return CleanIndicator(
        indicator=indicator,
        name="" if indicator is not None else name,
        baseline_period=period_code,
        baseline_value=value,
        baseline_source=source,
        target_kind=target_kind,
        target_value=target_value,
        direction=direction,
        id=raw.get("id") if raw.get("id") in existing else None,
    )


def _check_row_target(index: int, row: CleanIndicator, problems: Problems) -> None:
    if (
        row.baseline_value is None
        or row.target_value is None
        or row.target_kind not in TargetKind.values
    ):
        return
    if row.direction not in (Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER):
        return
    baseline = float(row.baseline_value)
    if is_percentage(row):
        if not 0 <= baseline <= 100:
            problems.row(
                index,
                "baseline_value",
                _("basiswaarde"),
                _("een percentage ligt tussen 0 en 100 (nu %(value)s)") % {"value": _num(baseline)},
            )
            return
        try:
            check_target(
                baseline,
                Target(row.target_kind, float(row.target_value)),
                row.direction,
                field=f"indicators.{index}.target_value",
            )
        except CalculationError as error:
            problems.row(index, "target_value", _("doel"), error.message)
        return
    # Counts, rates and other units: only the direction is checked (no 0..100 bound).
    target = float(row.target_value)
    if row.target_kind == TargetKind.PP:
        problems.row(
            index,
            "target_kind",
            _("soort doel"),
            _(
                "procentpunten passen alleen bij een percentage; kies een absolute waarde of een "
                "relatieve verandering"
            ),
        )
        return
    change = target - baseline if row.target_kind == TargetKind.ABSOLUTE else target
    better = change > 0 if row.direction == Direction.HIGHER_IS_BETTER else change < 0
    if not better:
        problems.row(
            index,
            "target_value",
            _("doel"),
            _("dit doel gaat de verkeerde kant op: bij deze indicator is %(dir)s")
            % {"dir": Direction(row.direction).label.lower()},
        )


def _check_fields(
    problems: Problems,
    *,
    programme,
    text: str,
    target_date,
    domain,
    ambition,
    sections,
    factors,
    rule: str,
    indicators: list[dict],
) -> None:
    """The result's own fields: filled in, and belonging to the programme and its framework."""
    if not (text or "").strip():
        problems.add("text", _("Maatschappelijk resultaat: vul de tekst in."))
    if target_date is None:
        problems.add("target_date", _("Streefdatum: vul de datum in."))
    framework_id = programme.framework_id
    if domain is not None and domain.pillar.framework_id != framework_id:
        problems.add("domain", _("Domein: hoort niet bij het raamwerk van dit programma."))
    if ambition is not None and ambition.framework_id != framework_id:
        problems.add("ambition", _("Ambitie: hoort niet bij het raamwerk van dit programma."))
    if any(s.programme_id != programme.pk for s in sections):
        problems.add("sections", _("Bevindingen: horen niet bij dit programma."))
    if any(f.framework_id != framework_id for f in factors):
        problems.add("factors", _("Factoren: horen niet bij het raamwerk van dit programma."))
    if rule not in Rule.values:
        problems.add("rule", _("Rekenregel: kies een van de drie regels."))
    if not indicators:
        problems.add("indicators", _("Indicatoren: een resultaat heeft minstens één indicator."))


def _apply_common_target(
    rows: list[CleanIndicator], rule: str, combined_target: Target | None, problems: Problems
) -> set[int]:
    """Rules "combined" and "mean" need a common target; rows without their own target follow
    it. Returns the indexes of the rows that follow it."""
    follows_common: set[int] = set()
    if rule not in (Rule.COMBINED, Rule.MEAN):
        return follows_common
    if combined_target is None:
        problems.add(
            "combined_target_value",
            _("Doel (gecombineerd): vul het doel in voor de regel '%(rule)s'.")
            % {"rule": Rule(rule).label.lower()},
        )
        return follows_common
    for i, row in enumerate(rows):
        if row.target_value is None:
            row.target_kind = combined_target.kind
            row.target_value = as_decimal(combined_target.value)
            follows_common.add(i)
    return follows_common


def _check_row_targets(
    rows: list[CleanIndicator], follows_common: set[int], target_date, problems: Problems
) -> None:
    """Each row has a target that fits its baseline, and a baseline before the target date."""
    for i, row in enumerate(rows):
        if row.target_value is None:
            problems.row(i, "target_value", _("doel"), _("vul het doel in"))
        if i not in follows_common:
            # A row following the common target is judged through the combined figure only.
            _check_row_target(i, row, problems)
        if parsed := parse_period(row.baseline_period):
            if target_date is not None and target_date <= parsed.end:
                problems.add(
                    "target_date",
                    _("Streefdatum: ligt niet na de basisperiode %(period)s van indicator %(n)s.")
                    % {"period": row.baseline_period, "n": i + 1},
                )


def _check_percentages(rows: list[CleanIndicator], rule: str, problems: Problems) -> None:
    """Rules "each" and "mean" over more than one indicator need percentages."""
    if len(rows) <= 1 or rule not in (Rule.EACH, Rule.MEAN):
        return
    for i, row in enumerate(rows):
        if not is_percentage(row):
            problems.row(
                i,
                "indicator",
                _("indicator"),
                _(
                    "de regel '%(rule)s' met meer indicatoren vraagt percentages; "
                    "%(name)s is geen percentage"
                )
                % {"rule": Rule(rule).label.lower(), "name": row.indicator.name},
            )


def clean_result(
    *,
    user,
    programme,
    text: str,
    target_date,
    domain,
    ambition,
    sections,
    factors,
    rule: str,
    combination_indicator,
    combined_target: Target | None,
    indicators: list[dict],
    existing: dict | None = None,
) -> list[CleanIndicator]:
    """Check everything; return the clean indicator rows or raise one ValidationError.
    `existing`: the stored ResultIndicator rows of the result by id (when editing)."""
    problems = Problems()
    existing = existing or {}
    _check_fields(
        problems,
        programme=programme,
        text=text,
        target_date=target_date,
        domain=domain,
        ambition=ambition,
        sections=sections,
        factors=factors,
        rule=rule,
        indicators=indicators,
    )
    rows = [
        _clean_row(i, raw, user=user, programme=programme, problems=problems, existing=existing)
        for i, raw in enumerate(indicators)
    ]
    follows_common = _apply_common_target(rows, rule, combined_target, problems)
    if rule == Rule.COMBINED and combination_indicator is None:
        has_options = combination_options(user, programme)
        problems.add(
            "combination_indicator",
            _(COMBINATION_CHOOSE) if has_options else _(COMBINATION_MISSING),
        )
    _check_row_targets(rows, follows_common, target_date, problems)
    _check_percentages(rows, rule, problems)
    if rule == Rule.MEAN and combined_target is not None and rows:
        _check_mean_target(rows, combined_target, problems)
    if rule == Rule.COMBINED and combination_indicator is not None and rows:
        _check_combination_target(
            user,
            programme,
            combination_indicator,
            rows[0].baseline_period,
            combined_target,
            problems,
        )
    return _finish(rows, problems)


def combination_options(user, programme) -> bool:
    """Whether any percentage indicator has published figures for the programme's area (the
    form offers those as the combination indicator)."""
    return (
        visible_observations(user)
        .filter(
            area=programme.area,
            category="",
            is_current=True,
            status=ObservationStatus.OK,
            value__isnull=False,
            indicator__unit_kind=UnitKind.PERCENTAGE,
        )
        .exists()
    )


def _check_combination_target(
    user, programme, indicator: Indicator, period: str, target: Target | None, problems: Problems
) -> None:
    """Rule "combined": the combination indicator needs a figure in the baseline period, and the
    common target is checked against that figure (direction, 0..100)."""
    if not parse_period(period):
        return
    found = baseline_from_observations(user, programme.area, indicator, period)
    if found is None:
        problems.add(
            "combination_indicator",
            _(
                "Indicator voor de combinatie: %(name)s heeft geen cijfer voor %(area)s in de "
                "basisperiode %(period)s."
            )
            % {"name": indicator.name, "area": programme.area.name, "period": period},
        )
        return
    if target is None:
        return
    direction = (
        indicator.direction
        if indicator.direction in (Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER)
        else Direction.HIGHER_IS_BETTER  # the share meeting all conditions: more is better
    )
    try:
        check_target(float(found), target, direction, field="combined_target_value")
    except CalculationError as error:
        problems.add(
            "combined_target_value",
            _("Doel (gecombineerd): %(message)s") % {"message": error.message},
        )


def _check_mean_target(rows: list[CleanIndicator], target: Target, problems: Problems) -> None:
    directions = {r.direction for r in rows}
    if len(directions) > 1:
        problems.add(
            "rule",
            _(
                "Rekenregel: een gemiddelde van indicatoren waarvan bij de een hoger en bij de "
                "ander lager beter is, zegt niets; kies 'ieder afzonderlijk'."
            ),
        )
        return
    values = [r.baseline_value for r in rows]
    if any(v is None for v in values) or not all(is_percentage(r) for r in rows):
        return
    mean = sum(float(v) for v in values) / len(values)
    if not 0 <= mean <= 100:
        return
    try:
        check_target(mean, target, rows[0].direction, field="combined_target_value")
    except CalculationError as error:
        problems.add(
            "combined_target_value",
            _("Doel (gecombineerd): %(message)s") % {"message": error.message},
        )


def _finish(rows: list[CleanIndicator], problems: Problems) -> list[CleanIndicator]:
    problems.raise_if_any()
    return rows
