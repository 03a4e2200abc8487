"""Who may see the indicators app's objects: indicators, datasets and observations (import runs:
`jobs.permissions`).

Open data (no organisation) is readable by every logged-in, active user; an organisation's own
datasets and indicators (and so their observations) only by its members. Built on the generic
helpers of `accounts.permissions`.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import Q, QuerySet
from django.http import Http404

from duiding.accounts.models import Membership
from duiding.accounts.permissions import is_authenticated
from duiding.indicators.models import Dataset, Indicator


def visible_dataset_filter(user, prefix: str = ""):
    """A Q for datasets the user may read: open data (no organisation) or their organisations' own.

    `prefix` lets other models filter through a relation, e.g. `visible_dataset_filter(u, "dataset__")`.
    Uses a subquery on memberships, so it adds no query of its own and never duplicates rows.
    """
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
    if not is_authenticated(user):
        return Q(pk__in=[])
    if user.is_superuser:
        return Q()
    own = Membership.objects.filter(user=user).values("organisation_id")
    return Q(organisation__isnull=True) | Q(organisation_id__in=own)


def indicators_visible(user) -> QuerySet[Indicator]:
    """Open indicators (no organisation) and those of the user's organisations."""
    return Indicator.objects.filter(visible_indicator_filter(user))


def indicator_or_404(user, pk: int) -> Indicator:
    """An indicator the user may see (with its numerator and denominator), else Http404."""
    indicator = (
        indicators_visible(user).select_related("numerator", "denominator").filter(pk=pk).first()
    )
    if indicator is None:
        raise Http404
    return indicator


def organisation_observation_filter(organisation):
    """A Q for observations the members of `organisation` may read (open data and the
    organisation's own datasets and indicators). Used where figures are read on behalf of a
    programme rather than a user, e.g. progress of societal results recomputed after an import."""
    own = [organisation.pk] if organisation is not None else []
    hidden_datasets = (
        Dataset.objects.filter(organisation__isnull=False).exclude(organisation_id__in=own)
    ).values("pk")
    hidden_indicators = (
        Indicator.objects.filter(organisation__isnull=False).exclude(organisation_id__in=own)
    ).values("pk")
    return ~Q(dataset_id__in=hidden_datasets) & ~Q(indicator_id__in=hidden_indicators)
