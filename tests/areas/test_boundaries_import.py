import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from duiding.areas.boundaries import BoundaryFileError, clean_area_name
from duiding.areas.geometry import bbox, signed_area
from duiding.areas.models import Area, Level
from duiding.areas.services import boundaries_import
from duiding.jobs.models import ImportRun
from tests.areas.topo_fixtures import TINY_TOPOLOGY

pytestmark = pytest.mark.django_db


@pytest.fixture
def tiny_file(tmp_path):
    path = tmp_path / "tiny.topojson"
    path.write_text(json.dumps(TINY_TOPOLOGY), encoding="utf-8")
    return path


@pytest.fixture
def feijenoord(rotterdam):
    return Area.objects.create(
        code="WK059910",
        name="Feijenoord",
        level=Level.DISTRICT,
        parent=rotterdam,
        municipality=rotterdam,
    )


def test_import_stores_boundary_on_matching_area_and_reports_unmatched(tiny_file, feijenoord):
    report = boundaries_import(path=tiny_file)
    feijenoord.refresh_from_db()
    assert feijenoord.boundary["type"] == "Polygon"
    assert bbox(feijenoord.boundary) == (4.0, 51.0, 5.0, 51.5)
    assert signed_area(feijenoord.boundary["coordinates"][0]) < 0  # d3 winding
    assert feijenoord.boundary_source == "tiny.topojson"
    assert report.updated == 1
    assert [code for code, _name in report.unmatched] == ["WK059912"]
    assert not Area.objects.filter(code="WK059912").exists()
    text = "\n".join(report.lines())
    assert "WK059912 IJsselmonde" in text
    assert "--create-missing" in text
    assert "Object 3 heeft geen CBS-code" in text
    assert "Object 4 (WK059913) heeft geen tekenbaar vlak" in text


def test_import_twice_changes_nothing(tiny_file, feijenoord):
    boundaries_import(path=tiny_file)
    second = boundaries_import(path=tiny_file)
    assert second.updated == 0
    assert second.unchanged == 1
    assert ImportRun.objects.filter(kind=ImportRun.Kind.BOUNDARIES).first().status == "unchanged"


def test_create_missing_derives_level_parent_and_municipality(tiny_file, rotterdam):
    report = boundaries_import(path=tiny_file, create_missing=True)
    assert sorted(report.created) == ["WK059910", "WK059912"]
    created = Area.objects.get(code="WK059910")
    assert created.name == "Feijenoord"  # CBS's "Wijk 10 " prefix dropped
    assert created.level == Level.DISTRICT
    assert created.parent == rotterdam
    assert created.municipality == rotterdam
    assert created.boundary is not None


def test_create_missing_without_parent_reports_it(tiny_file):
    report = boundaries_import(path=tiny_file, create_missing=True)
    assert Area.objects.get(code="WK059912").parent is None
    assert "Zonder bovenliggend gebied" in "\n".join(report.lines())


def test_geojson_file_with_duplicate_codes_is_merged(tmp_path, rotterdam):
    square = [[4.0, 51.0], [4.1, 51.0], [4.1, 51.1], [4.0, 51.1], [4.0, 51.0]]
    island = [[4.5, 51.0], [4.6, 51.0], [4.6, 51.1], [4.5, 51.1], [4.5, 51.0]]
    doc = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": "x.1",
                "properties": {"statcode": "GM0599"},
                "geometry": {"type": "Polygon", "coordinates": [square]},
            },
            {
                "type": "Feature",
                "properties": {"gemeentecode": "GM0599", "water": "NEE"},
                "geometry": {"type": "Polygon", "coordinates": [island]},
            },
            {
                "type": "Feature",
                "properties": {"gemeentecode": "GM0599", "water": "JA"},
                "geometry": {"type": "Polygon", "coordinates": [square]},
            },
        ],
    }
    path = tmp_path / "gemeenten.geojson"
    path.write_text("\ufeff" + json.dumps(doc), encoding="utf-8")
    report = boundaries_import(path=path)
    rotterdam.refresh_from_db()
    assert report.format == "GeoJSON"
    assert rotterdam.boundary["type"] == "MultiPolygon"
    assert len(rotterdam.boundary["coordinates"]) == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is leeg"),
        (b"\xff\xfe{}", "geen UTF-8"),
        (b"{not json", r"geen geldige JSON \(regel 1"),
        (b'{"type": "Polygon"}', "het veld 'type' is 'Polygon'"),
        (b'{"type": "Topology", "objects": {}}', "TopoJSON in bad.json"),
    ],
)
def test_bad_files_get_a_dutch_message_and_store_nothing(tmp_path, feijenoord, content, message):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(BoundaryFileError, match=message):
        boundaries_import(path=path)
    feijenoord.refresh_from_db()
    assert feijenoord.boundary is None
    assert not ImportRun.objects.exists()


def test_command_prints_dutch_report(tiny_file, feijenoord):
    out = StringIO()
    call_command("import-boundaries", str(tiny_file), stdout=out)
    assert "Grens opgeslagen voor 1 gebieden" in out.getvalue()


def test_command_refuses_a_bad_file_and_a_bad_gemeente(tmp_path, tiny_file):
    with pytest.raises(CommandError, match="Er is niets opgeslagen"):
        call_command("import-boundaries", str(tmp_path / "missing.json"))
    with pytest.raises(CommandError, match="geen gemeentecode"):
        call_command("import-boundaries", str(tiny_file), "--gemeente", "WK059910")


def test_clean_area_name_drops_only_the_wijk_number_prefix():
    assert clean_area_name("Wijk 10 Feijenoord") == "Feijenoord"
    assert clean_area_name("Wijk 03") == "Wijk 03"
    assert clean_area_name("Wijkse Polder") == "Wijkse Polder"


def test_rotterdam_wijken_from_the_cbs_2014_file(shared_data, rotterdam):
    folder = shared_data / "geo_cbs_gebiedsindelingen_2014_2015_topojson"
    gemeente = boundaries_import(
        path=folder / "Gemeente_2015_layer_q1e3.json", municipality="GM0599"
    )
    wijken = boundaries_import(
        path=folder / "Wijk_2014_layer_q1e3.json", municipality="GM0599", create_missing=True
    )
    assert gemeente.updated == 1
    assert wijken.features_read == 21
    assert len(wijken.created) == 21
    rotterdam.refresh_from_db()
    feijenoord = Area.objects.get(code="WK059910")
    assert feijenoord.name == "Feijenoord"
    assert feijenoord.parent == rotterdam
    west, south, east, north = bbox(rotterdam.boundary)
    f_west, f_south, f_east, f_north = bbox(feijenoord.boundary)
    assert west <= f_west < f_east <= east and south <= f_south < f_north <= north
    assert 4.4 < f_west < 4.6 and 51.8 < f_south < 52.0  # Rotterdam-Zuid, lon/lat
    again = boundaries_import(
        path=folder / "Wijk_2014_layer_q1e3.json", municipality="GM0599", create_missing=True
    )
    assert (again.updated, again.unchanged, again.created) == (0, 21, [])


def test_national_gemeenten_geojson_2022_matches_rotterdam(shared_data, rotterdam):
    report = boundaries_import(path=shared_data / "geo_cbs_gemeenten_2022" / "gemeenten.geojson")
    assert report.features_read == 345
    assert report.updated == 1
    assert len(report.unmatched) == 344
    rotterdam.refresh_from_db()
    assert rotterdam.boundary["type"] in {"Polygon", "MultiPolygon"}
