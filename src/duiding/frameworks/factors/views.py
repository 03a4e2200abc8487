"""Factor model pages: read for everyone who sees the framework, edit for who may edit it.

Every form works without JavaScript. Hidden frameworks are 404, edit URLs of a visible framework
403 for a non-editor (as the other framework pages).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from duiding.core.versioning import save_or_stale
from duiding.frameworks.factors import excel, history, services
from duiding.frameworks.factors.forms import FactorFilterForm, FactorForm, FactorImportForm
from duiding.frameworks.factors.selectors import factor_get_for_user, factor_list
from duiding.frameworks.permissions import can_edit_framework, framework_or_404
from duiding.indicators.permissions import indicators_visible

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _list_url(framework) -> str:
    return reverse("frameworks:factor_list", args=[framework.slug])


def _detail_url(factor) -> str:
    return reverse("frameworks:factor_detail", args=[factor.framework.slug, factor.pk])


@login_required
def factor_list_view(request, slug: str):
    framework = framework_or_404(request.user, slug)
    filter_form = FactorFilterForm(request.GET or None, framework=framework)
    flt = filter_form.to_filter()
    return render(
        request,
        "frameworks/factor_list.html",
        {
            "framework": framework,
            "filter_form": filter_form,
            "filtered": flt.active,
            "factors": factor_list(framework, flt),
            "deleted": history.deleted_factors(framework),
            "can_edit": can_edit_framework(request.user, framework),
            "nav": "frameworks",
        },
    )


@login_required
def factor_detail(request, slug: str, pk: int):
    factor = factor_get_for_user(request.user, slug, pk)
    return render(
        request,
        "frameworks/factor_detail.html",
        {
            "factor": factor,
            "framework": factor.framework,
            "history": history.factor_history(factor),
            "can_edit": can_edit_framework(request.user, factor.framework),
            "nav": "frameworks",
        },
    )


def _form_page(request, form, framework, title, factor=None, stale=None):
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "frameworks/factor_form.html",
        {
            "form": form,
            "framework": framework,
            "factor": factor,
            "title": title,
            "stale": stale,
            "nav": "frameworks",
        },
        status=409 if stale is not None else status,
    )


@login_required
def factor_new(request, slug: str):
    framework = framework_or_404(request.user, slug, edit=True)
    form = FactorForm(
        request.POST or None, framework=framework, indicators=indicators_visible(request.user)
    )
    if request.method == "POST" and form.is_valid():
        factor = services.factor_create(framework=framework, user=request.user, **form.cleaned())
        messages.success(request, _("De factor is toegevoegd."))
        return redirect(_detail_url(factor))
    return _form_page(request, form, framework, _("Factor toevoegen"))


@login_required
def factor_edit(request, slug: str, pk: int):
    factor = factor_get_for_user(request.user, slug, pk, write=True)
    form = FactorForm(
        request.POST or None,
        instance=factor,
        framework=factor.framework,
        indicators=indicators_visible(request.user),
    )
    title = _("Factor %(name)s bewerken") % {"name": factor.name}
    stale = None
    if request.method == "POST" and form.is_valid():
        stale = save_or_stale(
            form,
            lambda: services.factor_update(
                factor=factor,
                user=request.user,
                expected_version=form.cleaned_data.get("version"),
                mine=form.mine(),
                **form.cleaned(),
            ),
        )
        if stale is None:
            messages.success(request, _("De factor is opgeslagen."))
            return redirect(_detail_url(factor))
    return _form_page(request, form, factor.framework, title, factor, stale)


@login_required
def factor_delete(request, slug: str, pk: int):
    factor = factor_get_for_user(request.user, slug, pk, write=True)
    framework = factor.framework
    if request.method == "POST":
        name = factor.name
        services.factor_delete(factor=factor, user=request.user)
        messages.success(request, _("De factor %(name)s is verwijderd.") % {"name": name})
        return redirect(_list_url(framework))
    uses = services.factor_uses(factor, request.user)
    return render(
        request,
        "frameworks/confirm_delete.html",
        {
            "title": _("Factor verwijderen"),
            "question": _(
                "Weet u zeker dat u de factor “%(name)s” verwijdert? Analyses die deze factor "
                "kozen, verliezen die keuze; dat komt in de geschiedenis van elk analysedeel."
            )
            % {"name": factor.name},
            "uses": uses.shown,
            "hidden_uses": uses.hidden,
            "confirm": _("Ja, verwijderen"),
            "cancel_url": _detail_url(factor),
            "nav": "frameworks",
        },
    )


@login_required
def factor_confirm(request, slug: str, pk: int):
    factor = factor_get_for_user(request.user, slug, pk, write=True)
    if request.method == "POST":
        services.factor_confirm(factor=factor, user=request.user)
        messages.success(
            request, _("De factor %(name)s is bevestigd door de gemeente.") % {"name": factor.name}
        )
        if request.POST.get("next") == "list":
            return redirect(_list_url(factor.framework))
    return redirect(_detail_url(factor))


@login_required
def factor_export(request, slug: str):
    framework = framework_or_404(request.user, slug)
    response = HttpResponse(excel.factors_export(framework), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="factoren-{framework.slug}.xlsx"'
    return response


@login_required
def factor_import(request, slug: str):
    framework = framework_or_404(request.user, slug, edit=True)
    form = FactorImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            summary = excel.factors_import(
                framework=framework,
                file=form.cleaned_data["file"],
                indicators=indicators_visible(request.user),
                user=request.user,
            )
        except excel.FactorImportError as refused:
            errors = refused.messages
        else:
            messages.success(
                request,
                _("Het factorenmodel is ingelezen: %(created)s, %(updated)s, %(unchanged)s.")
                % {
                    "created": ngettext("%(n)s nieuw", "%(n)s nieuw", summary.created)
                    % {"n": summary.created},
                    "updated": ngettext("%(n)s bijgewerkt", "%(n)s bijgewerkt", summary.updated)
                    % {"n": summary.updated},
                    "unchanged": ngettext(
                        "%(n)s ongewijzigd", "%(n)s ongewijzigd", summary.unchanged
                    )
                    % {"n": summary.unchanged},
                },
            )
            return redirect(_list_url(framework))
    return render(
        request,
        "frameworks/factor_import.html",
        {"form": form, "framework": framework, "errors": errors, "nav": "frameworks"},
        status=400 if request.method == "POST" else 200,
    )
