from ninja import Router, Schema
from ninja.errors import HttpError

from duiding.api.schemas import ErrorOut
from duiding.areas.codes import normalise_code
from duiding.areas.models import Area
from duiding.areas.selectors import area_search

router = Router()


class AreaOut(Schema):
    code: str
    name: str
    level: str
    level_label: str
    parent_code: str | None
    municipality_code: str | None
    has_boundary: bool


def _area_out(area: Area) -> dict:
    return {
        "code": area.code,
        "name": area.name,
        "level": area.level,
        "level_label": area.level_label(),
        "parent_code": area.parent.code if area.parent_id else None,
        "municipality_code": area.municipality.code if area.municipality_id else None,
        "has_boundary": area.boundary is not None,
    }


@router.get("/areas", response=list[AreaOut], tags=["areas"])
def areas_list(request, q: str = ""):
    """Search areas by name or CBS code (open data)."""
    return [_area_out(a) for a in area_search(q, limit=50).select_related("parent", "municipality")]


@router.get("/areas/{code}", response={200: AreaOut, 404: ErrorOut}, tags=["areas"])
def area_detail(request, code: str):
    area = (
        Area.objects.select_related("parent", "municipality")
        .filter(code=normalise_code(code))
        .first()
    )
    if area is None:
        raise HttpError(404, f"Onbekend gebied: {code}")
    return _area_out(area)
