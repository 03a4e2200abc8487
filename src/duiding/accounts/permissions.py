"""Permission helpers: every query that returns organisation data goes through here.

Rules:
- Open data (CBS figures, areas, indicators, frameworks) is readable by every logged-in, active user.
- Organisation data is visible to members of that organisation; writes need a role that allows them.
- A superuser or a `beheerder` of any organisation may manage reference data (imports, frameworks).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from duiding.accounts.models import Membership, Organisation

WRITE_ROLES = {Membership.Role.ADMIN, Membership.Role.ADVISER}


def is_authenticated(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def can_read_open_data(user) -> bool:
    return is_authenticated(user)


def is_data_admin(user) -> bool:
    """May load data and edit reference data (imports, frameworks, aliases)."""
    if not is_authenticated(user):
        return False
    return user.is_superuser or user.memberships.filter(role=Membership.Role.ADMIN).exists()


def require_data_admin(user) -> None:
    if not is_data_admin(user):
        raise PermissionDenied


def organisations_for_user(user) -> QuerySet[Organisation]:
    if not is_authenticated(user):
        return Organisation.objects.none()
    if user.is_superuser:
        return Organisation.objects.all()
    return Organisation.objects.filter(memberships__user=user).distinct()


def role_in(user, organisation: Organisation) -> str | None:
    if not is_authenticated(user):
        return None
    membership = user.memberships.filter(organisation=organisation).first()
    return membership.role if membership else None


def visible_import_runs(user):
    """Import runs a user may see: their own and their organisations' runs; data admins also see
    the open-data runs (no organisation, e.g. CBS tables). Another organisation's own figures stay
    hidden, also from beheerders elsewhere; a superuser sees everything."""
    from django.db.models import Q

    from duiding.jobs.models import ImportRun

    if not is_authenticated(user):
        return ImportRun.objects.none()
    if user.is_superuser:
        return ImportRun.objects.all()
    own = Membership.objects.filter(user=user).values("organisation_id")
    visible = Q(started_by=user) | Q(organisation_id__in=own)
    if is_data_admin(user):
        visible |= Q(organisation__isnull=True)
    return ImportRun.objects.filter(visible)


# --- Observations and datasets (indicators app) ---------------------------------------------


def visible_dataset_filter(user, prefix: str = ""):
    """A Q for datasets the user may read: open data (no organisation) or their organisations' own.

    `prefix` lets other models filter through a relation, e.g. `visible_dataset_filter(u, "dataset__")`.
    Uses a subquery on memberships, so it adds no query of its own and never duplicates rows.
    """
    from django.db.models import Q

    if not is_authenticated(user):
        return Q(pk__in=[])
    if user.is_superuser:
        return Q()
    own = Membership.objects.filter(user=user).values("organisation_id")
    return Q(**{f"{prefix}organisation__isnull": True}) | Q(**{f"{prefix}organisation_id__in": own})


def visible_observation_filter(user):
    """A Q for observations the user may read.

    Open data: the dataset has no organisation (or the observation has no dataset, e.g. a derived
    value) and the indicator has no organisation. Organisation-owned datasets and indicators only
    for members. Written as non-correlated subqueries, so the big observation query needs no join.
    """
    from django.db.models import Q

    from duiding.indicators.models import Dataset, Indicator

    if not is_authenticated(user):
        return Q(pk__in=[])
    if user.is_superuser:
        return Q()
    own = Membership.objects.filter(user=user).values("organisation_id")
    hidden_datasets = (
        Dataset.objects.filter(organisation__isnull=False)
        .exclude(organisation_id__in=own)
        .values("pk")
    )
    hidden_indicators = (
        Indicator.objects.filter(organisation__isnull=False)
        .exclude(organisation_id__in=own)
        .values("pk")
    )
    return ~Q(dataset_id__in=hidden_datasets) & ~Q(indicator_id__in=hidden_indicators)


def hidden_sources_sql(user) -> tuple[str, list] | None:
    """SQL selecting ('d', dataset id) and ('i', indicator id) for the datasets and indicators
    whose observations the user may NOT read, and its parameters; ("", []) when nothing is
    hidden for this user; None when the user may read no observations at all.

    The rule is that of `visible_observation_filter`, as plain SQL so that hot read paths can
    run it inside their own query (the benchmark does).
    """
    from duiding.indicators.models import Dataset, Indicator

    if not is_authenticated(user):
        return None
    if user.is_superuser:
        return "", []
    mine = f"SELECT organisation_id FROM {Membership._meta.db_table} WHERE user_id = %s"
    sql = " UNION ALL ".join(
        f"SELECT '{kind}', id FROM {model._meta.db_table} "
        f"WHERE organisation_id IS NOT NULL AND organisation_id NOT IN ({mine})"
        for kind, model in (("d", Dataset), ("i", Indicator))
    )
    return sql, [user.pk, user.pk]


def hidden_observation_sources(user) -> tuple[list[int], list[int]] | None:
    """(dataset ids, indicator ids) whose observations the user may NOT read, as plain lists.

    None: the user may read no observations at all (not logged in). One query; both lists are
    empty as long as no organisation owns a dataset or indicator.
    """
    from django.db import connection

    found = hidden_sources_sql(user)
    if found is None:
        return None
    sql, params = found
    hidden: tuple[list[int], list[int]] = ([], [])
    if sql:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            for kind, pk in cursor.fetchall():
                hidden[0 if kind == "d" else 1].append(pk)
    return hidden


def visible_indicator_filter(user):
    """A Q for indicators the user may read: open ones and their organisations' own."""
    from django.db.models import Q

    if not is_authenticated(user):
        return Q(pk__in=[])
    if user.is_superuser:
        return Q()
    own = Membership.objects.filter(user=user).values("organisation_id")
    return Q(organisation__isnull=True) | Q(organisation_id__in=own)


# --- Programmes (programmes app) -----------------------------------------------------------
# Visible to: members of the owning organisation, members of its partner organisations (read
# only) and colleagues asked for feedback (read and comment). Editable by the owning
# organisation's beheerders and gebiedsadviseurs. Anybody else gets a 404, never a 403.


def visible_programmes(user):
    """Programmes the user may see (a queryset without duplicates): those of the user's own
    organisations, those their organisation is partner in, those they were asked to give feedback
    on, and for a beheerder or accounthouder all programmes of their municipality (read only)."""
    from django.db.models import Q

    from duiding.programmes.models import Programme

    if not is_authenticated(user):
        return Programme.objects.none()
    if user.is_superuser:
        return Programme.objects.all()
    own = Membership.objects.filter(user=user).values("organisation_id")
    from duiding.programmes.models import FeedbackRequest

    reviewed = FeedbackRequest.objects.filter(reviewer=user).values("programme_id")
    partnered = Programme.partners.through.objects.filter(organisation_id__in=own).values(
        "programme_id"
    )
    municipal = municipality_programmes(user).values("pk")
    return Programme.objects.filter(
        Q(organisation_id__in=own) | Q(pk__in=partnered) | Q(pk__in=reviewed) | Q(pk__in=municipal)
    )


def can_edit_programme(user, programme) -> bool:
    """Members of the owning organisation with a writing role (beheerder, gebiedsadviseur)."""
    if not is_authenticated(user):
        return False
    if user.is_superuser:
        return True
    return user.memberships.filter(
        organisation_id=programme.organisation_id, role__in=WRITE_ROLES
    ).exists()


def can_comment_programme(user, programme) -> bool:
    """Editors, and colleagues with a feedback request on this programme that is still open."""
    if can_edit_programme(user, programme):
        return True
    return programme.feedback_requests.filter(reviewer=user, closed_at__isnull=True).exists()


def programme_or_404(user, pk, *, edit: bool = False):
    """The programme if the user may see it (and edit it, with edit=True), else Http404.

    Seeing but not editing gives PermissionDenied: the user knows the programme exists.
    """
    from django.shortcuts import get_object_or_404

    programme = get_object_or_404(
        visible_programmes(user).select_related("area", "framework"), pk=pk
    )
    if edit and not can_edit_programme(user, programme):
        raise PermissionDenied
    return programme


def feedback_candidates(programme):
    """Users who may be asked for feedback: active members of organisations in the same
    municipality as the owning organisation (or of the owning organisation itself)."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    org = programme.organisation
    orgs = Q(memberships__organisation=org)
    if org.municipality_id:
        orgs |= Q(memberships__organisation__municipality_id=org.municipality_id)
    return get_user_model().objects.filter(orgs, is_active=True).distinct().order_by("username")


def programme_owner_organisations(user):
    """Organisations for which the user may start (own) a programme: those where they have a
    writing role (beheerder, gebiedsadviseur); a superuser: all."""
    if not is_authenticated(user):
        return Organisation.objects.none()
    if user.is_superuser:
        return Organisation.objects.all()
    return Organisation.objects.filter(
        memberships__user=user, memberships__role__in=WRITE_ROLES
    ).distinct()


def data_team_programmes(user):
    """Programmes whose missing-figures list a beheerder works through: those owned by the
    organisations where the user is beheerder (a superuser: all)."""
    from duiding.programmes.models import Programme

    if not is_authenticated(user):
        return Programme.objects.none()
    if user.is_superuser:
        return Programme.objects.all()
    admin_of = Membership.objects.filter(user=user, role=Membership.Role.ADMIN).values(
        "organisation_id"
    )
    return Programme.objects.filter(organisation_id__in=admin_of)


def municipality_programmes(user):
    """Programmes of a whole municipality, for its beheerders and accounthouders: every programme
    owned by an organisation of a municipality where the user has one of those roles in an
    organisation of that municipality (a superuser: all). Used by the cross-programme overviews
    (results, prevention matrix)."""
    from duiding.programmes.models import Programme

    if not is_authenticated(user):
        return Programme.objects.none()
    if user.is_superuser:
        return Programme.objects.all()
    roles = {Membership.Role.ADMIN, Membership.Role.ACCOUNT_HOLDER}
    municipalities = Membership.objects.filter(
        user=user, role__in=roles, organisation__municipality__isnull=False
    ).values("organisation__municipality_id")
    return Programme.objects.filter(organisation__municipality_id__in=municipalities)


def can_see_municipality_overview(user) -> bool:
    return is_authenticated(user) and (
        user.is_superuser
        or user.memberships.filter(
            role__in=[Membership.Role.ADMIN, Membership.Role.ACCOUNT_HOLDER],
            organisation__municipality__isnull=False,
        ).exists()
    )


def result_or_404(user, pk, *, edit: bool = False):
    """A societal result if the user may see its programme (and edit it, with edit=True).

    Not visible: Http404; visible but not editable: PermissionDenied (as programme_or_404)."""
    from django.shortcuts import get_object_or_404

    from duiding.results.models import SocietalResult

    result = get_object_or_404(
        SocietalResult.objects.filter(programme__in=visible_programmes(user)).select_related(
            "programme", "programme__area"
        ),
        pk=pk,
    )
    if edit and not can_edit_programme(user, result.programme):
        raise PermissionDenied
    return result


def organisation_observation_filter(organisation):
    """A Q for observations the members of `organisation` may read (open data and the
    organisation's own datasets and indicators). Used where figures are read on behalf of a
    programme rather than a user, e.g. progress of societal results recomputed after an import."""
    from django.db.models import Q

    from duiding.indicators.models import Dataset, Indicator

    own = [organisation.pk] if organisation is not None else []
    hidden_datasets = (
        Dataset.objects.filter(organisation__isnull=False).exclude(organisation_id__in=own)
    ).values("pk")
    hidden_indicators = (
        Indicator.objects.filter(organisation__isnull=False).exclude(organisation_id__in=own)
    ).values("pk")
    return ~Q(dataset_id__in=hidden_datasets) & ~Q(indicator_id__in=hidden_indicators)


# --- Activities (activities app) -----------------------------------------------------------
# Everybody who sees the programme reads its activities. The programme's editors edit every
# activity; members of a partner organisation of the programme (role partner, or a writing role
# in that organisation) create and edit the activities their own organisation carries out.

ACTIVITY_PARTNER_ROLES = {Membership.Role.PARTNER, *WRITE_ROLES}


def activity_organisations(user, programme):
    """Organisations the user may add activities for in this programme: for an editor the owning
    organisation and every partner; for a partner member only their own partner organisations."""
    if not is_authenticated(user):
        return Organisation.objects.none()
    partners = programme.partners.all()
    if can_edit_programme(user, programme):
        return Organisation.objects.filter(
            pk__in=[programme.organisation_id, *partners.values_list("pk", flat=True)]
        )
    return partners.filter(
        memberships__user=user, memberships__role__in=ACTIVITY_PARTNER_ROLES
    ).distinct()


def can_add_activity(user, programme) -> bool:
    return activity_organisations(user, programme).exists()


def can_edit_activity(user, activity) -> bool:
    """The programme's editors, or a member of the carrying partner organisation (while that
    organisation is a partner of the programme)."""
    if can_edit_programme(user, activity.programme):
        return True
    return (
        activity_organisations(user, activity.programme)
        .filter(pk=activity.organisation_id)
        .exists()
    )


def activity_or_404(user, pk, *, edit: bool = False):
    """An activity if the user may see its programme (and edit it, with edit=True).

    Not visible: Http404; visible but not editable: PermissionDenied (as programme_or_404)."""
    from django.shortcuts import get_object_or_404

    from duiding.activities.models import Activity

    activity = get_object_or_404(
        Activity.objects.filter(programme__in=visible_programmes(user)).select_related(
            "programme", "programme__area", "programme__framework", "organisation", "intervention"
        ),
        pk=pk,
    )
    if edit and not can_edit_activity(user, activity):
        raise PermissionDenied
    return activity
