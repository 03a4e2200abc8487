"""Reads for areas. Areas are open data: every logged-in user may read them."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from duiding.areas.codes import normalise_code
from duiding.areas.models import LEVEL_RANK, Area, Level, LevelName

_PLURALS = {
    Level.COUNTRY: _("Landen"),
    Level.REGION: _("Landsdelen"),
    Level.PROVINCE: _("Provincies"),
    Level.YOUTH_REGION: _("Jeugdregio's"),
    Level.MUNICIPALITY: _("Gemeenten"),
    Level.DISTRICT: _("Wijken"),
    Level.NEIGHBOURHOOD: _("Buurten"),
    Level.OTHER: _("Overige gebieden"),
}


def level_labels(municipality_id: int | None) -> dict[str, tuple[str, str]]:
    """level -> (singular, plural) in the municipality's own words, CBS's names as default.

    One query; use it instead of `level_name` when labelling many areas of one municipality.
    """
    labels = {
        value: (str(label), str(_PLURALS.get(value, label))) for value, label in Level.choices
    }
    if municipality_id:
        for level, singular, plural in LevelName.objects.filter(
            municipality_id=municipality_id
        ).values_list("level", "singular", "plural"):
            labels[level] = (singular, plural)
    return labels


def level_name(municipality_id: int | None, level: str, plural: bool = False) -> str:
    if municipality_id:
        own = LevelName.objects.filter(municipality_id=municipality_id, level=level).first()
        if own:
            return own.plural if plural else own.singular
    if level in Level.values:
        return str(_PLURALS[level] if plural else Level(level).label)
    return level


def with_level_labels(areas) -> list[Area]:
    """Attach `level_label_cached` to each area with one query per municipality (not per area)."""
    areas = list(areas)
    cache: dict[int | None, dict[str, tuple[str, str]]] = {}
    for area in areas:
        mun = area.municipality_id or (area.pk if area.level == Level.MUNICIPALITY else None)
        if mun not in cache:
            cache[mun] = level_labels(mun)
        area.level_label_cached = cache[mun].get(area.level, (area.level, area.level))[0]
    return areas


def area_children(area: Area) -> list[Area]:
    """Areas directly below this one (a gemeente's CBS wijken, a wijk's buurten), by name."""
    return list(Area.objects.filter(parent=area).order_by("name", "code"))


def area_search(q: str, limit: int = 20) -> QuerySet[Area]:
    q = (q or "").strip()
    qs = Area.objects.select_related("municipality")
    if not q:
        return qs.filter(level__in=[Level.COUNTRY, Level.MUNICIPALITY]).order_by("code")[:limit]
    return qs.filter(Q(code__iexact=q) | Q(name__icontains=q) | Q(code__istartswith=q)).order_by(
        "level", "name"
    )[:limit]


def area_get(code: str) -> Area | None:
    return (
        Area.objects.select_related("parent__parent__parent", "municipality")
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
