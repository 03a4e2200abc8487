"""What the start page reads: the areas with figures, the size of the open data, recent runs."""

from __future__ import annotations

from django.db.models import QuerySet

from duiding.areas.models import Area, Level
from duiding.indicators.models import Indicator, Observation
from duiding.jobs.models import ImportRun
from duiding.reflections.actions.selectors import due_for_home


def municipalities_with_figures(limit: int = 12) -> QuerySet[Area]:
    return (
        Area.objects.filter(level=Level.MUNICIPALITY, observations__isnull=False)
        .distinct()
        .order_by("name")[:limit]
    )


def open_indicator_count() -> int:
    """Indicators of the open data (no organisation's own figures)."""
    return Indicator.objects.filter(organisation__isnull=True).count()


def current_observation_count() -> int:
    return Observation.objects.filter(is_current=True).count()


def recent_runs_started_by(user, limit: int = 5) -> QuerySet[ImportRun]:
    return ImportRun.objects.filter(started_by=user)[:limit]


def my_due_actions(user) -> list:
    """Mijn verbeteracties: open actions of my organisations and me, overdue or due soon."""

    return due_for_home(user)
