"""Who may see or change outcome: questionnaires, answers, cards and entered figures.

- Create and edit questionnaires, cards and entered figures: who may edit the activity (the
  activity's partner, and the programme's editors, i.e. the gebiedsadviseur):
  `activities.permissions.can_edit_activity`.
- Raw answers (every single answer, open texts, the lowest and highest scores with their open
  answers): members of the organisation that carries the activity, and nobody else.
- Everybody else who sees the programme (the gebiedsadviseur of the municipality, the
  accounthouder, other partners, the API) reads aggregates only, with counts under 5 suppressed
  (`outcomes/aggregation.py`), and open answers only of a questionnaire marked shareable.
- Not visible: 404 (as `programme_or_404`); visible but not editable: PermissionDenied.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from duiding.accounts.permissions import is_authenticated
from duiding.activities.permissions import activity_or_404, can_edit_activity
from duiding.outcomes.models import EnteredFigures, Questionnaire
from duiding.programmes.permissions import visible_programmes


def sees_raw_answers(user, activity) -> bool:
    """Members of the activity's own organisation (any role); superusers as well."""
    if not is_authenticated(user):
        return False
    if user.is_superuser:
        return True
    return user.memberships.filter(organisation_id=activity.organisation_id).exists()


def can_manage_outcome(user, activity) -> bool:
    """Create and edit the activity's questionnaires, cards and entered figures."""
    return can_edit_activity(user, activity)


def outcome_activity_or_404(user, pk, *, edit: bool = False):
    """The activity whose outcome the user may read (edit=True: manage), else 404/403."""
    activity = activity_or_404(user, pk)
    if edit and not can_manage_outcome(user, activity):
        raise PermissionDenied
    return activity


def questionnaire_or_404(user, pk, *, edit: bool = False) -> Questionnaire:
    """A questionnaire of an activity the user may see (edit=True: manage), else 404/403."""
    questionnaire = get_object_or_404(
        Questionnaire.objects.filter(
            activity__programme__in=visible_programmes(user)
        ).select_related(
            "activity", "activity__programme", "activity__programme__area", "activity__organisation"
        ),
        pk=pk,
    )
    if edit and not can_manage_outcome(user, questionnaire.activity):
        raise PermissionDenied
    return questionnaire


def entered_figures_or_404(user, pk, *, edit: bool = False) -> EnteredFigures:
    figures = get_object_or_404(
        EnteredFigures.objects.filter(
            activity__programme__in=visible_programmes(user)
        ).select_related("activity", "activity__programme", "activity__organisation"),
        pk=pk,
    )
    if edit and not can_manage_outcome(user, figures.activity):
        raise PermissionDenied
    return figures
