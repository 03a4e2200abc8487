"""Every view: anonymous visitors go to the login page; organisation-owned figures stay inside the
organisation (a member sees them, a user of another organisation does not)."""

import pytest
from django.urls import reverse

from duiding.indicators.models import Dataset, Indicator, Observation
from tests.areaprofile.factories import period

pytestmark = pytest.mark.django_db

VIEWS = [
    ("areaprofile:index", []),
    ("areaprofile:area", ["WK059910"]),
    ("areaprofile:map", ["GM0599"]),
    ("areaprofile:export_csv", ["WK059910"]),
    ("areaprofile:export_xlsx", ["WK059910"]),
    ("areaprofile:map_export_csv", ["GM0599"]),
    ("areaprofile:map_export_xlsx", ["GM0599"]),
    ("areas:search", []),
]
OWN = "Wachtlijst wijkteam (eigen registratie)"


@pytest.fixture
def own_figure(data, municipality_org):
    """A figure from the gemeente's own dataset, for Feijenoord and its two sister gebieden."""
    dataset = Dataset.objects.create(
        code="rotterdam-eigen", title="Eigen registratie", publisher="Gemeente Rotterdam",
        organisation=municipality_org,
    )  # fmt: skip
    indicator = Indicator.objects.create(
        code="wachtlijst_wijkteam", name=OWN, unit_kind="percentage", decimals=1,
        organisation=municipality_org,
    )  # fmt: skip
    for area, value in ((data.feijenoord, 12.5), (data.ijsselmonde, 7.25)):
        Observation.objects.create(
            indicator=indicator, area=area, period=period("2023"), value=value, dataset=dataset
        )
    return indicator


@pytest.mark.parametrize(("name", "args"), VIEWS)
def test_anonymous_visitor_is_sent_to_login(client, data, name, args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 302
    assert reverse("accounts:login") in response.url


@pytest.mark.parametrize(("name", "args"), VIEWS)
def test_every_logged_in_user_reads_open_data(client_as, outsider, partner, data, name, args):
    for user in (outsider, partner):
        response = client_as(user).get(reverse(name, args=args))
        assert response.status_code == 200


def _body(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    if response["Content-Type"].startswith("application/vnd.openxml"):
        from io import BytesIO

        from openpyxl import load_workbook

        sheet = load_workbook(BytesIO(response.content)).active
        return "\n".join(str(c) for r in sheet.iter_rows(values_only=True) for c in r if c)
    return response.content.decode()


@pytest.mark.parametrize(
    ("name", "code", "params"),
    [
        ("areaprofile:area", "WK059910", {}),
        ("areaprofile:export_csv", "WK059910", {}),
        ("areaprofile:export_xlsx", "WK059910", {}),
        ("areaprofile:map", "GM0599", {"kaart": "wachtlijst_wijkteam"}),
        ("areaprofile:area", "GM0599", {"kaart": "wachtlijst_wijkteam"}),
        ("areaprofile:map_export_csv", "GM0599", {"kaart": "wachtlijst_wijkteam"}),
        ("areaprofile:map_export_xlsx", "GM0599", {"kaart": "wachtlijst_wijkteam"}),
    ],
)
def test_organisation_figures_only_for_its_members(
    client_as, adviseur, outsider, own_figure, name, code, params
):
    url = reverse(name, args=[code])
    member = _body(client_as(adviseur).get(url, params))
    stranger = _body(client_as(outsider).get(url, params))
    if name != "areaprofile:area" or code == "WK059910":
        assert OWN in member
    assert OWN not in stranger
    assert "12,5" not in stranger and "12.5" not in stranger


def test_member_sees_own_figure_on_the_map(client_as, adviseur, own_figure):
    html = _body(
        client_as(adviseur).get(
            reverse("areaprofile:map", args=["GM0599"]), {"kaart": "wachtlijst_wijkteam"}
        )
    )
    assert "12,5%" in html and "7,3%" in html  # 7,25 rounded half up
