"""Results views: the detail page of a result with its progress and curves, recomputing, the
municipality overview and the CSV/Excel exports (overview and one programme)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.http import urlencode
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from duiding.programmes.permissions import (
    can_edit_programme,
    can_see_municipality_overview,
    programme_or_404,
)
from duiding.results import exports, overview
from duiding.results.curve import result_curves
from duiding.results.models import Rule
from duiding.results.permissions import result_or_404
from duiding.results.progress import evaluate_result, next_expected_text, recompute

RULE_TEXTS = {
    Rule.EACH: gettext_lazy(
        "Ieder afzonderlijk: het resultaat is bereikt als elke indicator minstens het "
        "afgesproken doel haalt."
    ),
    Rule.COMBINED: gettext_lazy(
        "Gecombineerd: het resultaat is bereikt als het aandeel dat aan alle voorwaarden "
        "tegelijk voldoet het afgesproken doel haalt."
    ),
    Rule.MEAN: gettext_lazy(
        "Gemiddeld: het resultaat is bereikt als het gemiddelde van de percentages van de "
        "indicatoren het afgesproken doel haalt."
    ),
}


def rule_text(rule: str) -> str:
    return str(RULE_TEXTS.get(rule, ""))


@login_required
@require_GET
def detail(request, pk: int):
    result = result_or_404(request.user, pk)
    details = evaluate_result(result)
    curves = result_curves(result, details)
    for curve in curves:
        curve["next_text"] = next_expected_text(curve["item"].get("next_expected"))
    evaluations = list(
        result.evaluations.select_related("import_run").order_by("-computed_at", "-pk")
    )
    context = {
        "programme": result.programme,
        "tab": "results",
        "nav": "programmes",
        "result": result,
        "details": details,
        "curves": curves,
        "rule_text": rule_text(result.rule),
        "evaluations": evaluations,
        "can_edit": can_edit_programme(request.user, result.programme),
        "sections": list(result.sections.select_related("domain", "pillar")),
        "factors": list(result.factors.order_by("name")),
    }
    return render(request, "results/result_detail.html", context)


@login_required
@require_POST
def recompute_view(request, pk: int):
    result = result_or_404(request.user, pk, edit=True)
    if recompute(result) is None:
        messages.info(request, _("Opnieuw berekend: het oordeel is niet veranderd."))
    else:
        messages.success(request, _("Opnieuw berekend: het nieuwe oordeel is bewaard."))
    return redirect("results:detail", pk=result.pk)


def _require_overview(user) -> None:
    if not can_see_municipality_overview(user):
        raise PermissionDenied


@login_required
@require_GET
def overview_view(request):
    _require_overview(request.user)
    filters = overview.OverviewFilters.from_query(request.GET)
    results = list(overview.municipality_results(request.user, filters))
    context = {
        "nav": "results_overview",
        "results": results,
        "filters": filters,
        "choices": overview.filter_choices(request.user),
        "querystring": urlencode(filters.as_query()),
        "rows": [
            {
                "result": r,
                "pillar": overview.pillar_of(r),
                "verdict": r.latest_verdict or "",
                "verdict_label": overview.verdict_label(r.latest_verdict),
            }
            for r in results
        ],
    }
    return render(request, "results/overview.html", context)


def _export(results, fmt: str, stem: str, title: str):
    if fmt == "csv":
        response = StreamingHttpResponse(
            exports.csv_stream(results), content_type=exports.CSV_CONTENT_TYPE
        )
    elif fmt == "xlsx":
        response = HttpResponse(
            exports.xlsx_bytes(title=title, results=results),
            content_type=exports.XLSX_CONTENT_TYPE,
        )
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{exports.filename(stem, fmt)}"'
    return response


@login_required
@require_GET
def overview_export(request, fmt: str):
    _require_overview(request.user)
    filters = overview.OverviewFilters.from_query(request.GET)
    results = overview.municipality_results(request.user, filters)
    return _export(results, fmt, "resultaten", _("Maatschappelijke resultaten van de gemeente"))


@login_required
@require_GET
def programme_export(request, pk: int, fmt: str):
    programme = programme_or_404(request.user, pk)
    filters = overview.OverviewFilters.from_query(request.GET)
    results = overview.programme_results(programme, filters)
    title = _("Maatschappelijke resultaten: %(name)s") % {"name": programme.name}
    return _export(results, fmt, f"resultaten_{slugify(programme.name)}", title)


urlpatterns: list = [
    path("overzicht/", overview_view, name="overview"),
    path("overzicht/export.<str:fmt>", overview_export, name="overview_export"),
    path("programma/<int:pk>/export.<str:fmt>", programme_export, name="programme_export"),
    path("<int:pk>/", detail, name="detail"),
    path("<int:pk>/opnieuw-berekenen/", recompute_view, name="recompute"),
]
