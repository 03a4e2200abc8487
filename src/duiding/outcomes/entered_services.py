"""Entered figures (seed 003 step 5): the aggregated outcome a partner enters from its own
registration, per period: reach (reached against the target), no-shows, dropout counts per reason
code 1–5, and any standard measure as counts per answer value.

Rules (each refused with a Dutch message naming the field, nothing stored):
- every figure and count is a whole number, 0 or more;
- the period ends on or after its start, and does not overlap another entered period of the same
  activity (the message names that period);
- the dropout total (reason codes 1–5) is not more than the number reached.
Reached above the target is allowed (a warning only: `entered_warnings`). The target defaults to
the activity's planned reach, else the size of its target group.

Services are keyword-only, each one transaction, and write an `EnteredFiguresChange` with a
snapshot of the period and its counts; an edit carries the `version` it started from
(`core.versioning.lock_and_check`), a stale edit is refused. A deleted period can be restored from
its history.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from duiding.core.history import RestoreError
from duiding.core.versioning import lock_and_check
from duiding.outcomes.measures import MEASURE_SCALES
from duiding.outcomes.models import EnteredCount, EnteredFigures, EnteredFiguresChange
from duiding.outcomes.standard import CHANGE_CATEGORIES

Action = EnteredFiguresChange.Action
DROPOUT = "uitval"


@dataclass(frozen=True)
class CountedMeasure:
    """A measure a partner may enter as counts per answer value."""

    key: str
    label: str  # short name, e.g. "Uitval"
    values: list[tuple[str, str]]  # (value, meaning; "" when the value has no text of its own)


def _scale(measure: str, low: int, high: int) -> list[tuple[str, str]]:
    meanings = dict(MEASURE_SCALES[measure].points)
    return [(str(v), meanings.get(str(v), "")) for v in range(low, high + 1)]


def counted_measures() -> list[CountedMeasure]:
    """Every measure that can be entered as counts, in the seed's order (appendix 9)."""
    return [
        CountedMeasure(DROPOUT, _("Uitval"), list(MEASURE_SCALES[DROPOUT].points)),
        CountedMeasure("tevredenheid", _("Tevredenheid"), _scale("tevredenheid", 1, 10)),
        CountedMeasure("doelrealisatie", _("Doelrealisatie"), _scale("doelrealisatie", -1, 2)),
        CountedMeasure(
            "verder_zonder_hulp", _("Verder zonder hulp"), _scale("verder_zonder_hulp", 1, 4)
        ),
        CountedMeasure(
            "afname_problematiek",
            _("Afname problematiek"),
            [(value, str(label)) for value, label in CHANGE_CATEGORIES],
        ),
    ]


def count_label(measure: CountedMeasure, value: str, meaning: str) -> str:
    """The name of one count, e.g. "Uitval: 3 Voortijdig: eenzijdig door de cliënt"."""
    if measure.key == "afname_problematiek":
        return f"{measure.label}: {meaning}"
    return f"{measure.label}: {value} {meaning}".rstrip()


FIELD_LABELS = {
    "period_start": gettext_lazy("Periode van"),
    "period_end": gettext_lazy("Periode tot en met"),
    "reached": gettext_lazy("Bereikt"),
    "target": gettext_lazy("Beoogd bereik"),
    "no_shows": gettext_lazy("Niet verschenen"),
    "note": gettext_lazy("Toelichting"),
}


class EnteredError(ValueError):
    """Entered figures refused; `errors` lists (field, Dutch message), field None for the whole
    period, or a count as "measure:value"."""

    def __init__(self, errors: list[tuple[str | None, str]]):
        self.errors = errors
        super().__init__(" ".join(message for _f, message in errors))


@dataclass
class Figures:
    """What a period holds, as typed (the form and each Excel row make one)."""

    period_start: datetime.date | None
    period_end: datetime.date | None
    reached: int | None = None
    target: int | None = None
    no_shows: int | None = None
    note: str = ""
    # measure -> {value: count}; a value left out was not entered.
    counts: dict[str, dict[str, int]] = field(default_factory=dict)

    @classmethod
    def of(cls, figures: EnteredFigures) -> Figures:
        counts: dict[str, dict[str, int]] = {}
        for row in figures.counts.all():
            counts.setdefault(row.measure, {})[row.value] = row.count
        return cls(
            figures.period_start,
            figures.period_end,
            figures.reached,
            figures.target,
            figures.no_shows,
            figures.note,
            counts,
        )

    def dropout_total(self) -> int:
        return sum(self.counts.get(DROPOUT, {}).values())


def default_target(activity) -> int | None:
    """The planned reach of the activity, else the size of its target group."""
    if activity.reach is not None:
        return activity.reach
    return activity.target_group_size


def period_text(start, end) -> str:
    return f"{date_format(start)} – {date_format(end)}"


# --- Checks ------------------------------------------------------------------------------------


def check(
    activity, data: Figures, *, exclude_pk: int | None = None
) -> list[tuple[str | None, str]]:
    """Every rule the figures break, as (field, message); [] when they may be stored."""
    errors: list[tuple[str | None, str]] = []
    if data.period_start is None:
        errors.append(("period_start", _("Vul de eerste dag van de periode in.")))
    if data.period_end is None:
        errors.append(("period_end", _("Vul de laatste dag van de periode in.")))
    for name in ("reached", "target", "no_shows"):
        value = getattr(data, name)
        if value is not None and (not isinstance(value, int) or value < 0):
            errors.append(
                (
                    name,
                    _("%(field)s moet een heel getal van 0 of meer zijn.")
                    % {"field": FIELD_LABELS[name]},
                )
            )
    errors += _check_counts(data)
    if errors:
        return errors
    if data.period_end < data.period_start:
        errors.append(
            (
                "period_end",
                _("De periode eindigt (%(end)s) vóór ze begint (%(start)s).")
                % {"end": date_format(data.period_end), "start": date_format(data.period_start)},
            )
        )
        return errors
    other = overlapping(activity, data.period_start, data.period_end, exclude_pk=exclude_pk)
    if other is not None:
        errors.append(
            (
                "period_start",
                _(
                    "De periode overlapt met de al ingevoerde periode %(period)s van deze "
                    "activiteit. Kies een periode die daar niet mee overlapt, of wijzig die periode."
                )
                % {"period": period_text(other.period_start, other.period_end)},
            )
        )
    total = data.dropout_total()
    if data.reached is not None and total > data.reached:
        errors.append(
            (
                None,
                _(
                    "De uitval (Uitval: 1 tot en met 5, samen %(total)s) is groter dan Bereikt "
                    "(%(reached)s). Er kunnen niet meer deelnemers uitvallen dan er bereikt zijn."
                )
                % {"total": total, "reached": data.reached},
            )
        )
    return errors


def _check_counts(data: Figures) -> list[tuple[str | None, str]]:
    known = {m.key: m for m in counted_measures()}
    errors = []
    for measure_key, values in data.counts.items():
        measure = known.get(measure_key)
        if measure is None:
            errors.append((None, _("Onbekende maat ‘%(measure)s’.") % {"measure": measure_key}))
            continue
        meanings = dict(measure.values)
        for value, count in values.items():
            if value not in meanings:
                errors.append(
                    (
                        None,
                        _("%(measure)s kent de antwoordwaarde ‘%(value)s’ niet.")
                        % {"measure": measure.label, "value": value},
                    )
                )
            elif not isinstance(count, int) or isinstance(count, bool) or count < 0:
                errors.append(
                    (
                        f"{measure_key}:{value}",
                        _("%(field)s moet een heel getal van 0 of meer zijn.")
                        % {"field": count_label(measure, value, meanings[value])},
                    )
                )
    return errors


def warnings(data: Figures) -> list[str]:
    """What is allowed but worth a second look (reached above the target)."""
    if data.reached is not None and data.target is not None and data.reached > data.target:
        return [
            _(
                "Bereikt (%(reached)s) is meer dan het beoogde bereik (%(target)s). Dat mag; "
                "kijk wel even of de cijfers kloppen."
            )
            % {"reached": data.reached, "target": data.target}
        ]
    return []


def overlapping(activity, start, end, *, exclude_pk=None) -> EnteredFigures | None:
    """Another entered period of the activity that shares a day with start–end."""
    others = EnteredFigures.objects.filter(
        activity=activity, period_start__lte=end, period_end__gte=start
    )
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    return others.order_by("period_start").first()


# --- Writes -------------------------------------------------------------------------------------


def snapshot(figures: EnteredFigures) -> dict:
    return {
        "period_start": figures.period_start.isoformat(),
        "period_end": figures.period_end.isoformat(),
        "reached": figures.reached,
        "target": figures.target,
        "no_shows": figures.no_shows,
        "note": figures.note,
        "counts": [[c.measure, c.value, c.count] for c in figures.counts.order_by("pk")],
    }


def _record(figures: EnteredFigures, *, user, action: str) -> EnteredFiguresChange:
    return EnteredFiguresChange.record(
        user=user,
        summary=period_text(figures.period_start, figures.period_end),
        snapshot=snapshot(figures),
        activity_id=figures.activity_id,
        figures=figures if action != Action.DELETED else None,
        object_id=figures.pk,
        action=action,
    )


def _apply(figures: EnteredFigures, data: Figures) -> None:
    figures.period_start = data.period_start
    figures.period_end = data.period_end
    figures.reached = data.reached
    figures.target = data.target if data.target is not None else default_target(figures.activity)
    figures.no_shows = data.no_shows
    figures.note = (data.note or "").strip()


def _write_counts(figures: EnteredFigures, data: Figures) -> None:
    figures.counts.all().delete()
    EnteredCount.objects.bulk_create(
        EnteredCount(figures=figures, measure=measure, value=value, count=count)
        for measure, values in data.counts.items()
        for value, count in values.items()
        if count is not None
    )


def _refuse_if_bad(activity, data: Figures, exclude_pk=None) -> None:
    errors = check(activity, data, exclude_pk=exclude_pk)
    if errors:
        raise EnteredError(errors)


@transaction.atomic
def entered_figures_create(*, activity, user, data: Figures) -> EnteredFigures:
    """A new period of entered figures with its counts."""
    _refuse_if_bad(activity, data)
    figures = EnteredFigures(activity=activity, created_by=user, updated_by=user)
    _apply(figures, data)
    figures.full_clean()
    figures.save()
    _write_counts(figures, data)
    _record(figures, user=user, action=Action.CREATED)
    return figures


@transaction.atomic
def entered_figures_update(
    *, figures: EnteredFigures, user, data: Figures, expected_version: int | None
) -> EnteredFigures:
    """Change a period and replace its counts; refused (StaleEdit) when somebody saved it after
    the editor opened it."""
    before = Figures.of(figures)
    mine = {
        "period_start": (FIELD_LABELS["period_start"], _date(data.period_start)),
        "period_end": (FIELD_LABELS["period_end"], _date(data.period_end)),
        "reached": (FIELD_LABELS["reached"], _number(data.reached)),
        "target": (FIELD_LABELS["target"], _number(data.target)),
        "no_shows": (FIELD_LABELS["no_shows"], _number(data.no_shows)),
    }
    lock_and_check(figures, expected_version, mine)
    _refuse_if_bad(figures.activity, data, exclude_pk=figures.pk)
    _apply(figures, data)
    figures.updated_by = user
    figures.full_clean()
    figures.save()
    _write_counts(figures, data)
    if before != Figures.of(figures):
        _record(figures, user=user, action=Action.UPDATED)
    return figures


def _date(value) -> str:
    return date_format(value) if value else ""


def _number(value) -> str:
    return "" if value is None else str(value)


@transaction.atomic
def entered_figures_delete(*, figures: EnteredFigures, user) -> EnteredFiguresChange:
    """Delete a period (restorable from the history row returned)."""
    change = _record(figures, user=user, action=Action.DELETED)
    figures.delete()
    return change


def entered_figures_restore(*, change: EnteredFiguresChange, user) -> EnteredFigures:
    """Bring back a deleted period under its old number, if its period is still free."""
    return change.restore(user=user, rebuild=_rebuild, after=_after_restore)


def _rebuild(change: EnteredFiguresChange, user) -> EnteredFigures:
    if EnteredFigures.objects.filter(pk=change.object_id).exists():
        raise RestoreError(_("Deze periode bestaat al weer."))
    content = change.snapshot
    start = datetime.date.fromisoformat(content["period_start"])
    end = datetime.date.fromisoformat(content["period_end"])
    other = overlapping(change.activity, start, end)
    if other is not None:
        raise RestoreError(
            _(
                "Deze periode kan niet terugkomen: ze overlapt met de ingevoerde periode "
                "%(period)s. Wijzig of verwijder die eerst."
            )
            % {"period": period_text(other.period_start, other.period_end)}
        )
    figures = EnteredFigures(
        pk=change.object_id,
        activity_id=change.activity_id,
        period_start=start,
        period_end=end,
        reached=content.get("reached"),
        target=content.get("target"),
        no_shows=content.get("no_shows"),
        note=content.get("note", ""),
        created_by=user,
        updated_by=user,
    )
    figures.save(force_insert=True)
    EnteredCount.objects.bulk_create(
        EnteredCount(figures=figures, measure=m, value=v, count=c)
        for m, v, c in content.get("counts", [])
    )
    return figures


def _after_restore(change: EnteredFiguresChange, figures: EnteredFigures, user) -> None:
    EnteredFiguresChange.objects.filter(
        activity_id=change.activity_id, object_id=figures.pk
    ).update(figures=figures)
    _record(figures, user=user, action=Action.RESTORED)


@dataclass
class ImportResult:
    added: int = 0
    changed: int = 0


@transaction.atomic
def entered_figures_import(*, activity, user, rows: list[Figures]) -> ImportResult:
    """Store every row of a checked file (one period each) in one transaction: a row whose period
    is exactly an entered one replaces it, any other row adds a period. The caller has checked the
    rows (`check`); a rule broken here still refuses the whole file (EnteredError)."""
    result = ImportResult()
    existing = {
        (f.period_start, f.period_end): f
        for f in EnteredFigures.objects.select_for_update().filter(activity=activity)
    }
    for data in rows:
        figures = existing.get((data.period_start, data.period_end))
        if figures is None:
            entered_figures_create(activity=activity, user=user, data=data)
            result.added += 1
        else:
            before = Figures.of(figures)
            _refuse_if_bad(activity, data, exclude_pk=figures.pk)
            _apply(figures, data)
            figures.updated_by = user
            figures.version += 1
            figures.save()
            _write_counts(figures, data)
            if before != Figures.of(figures):
                _record(figures, user=user, action=Action.UPDATED)
                result.changed += 1
    return result


def totals(activity) -> dict:
    """Sums over every entered period of the activity: reached, target, no-shows, dropout."""
    periods = list(activity.entered_figures.prefetch_related("counts"))

    def total(name):
        values = [getattr(p, name) for p in periods if getattr(p, name) is not None]
        return sum(values) if values else None

    dropout = [c.count for p in periods for c in p.counts.all() if c.measure == DROPOUT]
    return {
        "periods": len(periods),
        "reached": total("reached"),
        "target": total("target"),
        "no_shows": total("no_shows"),
        "dropout": sum(dropout) if dropout else None,
    }
