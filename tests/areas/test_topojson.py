import copy

import pytest

from duiding.areas import topojson
from tests.areas.topo_fixtures import SQUARE_A, SQUARE_B, TINY_TOPOLOGY


def test_decode_arcs_applies_delta_and_transform():
    arcs = topojson.decode_arcs(TINY_TOPOLOGY)
    assert arcs[0] == [[5.0, 51.0], [5.0, 51.5]]
    assert arcs[1][-1] == [5.0, 51.0]


def test_features_join_arcs_without_repeating_shared_points():
    features = list(topojson.features(TINY_TOPOLOGY))
    assert [f.get("id") for f in features] == ["WK059910", "WK059912", None, "WK059913"]
    assert features[0]["geometry"] == {"type": "Polygon", "coordinates": [SQUARE_A]}
    assert features[0]["properties"]["statnaam"] == "Wijk 10 Feijenoord"


def test_features_reverse_negative_arc_indexes():
    square_b = list(topojson.features(TINY_TOPOLOGY))[1]["geometry"]["coordinates"][0]
    assert square_b == SQUARE_B


def test_features_null_geometry_stays_none():
    assert list(topojson.features(TINY_TOPOLOGY))[3]["geometry"] is None


def test_decode_arcs_without_transform_keeps_positions():
    topology = copy.deepcopy(TINY_TOPOLOGY)
    del topology["transform"]
    topology["arcs"] = [[[4.0, 51.0], [4.5, 51.2]]]
    assert topojson.decode_arcs(topology) == [[[4.0, 51.0], [4.5, 51.2]]]


def test_multipolygon_and_points_are_decoded():
    topology = copy.deepcopy(TINY_TOPOLOGY)
    topology["objects"] = {
        "both": {"type": "MultiPolygon", "arcs": [[[0, 1]], [[-1, -3]]], "id": "GM0599"},
        "dot": {"type": "Point", "coordinates": [2, 4]},
    }
    both, dot = topojson.features(topology)
    assert both["geometry"]["coordinates"] == [[SQUARE_A], [SQUARE_B]]
    assert dot["geometry"] == {"type": "Point", "coordinates": [5.0, 52.0]}


def test_features_refuses_a_document_that_is_not_a_topology():
    with pytest.raises(topojson.TopologyError, match="Topology"):
        list(topojson.features({"type": "FeatureCollection", "features": []}))


def test_features_refuses_a_missing_arc():
    topology = copy.deepcopy(TINY_TOPOLOGY)
    topology["objects"]["layer"]["geometries"][0]["arcs"] = [[0, 7]]
    with pytest.raises(topojson.TopologyError, match="boog 7"):
        list(topojson.features(topology))


def test_features_of_one_named_object_only():
    with pytest.raises(topojson.TopologyError, match="buurten"):
        list(topojson.features(TINY_TOPOLOGY, "buurten"))
    assert len(list(topojson.features(TINY_TOPOLOGY, "layer"))) == 4
