"""`duiding demo`: the shipped CBS excerpts through the real pipeline, users, idempotency."""

import csv
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from duiding.accounts.models import Membership, Organisation, User
from duiding.areas.models import Area, Level, LevelName
from duiding.demo.services import demo_load
from duiding.demo.steps import DATA_DIR, DEFAULT_PASSWORD, PASSWORD_ENV, USERS
from duiding.frameworks.models import DomainIndicator
from duiding.indicators.models import Dataset, Indicator, Observation, Period, SeriesAlias
from duiding.jobs.models import ImportRun

pytestmark = pytest.mark.django_db

COUNTED = [
    Area,
    LevelName,
    Dataset,
    ImportRun,
    Indicator,
    Observation,
    Period,
    SeriesAlias,
    DomainIndicator,
    Organisation,
    User,
    Membership,
]


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


def _demo(**kw) -> str:
    out = StringIO()
    call_command("demo", stdout=out, **kw)
    return out.getvalue()


def _published(table: str, code: str, period: str, column_key: str) -> float:
    """A figure straight from the shipped excerpt file (the check does not trust the importer)."""
    path = next((DATA_DIR / "jeugdzorg_wijken").glob(f"{table}_*.csv"))
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = csv.DictReader(fh, delimiter=";")
        code_col = next(c for c in rows.fieldnames if c.startswith("Codering"))
        value_col = next(c for c in rows.fieldnames if c.rsplit("_", 1)[0] == column_key)
        for row in rows:
            if row[code_col].strip() == code and row["Perioden"].strip() == period:
                return float(row[value_col])
    raise AssertionError(f"{code} {period} not in {path.name}")


def _value(indicator: str, area: str, period: str) -> float | None:
    obs = Observation.objects.get(
        indicator__code=indicator,
        area__code=area,
        period__code=period,
        category="",
        is_current=True,
    )
    return obs.value


def test_demo_twice_loads_rotterdam_users_and_changes_nothing_the_second_time(monkeypatch):
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    first = _demo()
    after_first = _counts()
    second = _demo()

    # Idempotent: the second run changes nothing and says so.
    assert _counts() == after_first
    assert "Niets gewijzigd" in second and "Niets gewijzigd" not in first

    # Rotterdam with its gebieden (CBS wijken), under the country.
    rotterdam = Area.objects.get(code="GM0599")
    assert rotterdam.parent.code == "NL01"
    gebieden = Area.objects.filter(parent=rotterdam, level=Level.DISTRICT)
    assert gebieden.count() >= 20
    assert gebieden.filter(name="Feijenoord", code="WK059910").exists()
    assert rotterdam.boundary and Area.objects.get(code="WK059910").boundary

    # Youth-care series since 2015, one series across the renamed key, figures as published.
    key = "TotaalJongerenMetJeugdzorgInNatura"
    assert _value(key, "WK059910", "2023") == _published("85685NED", "WK059910", "2023", key)
    assert _value(key, "WK059910", "2015") == _published(
        "82964NED", "WK059910", "2015", "TotaalJongerenMetJeugdzorg"
    )
    years = set(
        Observation.objects.filter(indicator__code=key, area__code="WK059910")
        .values_list("period__year", flat=True)
        .distinct()
    )
    assert set(range(2015, 2024)) <= years
    assert not Indicator.objects.filter(code="TotaalJongerenMetJeugdzorg").exists()

    # Country and 's-Gravenhage down to buurt level; gemeente tables matched on names.
    assert Observation.objects.filter(area__code="NL01", indicator__code=key).exists()
    assert Area.objects.filter(code__startswith="BU0518", level=Level.NEIGHBOURHOOD).count() > 100
    assert Observation.objects.filter(
        area__code="GM0599", indicator__code="JongerenMetJeugdhulpInNatura"
    ).exists()
    assert Observation.objects.filter(
        area__code="GM0518", indicator__code="VoorzieningenVoorJongeren"
    ).exists()

    # Derived share and default domain links.
    share = Indicator.objects.get(code="AandeelVerwezenDoorGemeentelijkeToegang")
    obs = Observation.objects.get(indicator=share, area__code="WK059910", period__code="2023")
    assert obs.value == pytest.approx(obs.numerator / obs.denominator * 100)
    assert share.domains.filter(name="Sociaal-emotionele gezondheid").exists()
    assert not Indicator.objects.get(code="AantalInwoners").domains.exists()

    # Rotterdam's own level names.
    names = dict(LevelName.objects.filter(municipality=rotterdam).values_list("level", "singular"))
    assert names == {Level.DISTRICT: "gebied", Level.NEIGHBOURHOOD: "wijk"}

    # The demo users, each in the right organisation with the right role, one password.
    roles = {
        m.user.username: (m.organisation.name, m.role)
        for m in Membership.objects.select_related("user", "organisation")
    }
    assert roles == {
        "beheerder": ("Gemeente Rotterdam", Membership.Role.ADMIN),
        "adviseur": ("Gemeente Rotterdam", Membership.Role.ADVISER),
        "adviseur-zuid": ("Gemeente Rotterdam", Membership.Role.ADVISER),
        "partner": ("Welzijn Rotterdam Zuid", Membership.Role.PARTNER),
        "wijkteam": ("Wijkteam Feijenoord", Membership.Role.PARTNER),
        "accounthouder": ("Gemeente Rotterdam", Membership.Role.ACCOUNT_HOLDER),
        "buitenstaander": ("Gemeente 's-Gravenhage", Membership.Role.READER),
    }
    # adviseur-zuid is limited to gebied Feijenoord; the other memberships hold everywhere.
    limited = {
        m.user.username: sorted(a.code for a in m.areas.all())
        for m in Membership.objects.prefetch_related("areas").select_related("user")
        if m.areas.exists()
    }
    assert limited == {"adviseur-zuid": ["WK059910"]}
    assert Organisation.objects.get(slug="gemeente-rotterdam").municipality == rotterdam
    assert Organisation.objects.filter(kind=Organisation.Kind.TEAM).exists()
    for user in User.objects.all():
        assert user.check_password(DEFAULT_PASSWORD)
    assert f"beheerder       {DEFAULT_PASSWORD}" in first


def test_demo_users_take_the_password_from_the_environment(monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, "een-ander-wachtwoord-77")
    out = _demo(only=["organisations", "users"])

    user = User.objects.get(username="adviseur")
    assert user.check_password("een-ander-wachtwoord-77")
    assert "een-ander-wachtwoord-77" in out


def test_demo_sets_a_changed_password_again_without_new_users(monkeypatch):
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    demo_load(only=["organisations", "users"], log=lambda line: None)
    user = User.objects.get(username="partner")
    user.set_password("iets-heel-anders-12")
    user.save()

    report = demo_load(only=["organisations", "users"], log=lambda line: None)

    assert report.changes["users"] == 1
    assert User.objects.count() == len(USERS)
    user.refresh_from_db()
    assert user.check_password(DEFAULT_PASSWORD)


def test_shipped_demo_data_is_small_and_credits_cbs():
    files = [p for p in DATA_DIR.rglob("*") if p.is_file()]
    assert sum(p.stat().st_size for p in files) < 3 * 1024 * 1024
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    assert "Bron: CBS" in readme and "CC BY 4.0" in readme
    for path in DATA_DIR.rglob("*.csv"):
        assert path.read_bytes().startswith(b"\xef\xbb\xbfID;"), path.name


@pytest.mark.shared_data
def test_shipped_csv_rows_are_byte_identical_to_the_cbs_originals(shared_data):
    originals = {
        "jeugdzorg_wijken": "cbs_jeugdzorg_wijken/{}_first10000rows.csv",
        "jeugdzorg_gemeenten": "cbs_jeugdzorg_gemeenten/{}.csv",
        "veiligheidsmonitor": "cbs_veiligheidsmonitor_leefbaarheid_gemeenten/{}.csv",
        "kwb": "cbs_kwb_2024_partial/{}_first10000rows.csv",
    }
    for path in DATA_DIR.rglob("*.csv"):
        original = shared_data / originals[path.parent.name].format(path.name[:8])
        source_lines = original.read_bytes().splitlines(keepends=True)
        lines = path.read_bytes().splitlines(keepends=True)
        assert lines[0] == source_lines[0], path.name
        assert set(lines) <= set(source_lines), path.name


def test_demo_users_step_alone_reports_missing_organisations():
    with pytest.raises(CommandError, match="niet volledig geladen"):
        _demo(only=["users"])
    assert not User.objects.exists()


DEMO_FACTORS = ["Problemen in het gezin", "Ouderlijke psychopathologie", "Voeding"]


def _programme_counts() -> dict[str, int]:
    from duiding.programmes.models import (
        AnalysisSection,
        MissingFigure,
        Programme,
        SectionFactor,
        SectionVersion,
        StrikingIndicator,
    )

    models = [
        Programme,
        AnalysisSection,
        SectionFactor,
        SectionVersion,
        StrikingIndicator,
        MissingFigure,
    ]
    return {model.__name__: model.objects.count() for model in models}


def test_demo_programme_feijenoord_holds_a_written_analysis_once(monkeypatch):
    from duiding.frameworks.models import Factor, Framework
    from duiding.programmes.models import Programme
    from duiding.programmes.permissions import visible_programmes
    from duiding.programmes.selectors import programme_analysis

    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    framework = Framework.objects.get(is_default=True)
    for name in DEMO_FACTORS:  # the default factor set holds them; make sure they are there
        Factor.objects.get_or_create(framework=framework, name=name, defaults={"kind": "risk"})
    report = demo_load(log=lambda line: None)
    assert report.changes["programme"] > 0

    programme = Programme.objects.get(name="Wijkprogramma Feijenoord 2025–2026")
    assert programme.area.code == "WK059910"
    assert programme.organisation.slug == "gemeente-rotterdam"
    assert programme.owner.username == "adviseur"
    partner = User.objects.get(username="partner")
    assert partner.memberships.get().organisation in programme.partners.all()
    assert programme in visible_programmes(partner)
    assert programme not in visible_programmes(User.objects.get(username="buitenstaander"))

    analysis = programme_analysis(programme, programme.owner)
    gezond = next(p for p in analysis.pillars if p.pillar.name == "Gezond")
    assert gezond.section.analysis.strip()
    seg = gezond.domains[0]
    assert seg.domain.name == "Sociaal-emotionele gezondheid"
    # The text quotes the demo's own figures (read here straight from the observations).
    gp = _value("AandeelVerwezenDoorHuisarts", "WK059910", "2023")
    youth = _value("TotaalJongerenMetJeugdzorgInNatura", "WK059910", "2023")
    assert f"{gp:.1f}".replace(".", ",") + " %" in seg.section.analysis
    assert f"{youth:,.0f}".replace(",", ".") + " jongeren" in seg.section.analysis
    assert {c.factor.name for c in seg.chosen} >= {"Problemen in het gezin"}
    assert [s.indicator.code for s in seg.striking] == ["ThuiswonendKindInEenouderhuishouden"]
    assert seg.missing and seg.missing[0].possible_source.startswith("GGD")
    for domain in gezond.domains:
        assert domain.section.analysis.strip() and domain.section.conclusion.strip()
        assert domain.section.status == "concept"
    top = analysis.cross_factors[0]
    assert top.domain_count == 2 and top.factor.name in DEMO_FACTORS

    before = _programme_counts()
    again = demo_load(log=lambda line: None)
    assert again.changes["programme"] == 0
    assert _programme_counts() == before
