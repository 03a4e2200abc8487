"""Reads of the activities app. The caller has already checked that the user may see the
programme (programmes.permissions.programme_or_404 / visible_programmes)."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from duiding.activities.models import Activity, ActivityFactor


def activities_for(programmes) -> QuerySet[Activity]:
    """Activities of one programme (or a queryset/list of programmes), with everything the
    sentence, the list and the matrix need prefetched."""
    qs = Activity.objects.all()
    if hasattr(programmes, "pk"):
        qs = qs.filter(programme=programmes)
    else:
        qs = qs.filter(programme__in=programmes)
    return qs.select_related(
        "organisation", "intervention", "intervention__databank"
    ).prefetch_related(
        Prefetch(
            "factor_links",
            queryset=ActivityFactor.objects.select_related("factor").order_by(
                "factor__rank", "factor__name"
            ),
        ),
        "results",
        "results__domain",
        "age_phases",
        "life_areas",
    )


def filter_activities(qs: QuerySet[Activity], params: dict) -> QuerySet[Activity]:
    """Filters of the list: organisation, prevention_level, offer_kind ("gewenst" = new,
    "huidig" = the existing offer), result, evidence (trede at least)."""
    if params.get("organisation"):
        qs = qs.filter(organisation_id=params["organisation"])
    if params.get("prevention_level"):
        qs = qs.filter(prevention_level=params["prevention_level"])
    if params.get("offer"):
        qs = offer_filter(qs, params["offer"])
    if params.get("result"):
        qs = qs.filter(results__pk=params["result"])
    if params.get("min_level") not in (None, ""):
        qs = qs.filter(evidence_level__gte=params["min_level"])
    return qs.distinct()


OFFER_GROUPS = {
    # "gewenst": the desired offer (new, kept and adapted offer: what the programme wants);
    # "huidig": the current offer (everything that exists now, including what is to stop).
    "gewenst": ["gewenst_nieuw", "bestaand_blijft", "bestaand_aanpassen"],
    "huidig": ["bestaand_blijft", "bestaand_aanpassen", "bestaand_stoppen"],
}


def offer_filter(qs, offer: str):
    """Filter on desired vs current offer, or on one offer kind."""
    kinds = OFFER_GROUPS.get(offer, [offer])
    return qs.filter(offer_kind__in=kinds)
