"""Decode TopoJSON into GeoJSON features: a small, dependency-free implementation of the spec.

TopoJSON (https://github.com/topojson/topojson-specification) stores shared borders once as *arcs*;
geometries refer to arcs by index (``~i`` = arc ``i`` reversed). With a ``transform`` present the
arcs are quantised and delta-encoded: every position after the first is the difference to the
previous one, in grid units; ``x = (sum of deltas) * scale[0] + translate[0]``.

Only plain functions, no Django: ``features(topology)`` yields GeoJSON Feature dicts.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

Position = list[float]


class TopologyError(ValueError):
    """The document is not a TopoJSON topology this decoder understands."""


def decode_arcs(topology: dict[str, Any]) -> list[list[Position]]:
    """All arcs as absolute lon/lat positions (transform and delta encoding applied)."""
    arcs = topology.get("arcs")
    if not isinstance(arcs, list):
        raise TopologyError("TopoJSON zonder 'arcs'-lijst")
    transform = topology.get("transform")
    if transform is None:
        return [[[float(p[0]), float(p[1])] for p in arc] for arc in arcs]
    try:
        sx, sy = (float(v) for v in transform["scale"])
        tx, ty = (float(v) for v in transform["translate"])
    except (KeyError, TypeError, ValueError) as exc:
        raise TopologyError("TopoJSON 'transform' mist 'scale' of 'translate'") from exc
    decoded: list[list[Position]] = []
    for arc in arcs:
        x = y = 0
        points: list[Position] = []
        for position in arc:
            x += position[0]
            y += position[1]
            points.append([x * sx + tx, y * sy + ty])
        decoded.append(points)
    return decoded


def _point(topology: dict[str, Any], position: list[float]) -> Position:
    transform = topology.get("transform")
    if transform is None:
        return [float(position[0]), float(position[1])]
    sx, sy = transform["scale"]
    tx, ty = transform["translate"]
    return [position[0] * sx + tx, position[1] * sy + ty]


def _line(arcs: list[list[Position]], indexes: list[int]) -> list[Position]:
    """Join arcs into one line; each next arc's first point repeats the previous arc's last."""
    points: list[Position] = []
    for index in indexes:
        try:
            arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        except IndexError as exc:
            raise TopologyError(f"verwijzing naar boog {index} bestaat niet") from exc
        if points:
            points.extend(arc[1:])
        else:
            points.extend(arc)
    return points


def _ring(arcs: list[list[Position]], indexes: list[int]) -> list[Position]:
    ring = _line(arcs, indexes)
    if ring and ring[0] != ring[-1]:
        ring.append(list(ring[0]))
    return ring


def geometry(
    topology: dict[str, Any], obj: dict[str, Any], arcs: list[list[Position]]
) -> dict[str, Any] | None:
    """One TopoJSON geometry object as a GeoJSON geometry (None for a null geometry)."""
    kind = obj.get("type")
    if kind is None:
        return None
    if kind == "Point":
        return {"type": "Point", "coordinates": _point(topology, obj["coordinates"])}
    if kind == "MultiPoint":
        return {
            "type": "MultiPoint",
            "coordinates": [_point(topology, p) for p in obj["coordinates"]],
        }
    if kind == "LineString":
        return {"type": "LineString", "coordinates": _line(arcs, obj["arcs"])}
    if kind == "MultiLineString":
        return {"type": "MultiLineString", "coordinates": [_line(arcs, a) for a in obj["arcs"]]}
    if kind == "Polygon":
        return {"type": "Polygon", "coordinates": [_ring(arcs, r) for r in obj["arcs"]]}
    if kind == "MultiPolygon":
        return {
            "type": "MultiPolygon",
            "coordinates": [[_ring(arcs, r) for r in poly] for poly in obj["arcs"]],
        }
    if kind == "GeometryCollection":
        return {
            "type": "GeometryCollection",
            "geometries": [
                g for g in (geometry(topology, o, arcs) for o in obj.get("geometries", [])) if g
            ],
        }
    raise TopologyError(f"onbekend geometrietype {kind!r}")


def _feature(topology, obj, arcs) -> dict[str, Any]:
    feature: dict[str, Any] = {
        "type": "Feature",
        "properties": dict(obj.get("properties") or {}),
        "geometry": geometry(topology, obj, arcs),
    }
    if "id" in obj:
        feature["id"] = obj["id"]
    return feature


def features(topology: dict[str, Any], object_name: str | None = None) -> Iterator[dict[str, Any]]:
    """GeoJSON features of every object in the topology (or of one named object).

    A GeometryCollection object yields one feature per member geometry, as
    ``topojson.feature()`` does; any other object yields one feature.
    """
    if topology.get("type") != "Topology":
        raise TopologyError("geen TopoJSON: 'type' is niet 'Topology'")
    objects = topology.get("objects")
    if not isinstance(objects, dict) or not objects:
        raise TopologyError("TopoJSON zonder 'objects'")
    if object_name is not None:
        if object_name not in objects:
            raise TopologyError(f"object {object_name!r} staat niet in het bestand")
        objects = {object_name: objects[object_name]}
    arcs = decode_arcs(topology)
    for obj in objects.values():
        if obj.get("type") == "GeometryCollection":
            for member in obj.get("geometries", []):
                yield _feature(topology, member, arcs)
        else:
            yield _feature(topology, obj, arcs)
