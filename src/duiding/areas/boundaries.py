"""Reading boundary files (TopoJSON or GeoJSON) into plain feature records; no database access.

A feature is matched on its CBS code: property ``statcode`` first, then the feature ``id``, then
``code`` / ``gemeentecode``. Several features with the same code (e.g. land and water parts) are
merged into one MultiPolygon.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from duiding.areas import geometry as geo
from duiding.areas import topojson
from duiding.areas.codes import is_valid_code, normalise_code

CODE_KEYS = ("statcode", "code", "gemeentecode", "wijkcode", "buurtcode")
NAME_KEYS = ("statnaam", "naam", "name", "gemeentenaam", "wijknaam", "buurtnaam")

# CBS's 2014 wijk layer prefixes names with the wijk number: "Wijk 10 Feijenoord".
_WIJK_NUMBER_PREFIX = re.compile(r"^Wijk \d{2} (?=\S)")

# About 762,600 hectare per square degree at 52° north (111.3 km x 68.5 km).
HECTARE_PER_SQUARE_DEGREE = 762_600.0


class BoundaryFileError(ValueError):
    """The file cannot be read as TopoJSON or GeoJSON; the message is Dutch."""


@dataclass
class BoundaryFeature:
    code: str
    name: str
    geometry: dict[str, Any]
    index: int  # 1-based position of the (first) feature in the file


@dataclass
class BoundaryFile:
    format: str  # "TopoJSON" or "GeoJSON"
    features: list[BoundaryFeature] = field(default_factory=list)
    feature_count: int = 0
    skipped: list[str] = field(default_factory=list)  # Dutch messages


def _load_json(path: Path) -> Any:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise BoundaryFileError(
            _("Het bestand %(file)s kan niet worden gelezen: %(error)s")
            % {"file": path.name, "error": exc.strerror or exc}
        ) from exc
    if not raw.strip():
        raise BoundaryFileError(_("Het bestand %(file)s is leeg.") % {"file": path.name})
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BoundaryFileError(
            _(
                "Het bestand %(file)s is geen UTF-8-tekst (byte %(pos)s). "
                "Sla het op als UTF-8 GeoJSON of TopoJSON."
            )
            % {"file": path.name, "pos": exc.start}
        ) from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise BoundaryFileError(
            _(
                "Het bestand %(file)s is geen geldige JSON (regel %(line)s, kolom %(col)s): "
                "verwacht GeoJSON of TopoJSON."
            )
            % {"file": path.name, "line": exc.lineno, "col": exc.colno}
        ) from exc


def _first(properties: dict[str, Any], keys: tuple[str, ...]) -> str:
    for key in keys:
        value = properties.get(key)
        if value not in (None, ""):
            return str(value).strip()
    return ""


def clean_area_name(name: str) -> str:
    """Drop the "Wijk NN " prefix of CBS's 2014 wijk layer; other names stay as published."""
    return _WIJK_NUMBER_PREFIX.sub("", (name or "").strip())


def _feature_code(feature: dict[str, Any]) -> str:
    properties = feature.get("properties") or {}
    candidates = [properties.get("statcode"), feature.get("id")]
    candidates += [properties.get(k) for k in CODE_KEYS[1:]]
    for candidate in candidates:
        if candidate in (None, ""):
            continue
        code = normalise_code(str(candidate))
        if is_valid_code(code):
            return code
    return ""


def _raw_features(document: dict, path: Path) -> tuple[str, list]:
    """The format ("GeoJSON" / "TopoJSON") and the features of a decoded file."""
    kind = document.get("type")
    try:
        if kind == "Topology":
            return "TopoJSON", list(topojson.features(document))
        if kind == "FeatureCollection":
            return "GeoJSON", list(document.get("features") or [])
        if kind == "Feature":
            return "GeoJSON", [document]
    except topojson.TopologyError as exc:
        raise BoundaryFileError(
            _("TopoJSON in %(file)s kan niet worden gelezen: %(error)s")
            % {"file": path.name, "error": exc}
        ) from exc
    raise BoundaryFileError(
        _(
            "Het bestand %(file)s is geen GeoJSON (FeatureCollection) of TopoJSON "
            "(Topology): het veld 'type' is %(type)s."
        )
        % {"file": path.name, "type": repr(kind)}
    )


def _feature_shape(
    index: int, feature, *, decimals: int, min_area: float, wanted_prefix, skipped: list[str]
) -> tuple[str, str, dict] | None:
    """(code, name, simplified geometry) of one feature; None when it is left out (water,
    another gemeente) or skipped with a message in `skipped` (no CBS code, nothing to draw)."""
    if not isinstance(feature, dict):
        skipped.append(_("Object %(n)s is geen GeoJSON-feature en is overgeslagen.") % {"n": index})
        return None
    properties = feature.get("properties") or {}
    if str(properties.get("water", "")).upper() == "JA":
        return None  # water parts of CBS detail layers carry no area of their own
    code = _feature_code(feature)
    if not code:
        skipped.append(
            _(
                "Object %(n)s heeft geen CBS-code (statcode of id, bijv. GM0599 of WK059910) "
                "en is overgeslagen."
            )
            % {"n": index}
        )
        return None
    if wanted_prefix and (code[:2] not in {"GM", "WK", "BU"} or code[2:6] != wanted_prefix):
        return None
    simplified = geo.simplify(feature.get("geometry"), decimals=decimals, min_area=min_area)
    if simplified is None:
        skipped.append(
            _("Object %(n)s (%(code)s) heeft geen tekenbaar vlak en is overgeslagen.")
            % {"n": index, "code": code}
        )
        return None
    return code, clean_area_name(_first(properties, NAME_KEYS)), simplified


def read_boundary_file(
    path: Path | str,
    *,
    decimals: int = geo.DEFAULT_DECIMALS,
    min_hectare: float = 0.0,
    municipality_code: str | None = None,
) -> BoundaryFile:
    """Decode, match codes and simplify; ``municipality_code`` keeps only that gemeente's areas."""
    path = Path(path)
    document = _load_json(path)
    if not isinstance(document, dict):
        raise BoundaryFileError(
            _("Het bestand %(file)s is geen GeoJSON of TopoJSON.") % {"file": path.name}
        )
    fmt, raw_features = _raw_features(document, path)
    result = BoundaryFile(format=fmt, feature_count=len(raw_features))
    min_area = min_hectare / HECTARE_PER_SQUARE_DEGREE if min_hectare > 0 else 0.0
    wanted_prefix = normalise_code(municipality_code)[2:6] if municipality_code else None
    by_code: dict[str, BoundaryFeature] = {}
    for index, feature in enumerate(raw_features, start=1):
        shape = _feature_shape(
            index,
            feature,
            decimals=decimals,
            min_area=min_area,
            wanted_prefix=wanted_prefix,
            skipped=result.skipped,
        )
        if shape is None:
            continue
        code, name, simplified = shape
        existing = by_code.get(code)
        if existing is None:
            by_code[code] = BoundaryFeature(code, name, simplified, index)
        else:
            # Several features with the same code (parts of one area) become one MultiPolygon.
            existing.geometry = _merge(existing.geometry, simplified)
            existing.name = existing.name or name
    result.features = list(by_code.values())
    return result


def _polygons(geometry: dict[str, Any]) -> list:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    return list(geometry["coordinates"])


def _merge(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    return {"type": "MultiPolygon", "coordinates": _polygons(a) + _polygons(b)}
