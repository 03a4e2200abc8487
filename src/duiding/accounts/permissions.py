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

    from duiding.indicators.models import ImportRun

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
