"""Reads for areas. Areas are open data: every logged-in user may read them."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from duiding.areas.models import LEVEL_RANK, Area, Level, LevelName


def level_name(municipality_id: int | None, level: str, plural: bool = False) -> str:
    if municipality_id:
        own = LevelName.objects.filter(municipality_id=municipality_id, level=level).first()
        if own:
            return own.plural if plural else own.singular
    return str(Level(level).label) if level in Level.values else level


def area_search(q: str, limit: int = 20) -> QuerySet[Area]:
    q = (q or "").strip()
    qs = Area.objects.select_related("municipality")
    if not q:
        return qs.filter(level__in=[Level.COUNTRY, Level.MUNICIPALITY]).order_by("code")[:limit]
    return qs.filter(Q(code__iexact=q) | Q(name__icontains=q) | Q(code__istartswith=q)).order_by(
        "level", "name"
    )[:limit]


def area_get(code: str) -> Area | None:
    from duiding.areas.codes import normalise_code

    return (
        Area.objects.select_related("parent", "municipality")
        .filter(code=normalise_code(code))
        .first()
    )


def area_ancestors(area: Area) -> list[Area]:
    """Parent chain from nearest to the country (excluding the area itself)."""
    chain: list[Area] = []
    seen = {area.pk}
    current = area.parent
    while current is not None and current.pk not in seen:
        chain.append(current)
        seen.add(current.pk)
        current = current.parent
    return chain


def sort_levels(levels):
    return sorted(levels, key=lambda lv: LEVEL_RANK.get(lv, 99))
