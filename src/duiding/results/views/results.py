"""Societal results of a programme: list, create/edit form (with indicator rows), status,
history and delete. Everybody who may see the programme reads; editors (can_edit_programme)
write; others get a 404 (programme_or_404 / result_or_404)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from duiding.frameworks.models import Domain
from duiding.programmes.permissions import can_edit_programme, programme_or_404
from duiding.results import overview, restore, selectors, services
from duiding.results.forms import (
    RULE_HELP,
    IndicatorFormSet,
    ResultForm,
    StatusForm,
    apply_service_errors,
    result_initial,
    row_initial,
)
from duiding.results.models import ResultChange, Rule, SocietalResult, Status
from duiding.results.permissions import result_or_404

TAB = "results"
PREFIX = "ind"


def _context(request, programme, **extra) -> dict:
    return {
        "programme": programme,
        "tab": TAB,
        "can_edit": can_edit_programme(request.user, programme),
        "nav": "programmes",
        "rekenhulp_url": _optional_url("results:rekenhulp"),
        **extra,
    }


def _optional_url(name: str, *args) -> str | None:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def result_url(result) -> str:
    """The result's detail page (progress), or its edit page until that page exists."""
    return _optional_url("results:detail", result.pk) or reverse("results:edit", args=[result.pk])


@login_required
def programme_results(request, pk: int):
    programme = programme_or_404(request.user, pk)
    filters = overview.OverviewFilters.from_query(request.GET)
    results = selectors.programme_results(programme, filters)
    for r in results:
        r.url = result_url(r)
        r.rule_help = RULE_HELP.get(r.rule, "")
    context = _context(
        request,
        programme,
        results=results,
        filters=filters,
        choices=overview.programme_filter_choices(programme),
        querystring=urlencode(filters.as_query()),
        has_any=bool(results) or SocietalResult.objects.filter(programme=programme).exists(),
        deleted=list(restore.deleted_results(programme)),
    )
    return render(request, "results/result_list.html", context)


# --- the form ------------------------------------------------------------------------------


def _prefill(request, programme) -> dict:
    """Initial values of a new result from the wijkanalyse link: ?section=<AnalysisSection pk>
    (only a section of this programme) and ?domain=<Domain pk> (only of its framework); the
    section's domain is used when no domain is given. Anything else is ignored."""
    initial: dict = {}
    section_id = (request.GET.get("section") or "").strip()
    domain_id = (request.GET.get("domain") or "").strip()
    if section_id.isdigit():
        section = programme.sections.filter(pk=int(section_id)).first()
        if section is not None:
            initial["sections"] = [section.pk]
            if section.domain_id:
                initial["domain"] = section.domain_id
    if domain_id.isdigit():
        domain = Domain.objects.filter(
            pk=int(domain_id), pillar__framework_id=programme.framework_id
        ).first()
        if domain is not None:
            initial["domain"] = domain.pk
    return initial


def _form_parts(request, programme, *, result=None):
    options = selectors.figure_options(request.user, programme)
    prefill = _prefill(request, programme) if result is None and request.method == "GET" else {}
    domain = result.domain if result else None
    if prefill.get("domain"):
        domain = Domain.objects.get(pk=prefill["domain"])
    kwargs = {
        "programme": programme,
        "factors": selectors.factor_choices(programme, domain),
        "sections": selectors.section_choices(programme),
        "combination": [o.indicator for o in options if o.is_percentage],
    }
    if request.method == "POST":
        data = request.POST.copy()
        if "add_row" in data:  # no JavaScript needed: one more empty row
            total = f"{PREFIX}-TOTAL_FORMS"
            data[total] = str(int(data.get(total) or 0) + 1)
        form = ResultForm(data, **kwargs)
        formset = IndicatorFormSet(data, prefix=PREFIX, options=options)
    else:
        initial = result_initial(result) if result else prefill
        rows = row_initial(result) + [{}] if result else [{}, {}]
        form = ResultForm(initial=initial, **kwargs)
        formset = IndicatorFormSet(initial=rows, prefix=PREFIX, options=options)
    if result is not None:
        revisions = selectors.baseline_revisions(request.user, result)
        for row in formset.forms:
            raw = row["id"].value()
            row_id = int(raw) if str(raw or "").isdigit() else None
            row.revision = revisions.get(row_id, "")
    return form, formset, options


def _service_fields(form, formset) -> tuple[dict, list]:
    rows = formset.used_forms()
    data = form.cleaned_data
    return {
        "text": data["text"],
        "target_date": data["target_date"],
        "domain": data.get("domain"),
        "ambition": data.get("ambition"),
        "sections": data.get("sections") or [],
        "factors": data.get("factors") or [],
        "rule": data["rule"],
        "combination_indicator": data.get("combination_indicator"),
        "combined_target": form.combined_target(),
        "indicators": [row.as_service_row() for row in rows],
    }, rows


def _render_form(request, programme, form, formset, options, *, result=None, conflict=None):
    status = 400 if request.method == "POST" and not conflict else 200
    if conflict:
        status = 409
    return render(
        request,
        "results/result_form.html",
        _context(
            request,
            programme,
            form=form,
            formset=formset,
            options=options,
            result=result,
            conflict=conflict,
            nudges=form.nudges(),
            rule_help=RULE_HELP,
            no_combination=not form.fields["combination_indicator"].queryset.exists(),
            periods=sorted({(code, label) for o in options for code, label, _v in o.periods}),
        ),
        status=status,
    )


def _save(request, programme, result=None):
    form, formset, options = _form_parts(request, programme, result=result)
    if request.method != "POST" or "add_row" in request.POST or "check" in request.POST:
        response = _render_form(request, programme, form, formset, options, result=result)
        if request.method == "POST":
            response.status_code = 200
        return response
    if form.is_valid() and formset.is_valid():
        fields, rows = _service_fields(form, formset)
        try:
            if result is None:
                saved = services.result_create(programme=programme, user=request.user, **fields)
                messages.success(request, _("Het maatschappelijk resultaat is vastgelegd."))
            else:
                saved = services.result_update(
                    result,
                    user=request.user,
                    expected_version=form.cleaned_data.get("version"),
                    **fields,
                )
                messages.success(request, _("Het maatschappelijk resultaat is opgeslagen."))
        except ValidationError as error:
            apply_service_errors(error, form, rows)
        except services.ResultConflict as conflict:
            return _render_form(
                request, programme, form, formset, options, result=result, conflict=conflict
            )
        else:
            return redirect(result_url(saved))
    return _render_form(request, programme, form, formset, options, result=result)


@login_required
def result_create(request, pk: int):
    programme = programme_or_404(request.user, pk, edit=True)
    return _save(request, programme)


@login_required
def result_edit(request, pk: int):
    result = result_or_404(request.user, pk, edit=True)
    return _save(request, result.programme, result)


# --- status, history, delete ------------------------------------------------------------


@login_required
@require_POST
def result_status(request, pk: int):
    result = result_or_404(request.user, pk, edit=True)
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies een geldige status."))
    else:
        try:
            services.result_status_set(
                result,
                request.user,
                form.cleaned_data["status"],
                expected_version=form.cleaned_data["version"],
            )
        except services.ResultConflict:
            messages.error(
                request,
                _(
                    "Iemand anders heeft het resultaat intussen gewijzigd. Bekijk de "
                    "geschiedenis en kies de status opnieuw."
                ),
            )
        else:
            messages.success(
                request,
                _("Status: %(status)s.") % {"status": Status(result.status).label},
            )
    return redirect("results:history", pk=result.pk)


@login_required
def result_history(request, pk: int):
    result = result_or_404(request.user, pk)
    programme = result.programme
    context = _context(
        request,
        programme,
        result=result,
        result_link=result_url(result),
        changes=selectors.result_history(result),
        status_form=StatusForm(initial={"status": result.status, "version": result.version}),
        rule_label=Rule(result.rule).label,
    )
    return render(request, "results/result_history.html", context)


@login_required
def result_delete(request, pk: int):
    result = result_or_404(request.user, pk, edit=True)
    programme = result.programme
    if request.method == "POST":
        services.result_delete(result, request.user)
        messages.success(
            request,
            _(
                "Het maatschappelijk resultaat is verwijderd. U kunt het herstellen onder "
                "‘Verwijderde resultaten’."
            ),
        )
        return redirect("results:programme_results", pk=programme.pk)
    return render(
        request,
        "results/result_confirm_delete.html",
        _context(
            request,
            programme,
            result=result,
            cancel_url=result_url(result),
            activities=restore.linked_activities(result),
        ),
    )


@login_required
@require_POST
def result_restore(request, pk: int):
    change = get_object_or_404(ResultChange, pk=pk, kind=ResultChange.Kind.DELETED)
    programme = programme_or_404(request.user, change.programme_id, edit=True)
    if change.restored_at is not None:
        messages.info(request, _("Dit resultaat is al hersteld."))
        return redirect("results:programme_results", pk=programme.pk)
    result = restore.restore_result(change, request.user)
    messages.success(request, _("Het maatschappelijk resultaat is hersteld."))
    return redirect(result_url(result))


urlpatterns = [
    path("programma/<int:pk>/", programme_results, name="programme_results"),
    path("programma/<int:pk>/nieuw/", result_create, name="create"),
    path("<int:pk>/bewerken/", result_edit, name="edit"),
    path("<int:pk>/status/", result_status, name="status"),
    path("<int:pk>/geschiedenis/", result_history, name="history"),
    path("<int:pk>/verwijderen/", result_delete, name="delete"),
    path("verwijderd/<int:pk>/herstellen/", result_restore, name="restore"),
]
