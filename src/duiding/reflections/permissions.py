"""Who may see or steer a duidingssessie, and who may update an improvement action.

- See a reflection (its agenda, cold and warm data, answers, decisions, actions): whoever sees
  its programme (`programmes.permissions.visible_programmes`), members of its organisation and
  of the invited organisations. Anybody else: 404.
- Steer it (edit the agenda, start and end the live session, open questions, moderate answers,
  record the group's answers, decisions and actions): its facilitator and the programme's
  editors (the gebiedsadviseur, `can_edit_programme`); for a reflection of an organisation
  without programme, a writing role in that organisation. Seeing but not steering: 403.
- An improvement action is updated (status, done, note) by members of its owner organisation,
  by its owner and by whoever steers its reflection or edits its programme.
- Participants on phones have no account: they see only the open question and, once revealed,
  the aggregated answers (`live` views); their access is the join code, not this module.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404

from duiding.accounts.models import Membership
from duiding.accounts.permissions import WRITE_ROLES, is_authenticated
from duiding.programmes.permissions import can_edit_programme, visible_programmes
from duiding.reflections.models import ImprovementAction, Reflection


def visible_reflections(user):
    if not is_authenticated(user):
        return Reflection.objects.none()
    if user.is_superuser:
        return Reflection.objects.all()
    own = Membership.objects.filter(user=user).values("organisation_id")
    return Reflection.objects.filter(
        Q(programme__in=visible_programmes(user))
        | Q(programme__isnull=True, organisation_id__in=own)
        | Q(invited_organisations__in=own)
        | Q(facilitator=user)
    ).distinct()


def can_steer(user, reflection: Reflection) -> bool:
    if not is_authenticated(user):
        return False
    if user.is_superuser or reflection.facilitator_id == user.pk:
        return True
    if reflection.programme_id:
        return can_edit_programme(user, reflection.programme)
    return user.memberships.filter(
        organisation_id=reflection.organisation_id, role__in=WRITE_ROLES
    ).exists()


def can_add_reflection(user, programme) -> bool:
    return can_edit_programme(user, programme)


def reflection_or_404(user, pk, *, edit: bool = False) -> Reflection:
    """The reflection if the user may see it (and steer it, with edit=True), else 404 / 403."""
    reflection = get_object_or_404(
        Reflection.objects.filter(pk__in=visible_reflections(user).values("pk")).select_related(
            "programme", "programme__area", "organisation", "facilitator"
        ),
        pk=pk,
    )
    if edit and not can_steer(user, reflection):
        raise PermissionDenied
    return reflection


def visible_actions(user):
    """Improvement actions the user may see: of reflections and programmes they see, and those
    their own organisations own."""
    if not is_authenticated(user):
        return ImprovementAction.objects.none()
    if user.is_superuser:
        return ImprovementAction.objects.all()
    own = Membership.objects.filter(user=user).values("organisation_id")
    return ImprovementAction.objects.filter(
        Q(programme__in=visible_programmes(user))
        | Q(reflection__in=visible_reflections(user))
        | Q(owner_organisation_id__in=own)
        | Q(owner_user=user)
    ).distinct()


def can_update_action(user, action: ImprovementAction) -> bool:
    if not is_authenticated(user):
        return False
    if user.is_superuser or action.owner_user_id == user.pk:
        return True
    if user.memberships.filter(organisation_id=action.owner_organisation_id).exists():
        return True
    if action.reflection_id and can_steer(user, action.reflection):
        return True
    return bool(action.programme_id and can_edit_programme(user, action.programme))


def action_or_404(user, pk, *, edit: bool = False) -> ImprovementAction:
    action = get_object_or_404(
        ImprovementAction.objects.filter(pk__in=visible_actions(user).values("pk")).select_related(
            "reflection", "programme", "owner_organisation", "owner_user"
        ),
        pk=pk,
    )
    if edit and not can_update_action(user, action):
        raise PermissionDenied
    return action
