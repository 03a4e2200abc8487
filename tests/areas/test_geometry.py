from duiding.areas import geometry as geo
from tests.areas.topo_fixtures import SQUARE_A


def _square(x, y, size):
    return [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]


def test_signed_area_is_positive_for_anticlockwise_rings():
    assert geo.signed_area(_square(0, 0, 2)) == 4.0
    assert geo.signed_area(_square(0, 0, 2)[::-1]) == -4.0


def test_simplify_rounds_and_removes_repeated_points():
    ring = [[4.123456789, 51.0], [4.123456111, 51.0], [5.0, 51.0], [5.0, 52.0], [4.123456789, 51.0]]
    simplified = geo.simplify({"type": "Polygon", "coordinates": [ring]})
    exterior = simplified["coordinates"][0]
    assert all(len(str(c).split(".")[-1]) <= 5 for p in exterior for c in p)
    assert len(exterior) == 4  # three distinct corners, closed


def test_simplify_winds_exteriors_clockwise_and_holes_anticlockwise():
    polygon = {"type": "Polygon", "coordinates": [_square(0, 0, 10), _square(2, 2, 1)[::-1]]}
    exterior, hole = geo.simplify(polygon)["coordinates"]
    assert geo.signed_area(exterior) < 0
    assert geo.signed_area(hole) > 0


def test_simplify_drops_small_parts_but_keeps_the_largest():
    multi = {"type": "MultiPolygon", "coordinates": [[_square(0, 0, 0.001)], [_square(1, 1, 0.1)]]}
    kept = geo.simplify(multi, min_area=0.0001)
    assert kept["type"] == "Polygon"
    assert geo.bbox(kept) == (1, 1, 1.1, 1.1)
    tiny_only = {"type": "Polygon", "coordinates": [_square(0, 0, 0.001)]}
    assert geo.simplify(tiny_only, min_area=1.0) is not None


def test_simplify_drops_rings_that_collapse_when_rounded():
    collapsed = {"type": "Polygon", "coordinates": [_square(0, 0, 0.000001)]}
    assert geo.simplify(collapsed) is None
    assert geo.simplify(None) is None
    assert geo.simplify({"type": "Point", "coordinates": [1, 2]}) is None


def test_bbox_and_point_count():
    polygon = {"type": "Polygon", "coordinates": [SQUARE_A]}
    assert geo.bbox(polygon) == (4.0, 51.0, 5.0, 51.5)
    assert geo.point_count(polygon) == 5
    assert geo.bbox(None) is None
