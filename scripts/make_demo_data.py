"""Cut the demo excerpts in src/duiding/demo/data/ out of the real CBS files in ../shared/data.

Run by hand (not by make) from the repository root:

    .venv/bin/python scripts/make_demo_data.py [--shared ../shared/data]

CSV excerpts keep the original bytes: the header line (with its UTF-8 BOM) and the selected rows
exactly as CBS published them, so the real importers read them unchanged. Boundaries are decoded
from TopoJSON to plain GeoJSON (coordinates rounded to 5 decimals). Running it twice gives the
same files.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from duiding.areas.topojson import features as topojson_features  # noqa: E402

OUT = ROOT / "src" / "duiding" / "demo" / "data"

ROTTERDAM, DEN_HAAG = "0599", "0518"
JEUGDZORG_WIJKEN = [
    "82964NED",
    "83563NED",
    "83782NED",
    "84316NED",
    "84615NED",
    "84856NED",
    "85075NED",
    "85335NED",
    "85685NED",
]
# Region labels as the gemeente tables write them (no codes there).
GEMEENTE_LABELS = {"Nederland", "Rotterdam", "'s-Gravenhage (gemeente)"}
VM_LABELS = {
    "Nederland",
    "Rotterdam",
    "Rotterdam (GM)",
    "'s-Gravenhage (gemeente)",
    "'s-Gravenhage (GM)",
}


def _column(header: bytes, prefix: str) -> int:
    names = header.removeprefix(b"\xef\xbb\xbf").decode("utf-8").rstrip("\r\n").split(";")
    for i, name in enumerate(names):
        if name == prefix or name.startswith(prefix + "_"):
            return i
    raise SystemExit(f"column {prefix} not found in header")


def excerpt_csv(src: Path, dst: Path, column: str, keep: Callable[[str], bool]) -> int:
    """Copy the header and the rows whose `column` value (stripped) passes `keep`, byte for byte."""
    lines = src.read_bytes().splitlines(keepends=True)
    index = _column(lines[0], column)
    kept = [lines[0]]
    for line in lines[1:]:
        cells = line.decode("utf-8").rstrip("\r\n").split(";")
        if keep(cells[index].strip()):
            kept.append(line)
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_bytes(b"".join(kept))
    return len(kept) - 1


def _cbs_code_in(*municipalities: str, country: tuple[str, ...] = ("NL01", "NL00")):
    def keep(code: str) -> bool:
        if code in country:
            return True
        return code[:2] in {"GM", "WK", "BU"} and code[2:6] in municipalities

    return keep


def _round(value):
    if isinstance(value, list):
        return [_round(v) for v in value]
    return round(value, 5)


def _dedupe(geometry: dict) -> dict:
    """Round to 5 decimals and drop repeated points that rounding makes; None if nothing is left."""

    def ring(points):
        out = []
        for p in _round(points):
            if not out or p != out[-1]:
                out.append(p)
        return out

    def polygon(rings):
        rings = [ring(r) for r in rings]
        return rings if len(rings[0]) >= 4 else None  # an outer ring rounded to a line or point

    if geometry["type"] == "Polygon":
        rings = polygon(geometry["coordinates"])
        return {"type": "Polygon", "coordinates": rings} if rings else None
    if geometry["type"] == "MultiPolygon":
        polygons = [p for p in map(polygon, geometry["coordinates"]) if p]
        return {"type": "MultiPolygon", "coordinates": polygons} if polygons else None
    raise SystemExit(f"unexpected geometry {geometry['type']}")


def excerpt_topojson(src: Path, dst: Path, keep: Callable[[str], bool]) -> int:
    topology = json.loads(src.read_text(encoding="utf-8"))
    features = []
    for feature in topology_features(topology):
        props = feature["properties"]
        code = props.get("statcode", "")
        if not keep(code) or feature["geometry"] is None:
            continue
        geometry = _dedupe(feature["geometry"])
        if geometry is None:
            print(f"  {code}: no drawable polygon at this resolution, left out")
            continue
        features.append(
            {
                "type": "Feature",
                "id": code,
                "properties": {k: props[k] for k in ("statcode", "statnaam", "rubriek")},
                "geometry": geometry,
            }
        )
    features.sort(key=lambda f: f["id"])
    body = ",\n".join(json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features)
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_text('{"type":"FeatureCollection","features":[\n' + body + "\n]}\n", encoding="utf-8")
    return len(features)


def topology_features(topology: dict):
    return topojson_features(topology)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    shared: Path = args.shared
    if not shared.is_dir():
        raise SystemExit(f"{shared} not found: pass --shared PATH to the shared CBS data")

    both = _cbs_code_in(ROTTERDAM, DEN_HAAG)
    for tid in JEUGDZORG_WIJKEN:
        n = excerpt_csv(
            shared / "cbs_jeugdzorg_wijken" / f"{tid}_first10000rows.csv",
            OUT / "jeugdzorg_wijken" / f"{tid}_rotterdam_den_haag.csv",
            "Codering",
            both,
        )
        print(f"{tid}: {n} rows")
    for tid in ("82968NED", "82972NED", "85094NED", "85098NED"):
        n = excerpt_csv(
            shared / "cbs_jeugdzorg_gemeenten" / f"{tid}.csv",
            OUT / "jeugdzorg_gemeenten" / f"{tid}_excerpt.csv",
            "RegioS",
            GEMEENTE_LABELS.__contains__,
        )
        print(f"{tid}: {n} rows")
    for tid in ("81924NED", "85146NED"):
        n = excerpt_csv(
            shared / "cbs_veiligheidsmonitor_leefbaarheid_gemeenten" / f"{tid}.csv",
            OUT / "veiligheidsmonitor" / f"{tid}_excerpt.csv",
            "RegioS",
            VM_LABELS.__contains__,
        )
        print(f"{tid}: {n} rows")
    kwb = shared / "cbs_kwb_2024_partial"
    n = excerpt_csv(
        kwb / "85984NED_first10000rows.csv",
        OUT / "kwb" / "85984NED_den_haag.csv",
        "Codering",
        _cbs_code_in(DEN_HAAG),
    )
    shutil.copyfile(
        kwb / "DataProperties_85984NED.json", OUT / "kwb" / "DataProperties_85984NED.json"
    )
    print(f"85984NED: {n} rows (+ DataProperties)")

    geo = shared / "geo_cbs_gebiedsindelingen_2014_2015_topojson"
    for src, dst, keep in [
        (
            "Gemeente_2015_layer_q1e3.json",
            "gemeenten_2015.geojson",
            {"GM0599", "GM0518"}.__contains__,
        ),
        (
            "Wijk_2014_layer_q1e3.json",
            "wijken_2014.geojson",
            lambda c: c.startswith(("WK0599", "WK0518")),
        ),
        ("Buurt_2014_layer_q1e3.json", "buurten_2014.geojson", lambda c: c.startswith("BU0518")),
    ]:
        n = excerpt_topojson(geo / src, OUT / "boundaries" / dst, keep)
        print(f"{dst}: {n} features")
    total = sum(p.stat().st_size for p in OUT.rglob("*") if p.is_file())
    print(f"demo data: {total / 1024:.0f} KB in {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
