"""Indicator pages: list with search and filters, detail, edit, and defining a derived indicator."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from duiding.accounts.permissions import is_data_admin, require_data_admin
from duiding.core.versioning import save_or_stale
from duiding.indicators import page_reads, permissions, services
from duiding.indicators.forms import DerivedIndicatorForm, IndicatorEditForm, IndicatorFilterForm

PAGE_SIZE = 50


@login_required
def indicator_list(request):
    form = IndicatorFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    dataset = page_reads.dataset_by_code(request.user, filters.get("dataset", ""))
    indicators = page_reads.indicator_search(
        request.user,
        q=filters.get("q", ""),
        domain=filters.get("domain"),
        unit=filters.get("unit", ""),
        dataset=dataset,
    )
    page = Paginator(indicators, PAGE_SIZE).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    context = {
        "form": form,
        "page": page,
        "dataset": dataset,
        "query": query.urlencode(),
        "nav": "indicators",
        "can_edit": is_data_admin(request.user),
    }
    template = (
        "indicators/_indicator_results.html" if request.htmx else "indicators/indicator_list.html"
    )
    return render(request, template, context)


@login_required
def indicator_detail(request, pk: int):
    indicator = permissions.indicator_or_404(request.user, pk)
    context = {
        "indicator": indicator,
        "datasets": page_reads.indicator_datasets(request.user, indicator),
        "periods": page_reads.indicator_periods(indicator),
        "value_count": page_reads.indicator_value_count(indicator),
        "domains": indicator.domains.select_related("pillar__framework"),
        "used_in": page_reads.indicator_used_in(indicator),
        "nav": "indicators",
        "can_edit": is_data_admin(request.user),
    }
    return render(request, "indicators/indicator_detail.html", context)


@login_required
def indicator_edit(request, pk: int):
    require_data_admin(request.user)
    indicator = permissions.indicator_or_404(request.user, pk)
    form = IndicatorEditForm(request.POST or None, instance=indicator)
    stale = None
    if request.method == "POST" and form.is_valid():
        stale = save_or_stale(
            form,
            lambda: services.indicator_update(
                indicator=indicator,
                data=form.cleaned_data,
                domains=form.cleaned_data["domains"],
                expected_version=form.cleaned_data.get("version"),
                mine=form.mine(),
            ),
        )
        if stale is None:
            messages.success(request, _("De indicator is opgeslagen."))
            return redirect("indicators:indicator_detail", pk=indicator.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "indicators/indicator_edit.html",
        {"form": form, "indicator": indicator, "stale": stale, "nav": "indicators"},
        status=409 if stale is not None else status,
    )


@login_required
def derived_new(request):
    require_data_admin(request.user)
    visible = permissions.indicators_visible(request.user)
    initial = {}
    for name in ("numerator", "denominator"):
        if request.GET.get(name, "").isdigit():
            initial[name] = request.GET[name]
    form = DerivedIndicatorForm(request.POST or None, initial=initial, indicators=visible)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        indicator = services.derived_indicator_create(
            code=data["code"],
            name=data["name"],
            definition=data["definition"],
            numerator=data["numerator"],
            denominator=data["denominator"],
            multiplier=data["multiplier"],
            direction=data["direction"],
            organisation=form.organisation(),
        )
        messages.success(
            request,
            _(
                "De afgeleide indicator is vastgelegd. Duiding berekent de waarden op de achtergrond."
            ),
        )
        return redirect("indicators:indicator_detail", pk=indicator.pk)
    return render(
        request,
        "indicators/derived_new.html",
        {"form": form, "nav": "indicators"},
        status=400 if request.method == "POST" else 200,
    )


@require_POST
@login_required
def derived_recompute(request, pk: int):
    require_data_admin(request.user)
    indicator = permissions.indicator_or_404(request.user, pk)
    if indicator.is_derived:
        services.derived_compute_start(indicator=indicator)
        messages.success(request, _("De waarden worden opnieuw berekend."))
    return redirect("indicators:indicator_detail", pk=indicator.pk)
