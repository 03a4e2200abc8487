"""Real CBS figures for Feijenoord (Rotterdam), Rotterdam and Nederland, built through the ORM.

Values, files, rows and columns are copied from ../shared/data/cbs_jeugdzorg_wijken (CBS StatLine
"Jeugdzorg; wijken" 2019-2023, category "Totaal alle jeugdzorg in natura"); the share of
trajectories referred by the gemeentelijke toegang is GemeentelijkeToegang / TotaalTrajectenInNatura
x 100 from the same rows. Bron: CBS (CC BY 4.0). Used by the server tests and the browser tests.
"""

from __future__ import annotations

from dataclasses import dataclass

from duiding.areas.geometry import simplify
from duiding.areas.models import Area, Level
from duiding.areas.services import ROTTERDAM_LEVEL_NAMES, level_names_set
from duiding.frameworks.models import Domain, DomainIndicator, Framework, Pillar
from duiding.indicators.models import Dataset, Indicator, Observation, Period
from duiding.indicators.periods import parse_period
from tests.areas.topo_fixtures import SQUARE_A, SQUARE_B

CATEGORY = "Totaal alle jeugdzorg in natura"
TABLES = {2019: "84615NED", 2020: "84856NED", 2021: "85075NED", 2022: "85335NED", 2023: "85685NED"}
GT_COLUMN = {2019: "GemeentelijkeToegang_14", 2020: "GemeentelijkeToegang_14"}

# year -> code -> (file row, jongeren met jeugdzorg, trajecten, via gemeentelijke toegang)
FIGURES = {
    2019: {
        "NL01": (4, 437345, 648955, 193660),
        "GM0599": (7606, 17420, 26920, 6290),
        "WK059910": (7627, 2410, 3720, 765),
    },
    2020: {
        "NL01": (4, 429210, 640000, 199520),
        "GM0599": (7624, 13725, 20495, 8695),
        "WK059910": (7645, 1415, 2200, 840),
    },
    2021: {
        "NL01": (4, 463835, 708100, 208430),
        "GM0599": (7732, 12620, 19400, 3270),
        "WK059910": (7753, 1160, 1820, 290),
    },
    2022: {
        "NL01": (4, 471505, 718990, 217895),
        "GM0599": (8020, 13150, 20090, 3440),
        "WK059910": (8041, 1510, 2320, 325),
    },
    2023: {
        "NL01": (4, 485100, 751165, 231155),
        "GM0599": (8020, 13875, 22395, 3925),
        "WK059910": (8041, 1555, 2570, 465),
    },
}

YOUTH = "TotaalJongerenMetJeugdzorgInNatura"
SHARE = "AandeelTrajectenGemeentelijkeToegang"


@dataclass
class RotterdamData:
    nl: Area
    rotterdam: Area
    feijenoord: Area
    ijsselmonde: Area
    buurt: Area
    youth: Indicator
    share: Indicator


def period(code: str) -> Period:
    p = parse_period(code)
    obj, _ = Period.objects.get_or_create(
        code=p.code,
        defaults={
            "kind": p.kind,
            "year": p.year,
            "start": p.start,
            "end": p.end,
            "label": p.label,
        },
    )
    return obj


def default_domain(pillar_name: str, domain_name: str) -> Domain:
    """A domain of the default framework (the Rotterdam data migration makes it; else made here)."""
    framework = Framework.objects.filter(is_default=True).first()
    if framework is None:
        framework = Framework.objects.create(
            name="Rotterdam Groeit", slug="rotterdam-groeit-test", is_default=True
        )
    pillar, _ = Pillar.objects.get_or_create(framework=framework, name=pillar_name)
    domain, _ = Domain.objects.get_or_create(pillar=pillar, name=domain_name)
    return domain


def rotterdam_geography(rotterdam: Area) -> dict[str, Area]:
    nl = Area.objects.get(code="NL01")
    rotterdam.municipality = rotterdam
    rotterdam.save(update_fields=["municipality"])
    level_names_set(municipality=rotterdam, names=ROTTERDAM_LEVEL_NAMES)
    common = {"level": Level.DISTRICT, "parent": rotterdam, "municipality": rotterdam}
    feijenoord = Area.objects.create(
        code="WK059910",
        name="Feijenoord",
        indelingswijziging="1",
        boundary=simplify({"type": "Polygon", "coordinates": [SQUARE_A]}),
        **common,
    )
    ijsselmonde = Area.objects.create(
        code="WK059912",
        name="IJsselmonde",
        boundary=simplify({"type": "Polygon", "coordinates": [SQUARE_B]}),
        **common,
    )
    buurt = Area.objects.create(
        code="BU05991086",
        name="Afrikaanderwijk",
        level=Level.NEIGHBOURHOOD,
        parent=feijenoord,
        municipality=rotterdam,
    )
    return {"nl": nl, "gm": rotterdam, "wk": feijenoord, "wk2": ijsselmonde, "bu": buurt}


def rotterdam_data(rotterdam: Area) -> RotterdamData:
    """Rotterdam, Feijenoord and Nederland with youth-care figures 2019-2023 (real CBS values)."""
    geo = rotterdam_geography(rotterdam)
    youth = Indicator.objects.create(
        code=YOUTH,
        name="Jongeren met jeugdzorg in natura",
        definition="Aantal jongeren tot 23 jaar met jeugdzorg in natura.",
        unit_kind="count",
        direction="lower_is_better",
        source="CBS, Jeugdzorg; wijken (StatLine)",
    )
    share = Indicator.objects.create(
        code=SHARE,
        name="Trajecten via de gemeentelijke toegang (wijkteam)",
        definition="Aandeel jeugdzorgtrajecten in natura met de gemeentelijke toegang als verwijzer.",
        unit_kind="percentage",
        decimals=1,
        direction="higher_is_better",
    )
    DomainIndicator.objects.create(
        domain=default_domain("Gezond", "Sociaal-emotionele gezondheid"), indicator=youth
    )
    for year, table in TABLES.items():
        dataset, _ = Dataset.objects.get_or_create(
            code=table, defaults={"title": f"Jeugdzorg; wijken {year}", "publisher": "CBS"}
        )
        p = period(str(year))
        for code, (row, jongeren, trajecten, via_gt) in FIGURES[year].items():
            area = geo["nl"] if code == "NL01" else geo["gm"] if code == "GM0599" else geo["wk"]
            provenance = {
                "dataset": dataset,
                "source_file": f"{table}_first10000rows.csv",
                "source_row": row,
                "source_category": CATEGORY,
                "published_area_code": code,
                "indelingswijziging": "1.0" if code.startswith("WK") else "",
            }
            Observation.objects.create(
                indicator=youth,
                area=area,
                period=p,
                value=jongeren,
                source_column="TotaalJongerenMetJeugdzorgInNatura_1",
                **provenance,
            )
            Observation.objects.create(
                indicator=share,
                area=area,
                period=p,
                value=via_gt * 100 / trajecten,
                numerator=via_gt,
                denominator=trajecten,
                source_column=GT_COLUMN.get(year, "GemeentelijkeToegang_10"),
                **provenance,
            )
    return RotterdamData(geo["nl"], geo["gm"], geo["wk"], geo["wk2"], geo["bu"], youth, share)
