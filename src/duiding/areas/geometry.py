"""Small pure functions on GeoJSON geometries (lon/lat): simplify, rewind, bounding box.

Boundaries are only drawn (choropleths in Vega-Lite), never used for exact overlay, so a stored
geometry is simplified: coordinates rounded to 5 decimals (about 1 m), repeated points removed,
rings that collapse dropped, and optionally polygons smaller than ``min_area`` (square degrees)
dropped — but never the largest polygon of an area.

Winding: Vega draws with d3-geo, which treats a polygon as *spherical*: an exterior ring must run
clockwise (as seen on a north-up map) or d3 fills the whole globe except the area. RFC 7946
GeoJSON uses the opposite order, so every stored geometry is rewound to d3's convention:
exterior rings clockwise, holes anticlockwise.
"""

from __future__ import annotations

from typing import Any

Ring = list[list[float]]

DEFAULT_DECIMALS = 5


def signed_area(ring: Ring) -> float:
    """Shoelace area in square degrees; positive = anticlockwise (north up), negative = clockwise."""
    total = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
        total += x1 * y2 - x2 * y1
    return total / 2.0


def _clean_ring(ring: Ring, decimals: int) -> Ring | None:
    points: Ring = []
    for position in ring:
        point = [round(float(position[0]), decimals), round(float(position[1]), decimals)]
        if not points or points[-1] != point:
            points.append(point)
    if len(points) > 1 and points[0] == points[-1]:
        points.pop()
    if len(points) < 3:
        return None
    points.append(list(points[0]))
    if signed_area(points) == 0:
        return None
    return points


def _wind(ring: Ring, clockwise: bool) -> Ring:
    is_clockwise = signed_area(ring) < 0
    return ring if is_clockwise == clockwise else ring[::-1]


def _clean_polygon(rings: list[Ring], decimals: int) -> list[Ring] | None:
    cleaned = [_clean_ring(r, decimals) for r in rings]
    if not cleaned or cleaned[0] is None:
        return None
    exterior = _wind(cleaned[0], clockwise=True)
    holes = [_wind(r, clockwise=False) for r in cleaned[1:] if r is not None]
    return [exterior, *holes]


def simplify(
    geometry: dict[str, Any] | None, *, decimals: int = DEFAULT_DECIMALS, min_area: float = 0.0
) -> dict[str, Any] | None:
    """A simplified copy of a (Multi)Polygon geometry in d3 winding; other types pass through rounded.

    Returns None when nothing drawable is left.
    """
    if not geometry:
        return None
    kind = geometry.get("type")
    if kind == "Polygon":
        polygons = [geometry.get("coordinates") or []]
    elif kind == "MultiPolygon":
        polygons = geometry.get("coordinates") or []
    elif kind == "GeometryCollection":
        parts = [simplify(g, decimals=decimals, min_area=min_area) for g in geometry["geometries"]]
        merged: list[list[Ring]] = []
        for part in parts:
            if part and part["type"] == "Polygon":
                merged.append(part["coordinates"])
            elif part and part["type"] == "MultiPolygon":
                merged.extend(part["coordinates"])
        return _polygons_geometry(merged)
    else:
        return None
    cleaned = [p for p in (_clean_polygon(rings, decimals) for rings in polygons) if p]
    if not cleaned:
        return None
    if min_area > 0 and len(cleaned) > 1:
        largest = max(cleaned, key=lambda p: abs(signed_area(p[0])))
        cleaned = [p for p in cleaned if p is largest or abs(signed_area(p[0])) >= min_area]
    return _polygons_geometry(cleaned)


def _polygons_geometry(polygons: list[list[Ring]]) -> dict[str, Any] | None:
    if not polygons:
        return None
    if len(polygons) == 1:
        return {"type": "Polygon", "coordinates": polygons[0]}
    return {"type": "MultiPolygon", "coordinates": polygons}


def _positions(geometry: dict[str, Any]):
    kind = geometry.get("type")
    coords = geometry.get("coordinates")
    if kind == "Point":
        yield coords
    elif kind in {"MultiPoint", "LineString"}:
        yield from coords
    elif kind in {"MultiLineString", "Polygon"}:
        for line in coords:
            yield from line
    elif kind == "MultiPolygon":
        for polygon in coords:
            for ring in polygon:
                yield from ring
    elif kind == "GeometryCollection":
        for part in geometry.get("geometries", []):
            yield from _positions(part)


def bbox(geometry: dict[str, Any] | None) -> tuple[float, float, float, float] | None:
    """(min lon, min lat, max lon, max lat) or None for an empty geometry."""
    if not geometry:
        return None
    xs: list[float] = []
    ys: list[float] = []
    for x, y, *_ in _positions(geometry):
        xs.append(x)
        ys.append(y)
    if not xs:
        return None
    return min(xs), min(ys), max(xs), max(ys)


def point_count(geometry: dict[str, Any] | None) -> int:
    return sum(1 for _ in _positions(geometry)) if geometry else 0
