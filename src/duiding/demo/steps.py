"""The steps of `duiding demo`, in order. Each step is idempotent and returns how much it changed.

Later issues extend the demo by appending a `Step` to `STEPS` (e.g. a demo programme, results,
stories). A step gets the `DemoContext` (data folder, password, log) and must leave the database
unchanged when everything it would create is already there.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from duiding.accounts.models import Membership, Organisation, User
from duiding.areas.models import Area, Level, LevelName
from duiding.areas.services import ROTTERDAM_LEVEL_NAMES, boundaries_import, level_names_set
from duiding.demo.consultation import demo_consultation_ensure
from duiding.demo.outcome import demo_outcome_ensure
from duiding.demo.plan import demo_plan_ensure
from duiding.demo.programme import demo_programme_ensure
from duiding.demo.reflections import demo_reflections_ensure
from duiding.demo.results import demo_results_ensure
from duiding.frameworks.services import default_links_apply
from duiding.indicators.catalogue import MEASURE_ALIASES
from duiding.indicators.catalogue.derived import DERIVED
from duiding.indicators.derived import derived_compute
from duiding.indicators.importing.runner import import_run_execute
from duiding.indicators.models import Indicator, Observation, SeriesAlias
from duiding.indicators.services import derived_indicator_create
from duiding.jobs.models import ImportRun
from duiding.jobs.services import file_sha256, import_run_create

DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_PASSWORD = "duiding-demo-2026"  # noqa: S105 (documented demo password, demo users only)
PASSWORD_ENV = "DUIDING_DEMO_PASSWORD"  # noqa: S105 (the name of a variable)

ROTTERDAM, DEN_HAAG = "GM0599", "GM0518"

# (slug, name, kind, municipality code)
ORGANISATIONS = [
    ("gemeente-rotterdam", "Gemeente Rotterdam", Organisation.Kind.MUNICIPALITY, ROTTERDAM),
    ("welzijn-rotterdam-zuid", "Welzijn Rotterdam Zuid", Organisation.Kind.PARTNER, ROTTERDAM),
    ("wijkteam-feijenoord", "Wijkteam Feijenoord", Organisation.Kind.TEAM, ROTTERDAM),
    ("gemeente-s-gravenhage", "Gemeente 's-Gravenhage", Organisation.Kind.MUNICIPALITY, DEN_HAAG),
]

# (username, first name, last name, organisation slug, role, what the login shows)
USERS = [
    (
        "beheerder",
        "Bea",
        "Beheerder",
        "gemeente-rotterdam",
        Membership.Role.ADMIN,
        "beheerder, Gemeente Rotterdam (imports, raamwerken)",
    ),
    (
        "adviseur",
        "Ahmed",
        "Adviseur",
        "gemeente-rotterdam",
        Membership.Role.ADVISER,
        "gebiedsadviseur, Gemeente Rotterdam",
    ),
    (
        "adviseur-zuid",
        "Zara",
        "Zuid",
        "gemeente-rotterdam",
        Membership.Role.ADVISER,
        "gebiedsadviseur, Gemeente Rotterdam, alleen gebied Feijenoord (leest de rest)",
    ),
    (
        "partner",
        "Petra",
        "Partner",
        "welzijn-rotterdam-zuid",
        Membership.Role.PARTNER,
        "partner, Welzijn Rotterdam Zuid",
    ),
    (
        "wijkteam",
        "Wim",
        "Wijkteam",
        "wijkteam-feijenoord",
        Membership.Role.PARTNER,
        "partner, Wijkteam Feijenoord",
    ),
    (
        "accounthouder",
        "Anouk",
        "Accounthouder",
        "gemeente-rotterdam",
        Membership.Role.ACCOUNT_HOLDER,
        "accounthouder, Gemeente Rotterdam (overzicht van alle resultaten)",
    ),
    (
        "buitenstaander",
        "Bram",
        "Buitenstaander",
        "gemeente-s-gravenhage",
        Membership.Role.READER,
        "lezer, alleen Gemeente 's-Gravenhage",
    ),
]


# Memberships limited to areas (a gebiedsadviseur per gebied): username -> area codes.
USER_AREAS = {"adviseur-zuid": ["WK059910"]}


@dataclass
class DemoContext:
    data_dir: Path = DATA_DIR
    password: str = ""
    log: Callable[[str], None] = print
    imported: int = 0  # tables imported with changes in this run
    errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    run: Callable[[DemoContext], int]


def demo_password() -> str:
    return os.environ.get(PASSWORD_ENV) or DEFAULT_PASSWORD


# --- figures ---------------------------------------------------------------------------------


def series_aliases_ensure(ctx: DemoContext) -> int:
    """Older CBS keys continue as the newer series (reviewable rows in the alias table)."""
    created = 0
    for alias, canonical in MEASURE_ALIASES.items():
        _row, made = SeriesAlias.objects.get_or_create(
            kind=SeriesAlias.Kind.MEASURE,
            alias=alias,
            defaults={"canonical": canonical, "note": "Oudere CBS-sleutel van dezelfde reeks"},
        )
        created += made
    return created


def cbs_files(data_dir: Path) -> list[tuple[Path, dict]]:
    """The CBS excerpts to import, oldest youth-care table first, with their import options."""
    files: list[tuple[Path, dict]] = []
    for folder in ("jeugdzorg_wijken", "jeugdzorg_gemeenten", "veiligheidsmonitor"):
        files += [(p, {}) for p in sorted((data_dir / folder).glob("*.csv"))]
    kwb = data_dir / "kwb"
    properties = kwb / "DataProperties_85984NED.json"
    files += [(p, {"properties": str(properties)}) for p in sorted(kwb.glob("*.csv"))]
    return files


def cbs_tables_import(ctx: DemoContext) -> int:
    """Every excerpt through the real import pipeline; a file already imported is skipped."""
    done = {ImportRun.Status.DONE, ImportRun.Status.UNCHANGED}
    changed = 0
    for path, options in cbs_files(ctx.data_dir):
        already = ImportRun.objects.filter(
            kind=ImportRun.Kind.CBS, file_sha256=file_sha256(path), status__in=done
        ).exists()
        if already:
            continue
        run = import_run_create(kind=ImportRun.Kind.CBS, path=path, options=options)
        run = import_run_execute(run)
        if run.status == ImportRun.Status.FAILED:
            details = "; ".join(m["message"] for m in run.messages[:3])
            ctx.errors.append(f"{path.name}: {run.error} {details}".strip())
            continue
        ctx.log(
            f"  {path.name}: {run.values_stored} waarden opgeslagen, "
            f"{run.areas_created} gebieden aangemaakt"
        )
        changed += 1
    ctx.imported += changed
    return changed


def boundaries_import_all(ctx: DemoContext) -> int:
    """Boundaries of both gemeenten, Rotterdam's gebieden and The Hague's wijken and buurten."""
    changed = 0
    for path in sorted((ctx.data_dir / "boundaries").glob("*.geojson")):
        if ImportRun.objects.filter(
            kind=ImportRun.Kind.BOUNDARIES,
            file_name=path.name,
            status__in=[ImportRun.Status.DONE, ImportRun.Status.UNCHANGED],
        ).exists():
            continue
        report = boundaries_import(path=path)
        ctx.log(f"  {path.name}: {report.updated} grenzen opgeslagen")
        changed += report.updated
    return changed


def derived_indicators_ensure(ctx: DemoContext) -> int:
    """Define the default derived indicators whose parts exist, and compute them."""
    by_code = {i.code: i for i in Indicator.objects.all()}
    changed = 0
    for spec in DERIVED:
        numerator, denominator = by_code.get(spec.numerator), by_code.get(spec.denominator)
        if numerator is None or denominator is None:
            continue
        indicator = by_code.get(spec.code)
        if indicator is None:
            indicator = derived_indicator_create(
                code=spec.code,
                name=spec.name,
                numerator=numerator,
                denominator=denominator,
                multiplier=spec.multiplier,
                direction=spec.direction,
                definition=spec.definition,
                compute_in_background=False,
            )
            changed += 1
        # Imports recompute existing derived indicators themselves; a new one is computed here.
        if not Observation.objects.filter(indicator=indicator).exists():
            changed += derived_compute(indicator=indicator)
    return changed


def default_links_apply_step(ctx: DemoContext) -> int:
    return default_links_apply()


# --- geography and people --------------------------------------------------------------------


def level_names_rotterdam(ctx: DemoContext) -> int:
    """Rotterdam calls a CBS wijk a "gebied" and a CBS buurt a "wijk"."""
    rotterdam = Area.objects.filter(code=ROTTERDAM).first()
    if rotterdam is None:
        ctx.errors.append("Rotterdam (GM0599) ontbreekt: de CBS-tabellen zijn niet geladen.")
        return 0
    current = {
        (n.level, n.singular, n.plural) for n in LevelName.objects.filter(municipality=rotterdam)
    }
    wanted = {(level, s, p) for level, (s, p) in ROTTERDAM_LEVEL_NAMES.items()}
    if wanted <= current:
        return 0
    level_names_set(municipality=rotterdam, names=ROTTERDAM_LEVEL_NAMES)
    return len(wanted - current)


def organisations_ensure(ctx: DemoContext) -> int:
    created = 0
    municipalities = dict(Area.objects.filter(level=Level.MUNICIPALITY).values_list("code", "pk"))
    for slug, name, kind, municipality in ORGANISATIONS:
        _org, made = Organisation.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "kind": kind,
                "municipality_id": municipalities.get(municipality),
            },
        )
        created += made
    return created


@transaction.atomic
def users_ensure(ctx: DemoContext) -> int:
    """The demo users with one membership each; a changed demo password is set again."""
    organisations = {o.slug: o for o in Organisation.objects.all()}
    changed = 0
    for username, first, last, org_slug, role, _label in USERS:
        organisation = organisations.get(org_slug)
        if organisation is None:
            ctx.errors.append(
                f"Organisatie '{org_slug}' ontbreekt: draai eerst de stap organisations."
            )
            continue
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_user(
                username=username,
                password=ctx.password,
                first_name=first,
                last_name=last,
                email=f"{username}@demo.duiding.nl",
            )
            changed += 1
        elif not user.check_password(ctx.password):
            user.set_password(ctx.password)
            user.save(update_fields=["password"])
            changed += 1
        membership, made = Membership.objects.get_or_create(
            user=user, organisation=organisation, defaults={"role": role}
        )
        changed += made + _membership_areas_ensure(membership, USER_AREAS.get(username, []))
    return changed


def _membership_areas_ensure(membership: Membership, codes: list[str]) -> int:
    """Limit a demo membership to its areas (once the areas are imported); 1 when it changed."""
    areas = set(Area.objects.filter(code__in=codes).values_list("pk", flat=True))
    if set(membership.areas.values_list("pk", flat=True)) == areas:
        return 0
    membership.areas.set(areas)
    return 1


STEPS: list[Step] = [
    Step("aliases", "Reeksaliassen (oudere CBS-sleutels)", series_aliases_ensure),
    Step("cbs", "CBS-tabellen importeren", cbs_tables_import),
    Step("boundaries", "Grenzen importeren", boundaries_import_all),
    Step("derived", "Afgeleide indicatoren berekenen", derived_indicators_ensure),
    Step("links", "Indicatoren aan domeinen koppelen", default_links_apply_step),
    Step("level_names", "Rotterdamse niveaunamen (gebied, wijk)", level_names_rotterdam),
    Step("organisations", "Organisaties", organisations_ensure),
    Step("users", "Demogebruikers", users_ensure),
    Step("programme", "Demoprogramma Feijenoord met wijkanalyse", demo_programme_ensure),
    Step(
        "consultation",
        "Gesprek met partners en feedbackverzoek bij het demoprogramma",
        demo_consultation_ensure,
    ),
    Step("results", "Maatschappelijke resultaten van het demoprogramma", demo_results_ensure),
    Step("activities", "Activiteiten en plan van aanpak van het demoprogramma", demo_plan_ensure),
    Step(
        "outcome",
        "Outcome: vragenlijsten met verzonnen antwoorden en ingevoerde cijfers",
        demo_outcome_ensure,
    ),
    Step(
        "reflections",
        "Duidingssessies: een gehouden sessie en de volgende in voorbereiding",
        demo_reflections_ensure,
    ),
]
