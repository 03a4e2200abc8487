"""Every named route of the URL resolver as a page to open: the role that may see it and real
keys from the demo (`duiding demo`). A route that is not a page (a download, JSON, a redirect, a
POST-only action, an htmx fragment) is named in NOT_PAGES with its reason; `list_problems` checks
that each really is one, and that no route is missing from `routes()`, so a new page is checked
from the day it exists.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from duiding.accounts.models import User
from duiding.activities.models import (
    Activity,
    Intervention,
    PlanChange,
    PlanStep,
    PurchaseAgreement,
    QualityAgreement,
)
from duiding.demo.services import demo_load
from duiding.frameworks.models import Ambition, Domain, Factor, Framework, Pillar
from duiding.indicators.models import Indicator, SeriesAlias
from duiding.jobs.models import ImportRun
from duiding.outcomes.cards import cards_create
from duiding.outcomes.definition import clean_questions
from duiding.outcomes.models import (
    EnteredFigures,
    EnteredFiguresChange,
    MeasurementPlan,
    PairCard,
    Questionnaire,
    QuestionnaireVersion,
)
from duiding.outcomes.xlsform.example import example_workbook
from duiding.outcomes.xlsform_services import import_questionnaire
from duiding.programmes.models import (
    AnalysisSection,
    Comment,
    FeedbackRequest,
    Finding,
    MissingFigure,
    PartnerConversation,
    Programme,
    StrikingIndicator,
)
from duiding.results.models import SocietalResult
from tests.conftest import PASSWORD
from tests.e2e.pages_reflections import REFLECTION_NOT_PAGES, reflection_routes

# Roles: the demo user that opens the page (None: not logged in).
ANONYMOUS, ADMIN, ADVISER, PARTNER, ACCOUNT_HOLDER = (
    None,
    "beheerder",
    "adviseur",
    "partner",
    "accounthouder",
)

# Whole namespaces that hold no pages of ours.
NOT_PAGE_NAMESPACES = {
    "admin": "Django's own admin (/beheer/), not a Duiding page",
    "api": "JSON API (/api/v1/)",
}

# Route name -> (what it is, why it is not checked). The test asserts the kind.
DOWNLOAD, JSON, REDIRECT, POST_ONLY, FRAGMENT = (
    "download",
    "json",
    "redirect",
    "post-only",
    "fragment",
)
NOT_PAGES = {
    "core:health": (JSON, "health check for the load balancer"),
    "core:favicon": (REDIRECT, "sends /favicon.ico to the icon"),
    "set_language": (REDIRECT, "switches the language and goes back"),
    "accounts:logout": (POST_ONLY, "logging out is a form button"),
    "programmes:area_options": (FRAGMENT, "area choices inside the new-programme form"),
    "programmes:period_options": (FRAGMENT, "period choices inside the new-programme form"),
    "indicators:import_status": (REDIRECT, "htmx progress block; a plain GET goes to the report"),
    "frameworks:domain_indicator_add": (REDIRECT, "form target; GET goes to the domain page"),
    "frameworks:factor_confirm": (REDIRECT, "form target; GET goes to the factor page"),
    "programmes:analysis": (REDIRECT, "goes to the first section of the analysis"),
    "programmes:finding_create": (REDIRECT, "form target; GET goes to the conversation page"),
    "indicators:derived_recompute": (POST_ONLY, "button on the indicator page"),
    "frameworks:factor_export": (DOWNLOAD, "Excel file of the factors"),
    "areaprofile:export_csv": (DOWNLOAD, "CSV of the area page"),
    "areaprofile:export_xlsx": (DOWNLOAD, "Excel of the area page"),
    "areaprofile:map_export_csv": (DOWNLOAD, "CSV of the map"),
    "areaprofile:map_export_xlsx": (DOWNLOAD, "Excel of the map"),
    "programmes:workbook": (DOWNLOAD, "Excel workbook of the analysis"),
    "programmes:csv": (DOWNLOAD, "CSV of one table of the analysis"),
    "programmes:section_factors": (POST_ONLY, "saves the chosen factors of a section"),
    "programmes:section_factor_add": (POST_ONLY, "adds a factor to a section"),
    "programmes:section_striking": (POST_ONLY, "marks an indicator as striking"),
    "programmes:section_missing_add": (POST_ONLY, "adds a missing figure"),
    "programmes:feedback_close": (POST_ONLY, "closes a feedback request"),
    "programmes:feedback_reopen": (POST_ONLY, "reopens a feedback request"),
    "programmes:comment_handle": (POST_ONLY, "marks a comment handled"),
    "programmes:comment_unhandle": (POST_ONLY, "marks a comment open again"),
    "programmes:comment_delete": (POST_ONLY, "deletes a comment"),
    "programmes:finding_missing_figure": (POST_ONLY, "turns a finding into a missing figure"),
    "results:overview_export": (DOWNLOAD, "CSV/Excel of the results overview"),
    "results:programme_export": (DOWNLOAD, "CSV/Excel of a programme's results"),
    "results:recompute": (POST_ONLY, "recomputes the progress verdicts"),
    "results:status": (POST_ONLY, "changes a result's status"),
    "results:restore": (POST_ONLY, "restores a deleted result"),
    "activities:plan_export": (DOWNLOAD, "Excel of the plan van aanpak"),
    "activities:step_done": (POST_ONLY, "marks a step done"),
    "activities:plan_restore": (POST_ONLY, "restores a change of the plan"),
    "outcomes:entered_template": (DOWNLOAD, "Excel template of the entered figures"),
    "outcomes:entered_restore": (POST_ONLY, "brings a deleted period of entered figures back"),
    "outcomes:xlsform_export": (DOWNLOAD, "XLSForm (.xlsx) of a questionnaire"),
    "outcomes:question_move": (POST_ONLY, "moves a question up or down in the editor"),
    "outcomes:activity_outcome_export": (DOWNLOAD, "CSV/Excel of an activity's outcome"),
    "outcomes:programme_outcome_export": (DOWNLOAD, "CSV/Excel of a programme's outcome"),
    "outcomes_public:card": (REDIRECT, "a card's QR code: to the questionnaire open today"),
    "outcomes:questionnaire_qr": (DOWNLOAD, "the QR code as SVG or PNG"),
    "outcomes:questionnaire_poster": (DOWNLOAD, "the poster as PDF"),
    "outcomes:cards_pdf": (DOWNLOAD, "a set of paired cards as PDF"),
    **REFLECTION_NOT_PAGES,
}


@dataclass
class Demo:
    """The keys of the demo objects the routes need."""

    programme: Programme
    section: AnalysisSection
    framework: Framework

    @classmethod
    def load(cls) -> Demo:
        report = demo_load(password=PASSWORD, log=lambda _line: None)
        assert not report.errors, report.errors
        programme = Programme.objects.get()
        section = programme.sections.filter(striking_indicators__isnull=False).first()
        # Objects the demo does not make: a comment and an intervention of the reference list.
        Comment.objects.create(
            section=section,
            author=User.objects.get(username=PARTNER),
            text="Klopt dit cijfer voor de hele wijk, of alleen voor Feijenoord-Noord?",
        )
        Intervention.objects.create(name="Samen Starten", description="Demo-interventie.")
        if not Questionnaire.objects.exists():  # the demo's questionnaires come with outcomes
            _example_questionnaire(programme)
        return cls(programme, section, Framework.objects.get(is_default=True))


def _example_questionnaire(programme) -> Questionnaire:
    """The example XLSForm imported for the partner's first activity."""
    partner = User.objects.get(username=PARTNER)
    activity = _partner_activity(programme)
    return import_questionnaire(
        activity=activity,
        file=example_workbook(),
        user=partner,
        moment="eindmeting",
        opens_on=datetime.date(2026, 11, 1),
        closes_on=datetime.date(2026, 11, 30),
    )


def _partner_activity(programme) -> Activity:
    """An activity the demo `partner` user's organisation carries (it manages its outcome)."""
    return _first(Activity, programme=programme, organisation__memberships__user__username=PARTNER)


def _first(model, **filters):
    obj = model.objects.filter(**filters).order_by("pk").first()
    assert obj is not None, f"the demo has no {model.__name__} ({filters})"
    return obj


def _password_reset_keys() -> dict:
    user = User.objects.get(username=ADVISER)
    return {
        "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
    }


def routes(d: Demo) -> dict[str, tuple[str | None, dict]]:
    """Route name -> (role, kwargs) for every page and every entry of NOT_PAGES."""
    p, s, slug = d.programme.pk, d.section.pk, d.framework.slug
    prog = {"pk": p}
    sec = {"pk": p, "section_id": s}
    activity = _first(Activity, programme=d.programme, quality_agreements__isnull=False)
    conversation = _first(PartnerConversation, programme=d.programme)
    finding = _first(Finding, conversation=conversation)
    factor = _first(Factor, framework=d.framework)
    domain = _first(Domain, pillar__framework=d.framework, indicators__isnull=False)
    result = _first(SocietalResult, programme=d.programme)
    comment = _first(Comment, section=d.section)
    return {
        "home:home": (ADVISER, {}),
        "core:health": (ANONYMOUS, {}),
        "core:favicon": (ANONYMOUS, {}),
        "set_language": (ANONYMOUS, {}),
        # accounts
        "accounts:login": (ANONYMOUS, {}),
        "accounts:logout": (ADVISER, {}),
        "accounts:password_reset": (ANONYMOUS, {}),
        "accounts:password_reset_done": (ANONYMOUS, {}),
        "accounts:password_reset_confirm": (ANONYMOUS, _password_reset_keys()),
        "accounts:password_reset_complete": (ANONYMOUS, {}),
        "accounts:tokens": (ADMIN, {}),
        "areas:search": (ADVISER, {}),  # the page without JavaScript (QUERIES)
        # indicators (beheer)
        "indicators:indicator_list": (ADMIN, {}),
        "indicators:derived_new": (ADMIN, {}),
        "indicators:indicator_detail": (ADMIN, {"pk": _indicator().pk}),
        "indicators:indicator_edit": (ADMIN, {"pk": _indicator().pk}),
        "indicators:derived_recompute": (
            ADMIN,
            {"pk": _first(Indicator, numerator__isnull=False).pk},
        ),
        "indicators:alias_list": (ADMIN, {}),
        "indicators:alias_delete": (ADMIN, {"pk": _first(SeriesAlias).pk}),
        "indicators:import_list": (ADMIN, {}),
        "indicators:import_new": (ADMIN, {}),
        "indicators:import_detail": (ADMIN, {"pk": _first(ImportRun).pk}),
        "indicators:import_status": (ADMIN, {"pk": _first(ImportRun).pk}),
        # frameworks (beheer)
        "frameworks:list": (ADMIN, {}),
        "frameworks:create": (ADMIN, {}),
        "frameworks:pillar_new": (ADMIN, {"slug": slug}),
        "frameworks:domain_new": (ADMIN, {"pk": _first(Pillar, framework=d.framework).pk}),
        "frameworks:pillar_edit": (ADMIN, {"pk": _first(Pillar, framework=d.framework).pk}),
        "frameworks:domain_edit": (ADMIN, {"pk": domain.pk}),
        "frameworks:domain_indicator_add": (ADMIN, {"pk": domain.pk}),
        "frameworks:domain_indicator_remove": (
            ADMIN,
            {"pk": domain.pk, "indicator_pk": domain.indicators.order_by("pk").first().pk},
        ),
        "frameworks:ambition_edit": (ADMIN, {"pk": _first(Ambition, framework=d.framework).pk}),
        "frameworks:ambition_delete": (
            ADMIN,
            {"pk": _first(Ambition, framework=d.framework).pk},
        ),
        "frameworks:detail": (ADMIN, {"slug": slug}),
        "frameworks:ambition_new": (ADMIN, {"slug": slug}),
        "frameworks:factor_list": (ADMIN, {"slug": slug}),
        "frameworks:factor_new": (ADMIN, {"slug": slug}),
        "frameworks:factor_export": (ADMIN, {"slug": slug}),
        "frameworks:factor_import": (ADMIN, {"slug": slug}),
        "frameworks:factor_detail": (ADMIN, {"slug": slug, "pk": factor.pk}),
        "frameworks:factor_edit": (ADMIN, {"slug": slug, "pk": factor.pk}),
        "frameworks:factor_delete": (ADMIN, {"slug": slug, "pk": factor.pk}),
        "frameworks:factor_confirm": (ADMIN, {"slug": slug, "pk": factor.pk}),
        # Staat van de wijk: a wijk, a gebied and the municipality
        "areaprofile:index": (ADVISER, {}),
        "areaprofile:index@zoeken": (ADVISER, {}),
        "areaprofile:area": (ADVISER, {"code": "WK059910"}),
        "areaprofile:area@gemeente": (ADVISER, {"code": "GM0599"}),
        "areaprofile:map": (ADVISER, {"code": "GM0599"}),
        "areaprofile:export_csv": (ADVISER, {"code": "WK059910"}),
        "areaprofile:export_xlsx": (ADVISER, {"code": "WK059910"}),
        "areaprofile:map_export_csv": (ADVISER, {"code": "GM0599"}),
        "areaprofile:map_export_xlsx": (ADVISER, {"code": "GM0599"}),
        # programmes
        "programmes:list": (ADVISER, {}),
        "programmes:create": (ADVISER, {}),
        "programmes:area_options": (ADVISER, {}),
        "programmes:period_options": (ADVISER, {}),
        "programmes:detail": (ADVISER, prog),
        "programmes:edit": (ADVISER, prog),
        "programmes:analysis": (ADVISER, prog),
        "programmes:summary": (ADVISER, prog),
        "programmes:downloads": (ADVISER, prog),
        "programmes:section": (ADVISER, sec),
        "programmes:section_factors": (ADVISER, sec),
        "programmes:section_factor_add": (ADVISER, sec),
        "programmes:section_striking": (ADVISER, sec),
        "programmes:section_striking_remove": (
            ADVISER,
            {**sec, "mark_id": _first(StrikingIndicator, section=d.section).pk},
        ),
        "programmes:section_missing_add": (ADVISER, sec),
        "programmes:section_missing_edit": (ADVISER, _missing(d)),
        "programmes:section_missing_remove": (ADVISER, _missing(d)),
        "programmes:section_history": (ADVISER, sec),
        "programmes:feedback_inbox": (ADVISER, {}),
        "programmes:consultation": (ADVISER, prog),
        "programmes:feedback_close": (ADVISER, _feedback(d)),
        "programmes:feedback_reopen": (ADVISER, _feedback(d)),
        "programmes:section_comments": (ADVISER, sec),
        "programmes:comment_handle": (ADVISER, {"pk": p, "comment_id": comment.pk}),
        "programmes:comment_unhandle": (ADVISER, {"pk": p, "comment_id": comment.pk}),
        "programmes:comment_delete": (ADVISER, {"pk": p, "comment_id": comment.pk}),
        "programmes:conversations": (ADVISER, prog),
        "programmes:conversation_create": (ADVISER, prog),
        "programmes:conversation": (ADVISER, {"pk": p, "conversation_id": conversation.pk}),
        "programmes:conversation_edit": (ADVISER, {"pk": p, "conversation_id": conversation.pk}),
        "programmes:conversation_delete": (
            ADVISER,
            {"pk": p, "conversation_id": conversation.pk},
        ),
        "programmes:finding_create": (ADVISER, {"pk": p, "conversation_id": conversation.pk}),
        "programmes:finding_edit": (ADVISER, {"pk": p, "finding_id": finding.pk}),
        "programmes:finding_delete": (ADVISER, {"pk": p, "finding_id": finding.pk}),
        "programmes:finding_missing_figure": (ADVISER, {"pk": p, "finding_id": finding.pk}),
        "programmes:workbook": (ADVISER, prog),
        "programmes:csv": (ADVISER, {"pk": p, "table": "indicatoren"}),
        # results
        "results:rekenhulp": (ADVISER, {}),
        "results:overview": (ACCOUNT_HOLDER, {}),
        "results:overview_export": (ACCOUNT_HOLDER, {"fmt": "csv"}),
        "results:programme_export": (ADVISER, {"pk": p, "fmt": "csv"}),
        "results:detail": (ADVISER, {"pk": result.pk}),
        "results:recompute": (ADVISER, {"pk": result.pk}),
        "results:programme_results": (ADVISER, prog),
        "results:create": (ADVISER, prog),
        "results:edit": (ADVISER, {"pk": result.pk}),
        "results:status": (ADVISER, {"pk": result.pk}),
        "results:history": (ADVISER, {"pk": result.pk}),
        "results:delete": (ADVISER, {"pk": result.pk}),
        "results:restore": (ADVISER, {"pk": result.pk}),
        # activities
        "activities:programme_activities": (ADVISER, prog),
        "activities:activity_create": (ADVISER, prog),
        "activities:activity_detail": (ADVISER, {"pk": activity.pk}),
        "activities:activity_edit": (ADVISER, {"pk": activity.pk}),
        "activities:activity_delete": (ADVISER, {"pk": activity.pk}),
        "activities:activity_hand_over": (ADVISER, {"pk": activity.pk}),
        "activities:interventions": (ADMIN, {}),
        "activities:intervention_create": (ADMIN, {}),
        "activities:intervention_edit": (ADMIN, {"pk": _first(Intervention).pk}),
        "activities:matrix": (ADVISER, prog),
        "activities:matrix_municipality": (ACCOUNT_HOLDER, {}),
        "activities:plan": (ADVISER, prog),
        "activities:plan_export": (ADVISER, prog),
        "activities:step_create": (ADVISER, prog),
        "activities:step_edit": (ADVISER, {"pk": p, "step_id": _first(PlanStep).pk}),
        "activities:step_done": (ADVISER, {"pk": p, "step_id": _first(PlanStep).pk}),
        "activities:step_delete": (ADVISER, {"pk": p, "step_id": _first(PlanStep).pk}),
        "activities:purchase_create": (ADVISER, prog),
        "activities:purchase_edit": (
            ADVISER,
            {"pk": p, "agreement_id": _first(PurchaseAgreement).pk},
        ),
        "activities:purchase_delete": (
            ADVISER,
            {"pk": p, "agreement_id": _first(PurchaseAgreement).pk},
        ),
        "activities:quality_create": (ADVISER, {"pk": p, "activity_id": activity.pk}),
        "activities:quality_edit": (
            ADVISER,
            {"pk": p, "agreement_id": _first(QualityAgreement, activity=activity).pk},
        ),
        "activities:quality_delete": (
            ADVISER,
            {"pk": p, "agreement_id": _first(QualityAgreement, activity=activity).pk},
        ),
        "outcomes:measurement_create": (ADVISER, {"pk": p, "activity_id": activity.pk}),
        "outcomes:measurement_edit": (
            ADVISER,
            {"pk": p, "plan_id": _first(MeasurementPlan, activity__programme=d.programme).pk},
        ),
        "outcomes:measurement_delete": (
            ADVISER,
            {"pk": p, "plan_id": _first(MeasurementPlan, activity__programme=d.programme).pk},
        ),
        "activities:partner": (PARTNER, {}),
        "activities:overdue": (ADVISER, {}),
        "activities:plan_history": (ADVISER, prog),
        "activities:plan_restore": (
            ADVISER,
            {"pk": p, "change_id": _first(PlanChange, programme=d.programme).pk},
        ),
        # outcomes
        "outcomes:activity_outcome": (ADVISER, {"activity_id": _outcome_activity(activity).pk}),
        "outcomes:activity_outcome_export": (
            ADVISER,
            {"activity_id": _outcome_activity(activity).pk, "fmt": "csv"},
        ),
        "outcomes:programme_outcome": (ADVISER, {"programme_id": p}),
        "outcomes:programme_outcome_export": (ADVISER, {"programme_id": p, "fmt": "xlsx"}),
        "outcomes:xlsform_import": (PARTNER, {"activity_id": _partner_activity(d.programme).pk}),
        "outcomes:xlsform_export": (PARTNER, {"pk": _first(Questionnaire).pk}),
        **_entered(d),
        **_questionnaire_pages(),
        **_outcome_routes(d),
        **reflection_routes(
            d,
            {
                "anonymous": ANONYMOUS,
                "admin": ADMIN,
                "adviser": ADVISER,
                "partner": PARTNER,
                "account_holder": ACCOUNT_HOLDER,
            },
        ),
    }


def _open_questionnaire(d: Demo) -> Questionnaire:
    """A questionnaire of the demo programme that is open today (made when the demo has none),
    with a set of paired cards for its activity."""
    today = timezone.localdate()
    questionnaire = (
        Questionnaire.objects.filter(
            activity__programme=d.programme,
            opens_on__lte=today,
            closes_on__gte=today,
            versions__isnull=False,
        )
        .order_by("pk")
        .first()
    )
    if questionnaire is None:
        questionnaire = Questionnaire.objects.create(
            activity=_first(Activity, programme=d.programme),
            title="Tevredenheid (pagina-test)",
            moment="eindmeting",
            opens_on=today - datetime.timedelta(days=7),
            closes_on=today + datetime.timedelta(days=7),
        )
        QuestionnaireVersion.objects.create(
            questionnaire=questionnaire,
            number=1,
            questions=clean_questions(
                [{"key": "nut", "kind": "scale", "label": "Rapportcijfer", "min": 1, "max": 10}]
            ),
        )
    if not PairCard.objects.filter(activity=questionnaire.activity).exists():
        cards_create(activity=questionnaire.activity, count=2)
    return questionnaire


def _outcome_routes(d: Demo) -> dict:
    q = _open_questionnaire(d)
    card = _first(PairCard, activity=q.activity)
    return {
        "outcomes_public:answer": (ANONYMOUS, {"code": q.code}),
        "outcomes_public:thanks": (ANONYMOUS, {"code": q.code}),
        "outcomes_public:card": (ANONYMOUS, {"code": card.code}),
        "outcomes:questionnaire_share": (ADVISER, {"pk": q.pk}),
        "outcomes:questionnaire_qr": (ADVISER, {"pk": q.pk, "fmt": "svg"}),
        "outcomes:questionnaire_poster": (ADVISER, {"pk": q.pk, "size": "a4"}),
        "outcomes:cards": (ADVISER, {"pk": q.activity_id}),
        "outcomes:cards_pdf": (ADVISER, {"pk": q.activity_id, "batch": card.batch}),
    }


def _entered(d: Demo) -> dict:
    """The entered figures of the demo activity that has them (Home-Start, the partner's)."""
    figures = _first(EnteredFigures, activity__programme=d.programme)
    on_activity = {"activity_id": figures.activity_id}
    return {
        "outcomes:entered_list": (PARTNER, on_activity),
        "outcomes:entered_create": (PARTNER, on_activity),
        "outcomes:entered_edit": (PARTNER, {"pk": figures.pk}),
        "outcomes:entered_delete": (PARTNER, {"pk": figures.pk}),
        "outcomes:entered_upload": (PARTNER, on_activity),
        "outcomes:entered_template": (PARTNER, on_activity),
        "outcomes:entered_restore": (
            PARTNER,
            {"activity_id": figures.activity_id, "change_id": _first(EnteredFiguresChange).pk},
        ),
    }


def _questionnaire_pages() -> dict:
    """The questionnaire pages (outcomes/views/questionnaires.py and questions.py), opened by the
    gebiedsadviseur (who manages every activity of the programme) on the demo's first questionnaire."""
    questionnaire = _first(Questionnaire)
    q = {"pk": questionnaire.pk}
    question = {**q, "key": questionnaire.current.questions[0]["key"]}
    activity = {"activity_id": questionnaire.activity_id}
    return {
        "outcomes:questionnaire_list": (ADVISER, activity),
        "outcomes:questionnaire_create": (ADVISER, activity),
        "outcomes:questionnaire_detail": (ADVISER, q),
        "outcomes:questionnaire_edit": (ADVISER, q),
        "outcomes:questionnaire_delete": (ADVISER, q),
        "outcomes:question_editor": (ADVISER, q),
        "outcomes:question_add": (ADVISER, q),
        "outcomes:question_edit": (ADVISER, question),
        "outcomes:question_remove": (ADVISER, question),
        "outcomes:question_move": (ADVISER, question),
    }


def _outcome_activity(fallback: Activity) -> Activity:
    questionnaire = Questionnaire.objects.order_by("pk").first()
    return questionnaire.activity if questionnaire else fallback


def _indicator() -> Indicator:
    return _first(Indicator, observations__isnull=False, numerator__isnull=True)


def _missing(d: Demo) -> dict:
    missing = _first(MissingFigure, section__programme=d.programme)
    return {"pk": d.programme.pk, "section_id": missing.section_id, "missing_id": missing.pk}


def _feedback(d: Demo) -> dict:
    return {"pk": d.programme.pk, "request_id": _first(FeedbackRequest, programme=d.programme).pk}


def route_names() -> list[str]:
    """Every named route of the URL resolver, as `namespace:name`, outside NOT_PAGE_NAMESPACES."""
    names: list[str] = []

    def walk(resolver: URLResolver, namespace: str | None) -> None:
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace or None
                joined = f"{namespace}:{inner}" if namespace and inner else inner or namespace
                walk(pattern, joined)
            elif isinstance(pattern, URLPattern) and pattern.name:
                names.append(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    walk(get_resolver(), None)
    return [n for n in names if n.split(":")[0] not in NOT_PAGE_NAMESPACES]


# Query strings of pages that show more with one (a key "name@variant" opens a route twice).
QUERIES = {
    "areas:search": "?q=Feijenoord",
    "areaprofile:index@zoeken": "?q=Feijenoord",
    "outcomes:question_add": "?soort=scale",  # without a kind it goes back to the editor
}


def url_of(key: str, kwargs: dict) -> str:
    return reverse(key.split("@")[0], kwargs=kwargs) + QUERIES.get(key, "")


def _kind(response) -> str:
    """What a GET of the route answers: the NOT_PAGES kinds, or "page"."""
    content_type = response.get("Content-Type", "")
    if response.status_code == 405:
        return POST_ONLY
    if 300 <= response.status_code < 400:
        return REDIRECT
    if "json" in content_type:
        return JSON
    if response.has_header("Content-Disposition") or "html" not in content_type:
        return DOWNLOAD
    if b"<html" not in response.content[:500].lower():
        return FRAGMENT
    return "page"


def _clients() -> dict[str | None, Client]:
    clients = {ANONYMOUS: Client()}
    for username in (ADMIN, ADVISER, PARTNER, ACCOUNT_HOLDER):
        clients[username] = Client()
        clients[username].force_login(User.objects.get(username=username))
    return clients


def list_problems(table: dict[str, tuple[str | None, dict]]) -> list[str]:
    """Routes missing from the table, and NOT_PAGES entries that are not what they say."""
    problems = [
        f"{name}: a new route; add it to routes() (role, keys) or to NOT_PAGES"
        for name in route_names()
        if not any(key.split("@")[0] == name for key in table)
    ]
    problems += [f"{key}: in NOT_PAGES but not a route" for key in NOT_PAGES if key not in table]
    clients = _clients()
    for key, (kind, _reason) in NOT_PAGES.items():
        if key not in table:
            continue
        role, kwargs = table[key]
        response = clients[role].get(url_of(key, kwargs))
        if _kind(response) != kind:
            problems.append(f"{key}: not a {kind} but {_kind(response)} ({response.status_code})")
    return problems
