import pytest
from django.urls import reverse

from duiding.areas.models import Area, Level
from duiding.areas.selectors import level_labels, level_name, with_level_labels
from duiding.areas.services import ROTTERDAM_LEVEL_NAMES, level_names_set

pytestmark = pytest.mark.django_db


@pytest.fixture
def gebied(rotterdam):
    level_names_set(municipality=rotterdam, names=ROTTERDAM_LEVEL_NAMES)
    return Area.objects.create(
        code="WK059910", name="Feijenoord", level=Level.DISTRICT, parent=rotterdam,
        municipality=rotterdam,
    )  # fmt: skip


def test_rotterdam_calls_a_cbs_wijk_gebied_and_a_buurt_wijk(rotterdam, gebied):
    labels = level_labels(rotterdam.pk)
    assert labels[Level.DISTRICT] == ("gebied", "gebieden")
    assert labels[Level.NEIGHBOURHOOD] == ("wijk", "wijken")
    assert labels[Level.MUNICIPALITY] == ("Gemeente", "Gemeenten")
    assert gebied.level_label() == "gebied"
    assert level_name(rotterdam.pk, Level.NEIGHBOURHOOD, plural=True) == "wijken"


def test_other_municipalities_keep_cbs_names(db):
    assert level_labels(None)[Level.DISTRICT] == ("Wijk", "Wijken")


def test_level_names_set_replaces_earlier_names(rotterdam):
    level_names_set(municipality=rotterdam, names={Level.DISTRICT: ("stadsdeel", "stadsdelen")})
    level_names_set(municipality=rotterdam, names={Level.DISTRICT: ("gebied", "gebieden")})
    assert level_labels(rotterdam.pk)[Level.DISTRICT] == ("gebied", "gebieden")


def test_with_level_labels_needs_one_query_per_municipality(
    rotterdam, gebied, django_assert_num_queries
):
    areas = list(Area.objects.filter(level=Level.DISTRICT))
    with django_assert_num_queries(1):
        labelled = with_level_labels(areas * 5)
        assert {a.level_label() for a in labelled} == {"gebied"}


def test_area_search_view_uses_own_level_names(client_as, adviseur, gebied):
    html = client_as(adviseur).get(reverse("areas:search"), {"q": "Feijen"}).content.decode()
    assert "Feijenoord" in html and "gebied" in html
