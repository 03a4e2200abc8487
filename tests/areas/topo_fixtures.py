"""A tiny hand-made TopoJSON: two squares sharing one border, quantised and delta-encoded.

Grid (transform scale 0.5 x 0.25, translate 4, 51):
  square A (0,0)-(2,2) = lon 4..5, lat 51..51.5   -> WK059910 "Wijk 10 Feijenoord"
  square B (2,0)-(4,2) = lon 5..6, lat 51..51.5   -> id WK059912 only
The shared border is arc 0; square B uses it reversed (~0 = -1).
"""

TINY_TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [0.5, 0.25], "translate": [4.0, 51.0]},
    "arcs": [
        [[2, 0], [0, 2]],  # (2,0) -> (2,2)
        [[2, 2], [-2, 0], [0, -2], [2, 0]],  # (2,2) -> (0,2) -> (0,0) -> (2,0)
        [[2, 2], [2, 0], [0, -2], [-2, 0]],  # (2,2) -> (4,2) -> (4,0) -> (2,0)
    ],
    "objects": {
        "layer": {
            "type": "GeometryCollection",
            "geometries": [
                {
                    "type": "Polygon",
                    "id": "WK059910",
                    "arcs": [[0, 1]],
                    "properties": {"statcode": "WK059910", "statnaam": "Wijk 10 Feijenoord"},
                },
                {
                    "type": "Polygon",
                    "id": "WK059912",
                    "arcs": [[-1, -3]],
                    "properties": {"statnaam": "IJsselmonde"},
                },
                {"type": "Polygon", "arcs": [[0, 1]], "properties": {"statnaam": "zonder code"}},
                {"type": None, "id": "WK059913", "properties": {"statcode": "WK059913"}},
            ],
        }
    },
}

SQUARE_A = [[5.0, 51.0], [5.0, 51.5], [4.0, 51.5], [4.0, 51.0], [5.0, 51.0]]
SQUARE_B = [[5.0, 51.5], [5.0, 51.0], [6.0, 51.0], [6.0, 51.5], [5.0, 51.5]]
