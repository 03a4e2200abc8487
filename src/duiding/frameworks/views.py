"""Framework pages: read for everyone logged in, edit for a beheerder (htmx where it helps; every
form also works as a plain page without JavaScript)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from duiding.core.versioning import save_or_stale
from duiding.frameworks import permissions, selectors, services
from duiding.frameworks.forms import (
    AmbitionForm,
    DomainIndicatorAddForm,
    FrameworkCreateForm,
    NameOrderForm,
)
from duiding.indicators.permissions import indicators_visible


def _status(request, stale=None) -> int:
    if stale is not None:
        return 409
    return 400 if request.method == "POST" else 200


def _without_version(form) -> dict:
    return {k: v for k, v in form.cleaned_data.items() if k != "version"}


def _framework_url(framework, anchor: str = "") -> str:
    url = reverse("frameworks:detail", args=[framework.slug])
    return f"{url}#{anchor}" if anchor else url


@login_required
def framework_list(request):
    frameworks = [
        (fw, selectors.framework_structure(fw))
        for fw in permissions.frameworks_visible(request.user).order_by("-is_default", "name")
    ]
    return render(
        request,
        "frameworks/framework_list.html",
        {
            "frameworks": frameworks,
            "can_create": permissions.can_create_framework(request.user),
            "nav": "frameworks",
        },
    )


@login_required
def framework_create(request):
    """A new framework for another municipality (or shared): empty, or a copy of one the
    beheerder sees (?kopie=<slug> proposes it), copied in one transaction."""
    if not permissions.can_create_framework(request.user):
        raise PermissionDenied
    visible = permissions.frameworks_visible(request.user).order_by("-is_default", "name")
    initial = {}
    source = visible.filter(slug=request.GET.get("kopie", "")).first()
    if source is not None:
        initial = {
            "copy_of": source.pk,
            "name": _("%(name)s (kopie)") % {"name": source.name},
            "description": source.description,
            "source": source.source,
        }
    form = FrameworkCreateForm(request.POST or None, frameworks=visible, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            framework = services.framework_create(**form.cleaned_data)
        except services.FrameworkError as error:
            form.add_error(error.field, error.message)
        else:
            copied = form.cleaned_data["copy_of"]
            if copied is not None:
                message = _(
                    "Het raamwerk %(name)s is aangemaakt als kopie van %(source)s. Wijzigingen "
                    "hier veranderen het origineel niet."
                ) % {"name": framework.name, "source": copied.name}
            else:
                message = _(
                    "Het raamwerk %(name)s is aangemaakt. Voeg pijlers, domeinen en ambities toe."
                ) % {"name": framework.name}
            messages.success(request, message)
            return redirect(_framework_url(framework))
    return render(
        request,
        "frameworks/framework_form.html",
        {"form": form, "nav": "frameworks"},
        status=_status(request) if form.errors else 200,
    )


@login_required
def framework_detail(request, slug: str):
    framework = permissions.framework_or_404(request.user, slug)
    return render(
        request,
        "frameworks/framework_detail.html",
        {
            "framework": framework,
            "pillars": selectors.framework_structure(framework),
            "can_edit": permissions.can_edit_framework(request.user, framework),
            "can_create": permissions.can_create_framework(request.user),
            "nav": "frameworks",
        },
    )


@login_required
def pillar_edit(request, pk: int):
    pillar = permissions.pillar_or_404(request.user, pk, edit=True)
    siblings = pillar.framework.pillars.exclude(pk=pillar.pk)
    form = NameOrderForm(
        request.POST or None, initial=NameOrderForm.initial_for(pillar), siblings=siblings
    )
    stale = None
    if request.method == "POST" and form.is_valid():
        stale = save_or_stale(
            form,
            lambda: services.pillar_update(
                pillar=pillar,
                expected_version=form.cleaned_data.get("version"),
                **form.fields_data(),
            ),
        )
        if stale is None:
            messages.success(request, _("De pijler is opgeslagen."))
            return redirect(_framework_url(pillar.framework, f"pijler-{pillar.pk}"))
    return render(
        request,
        "frameworks/name_order_edit.html",
        {
            "form": form,
            "object": pillar,
            "framework": pillar.framework,
            "title": _("Pijler %(name)s bewerken") % {"name": pillar.name},
            "stale": stale,
            "nav": "frameworks",
        },
        status=_status(request, stale),
    )


def _name_order_page(request, form, framework, title: str):
    return render(
        request,
        "frameworks/name_order_edit.html",
        {"form": form, "framework": framework, "title": title, "nav": "frameworks"},
        status=_status(request),
    )


@login_required
def pillar_new(request, slug: str):
    framework = permissions.framework_or_404(request.user, slug, edit=True)
    last = framework.pillars.order_by("-order").first()
    form = NameOrderForm(
        request.POST or None,
        initial={"order": last.order + 1 if last else 1},
        siblings=framework.pillars.all(),
    )
    if request.method == "POST" and form.is_valid():
        pillar = services.pillar_create(framework=framework, **form.fields_data())
        messages.success(request, _("De pijler %(name)s is toegevoegd.") % {"name": pillar.name})
        return redirect(_framework_url(framework, f"pijler-{pillar.pk}"))
    return _name_order_page(request, form, framework, _("Pijler toevoegen"))


@login_required
def domain_new(request, pk: int):
    pillar = permissions.pillar_or_404(request.user, pk, edit=True)
    last = pillar.domains.order_by("-order").first()
    form = NameOrderForm(
        request.POST or None,
        initial={"order": last.order + 1 if last else 1},
        siblings=pillar.domains.all(),
    )
    if request.method == "POST" and form.is_valid():
        domain = services.domain_create(pillar=pillar, **form.fields_data())
        messages.success(request, _("Het domein %(name)s is toegevoegd.") % {"name": domain.name})
        return redirect(_framework_url(pillar.framework, f"domein-{domain.pk}"))
    title = _("Domein toevoegen aan pijler %(name)s") % {"name": pillar.name}
    return _name_order_page(request, form, pillar.framework, title)


def _domain_page(request, domain, *, form=None, add_form=None, notice="", status=200, stale=None):
    linked = domain.indicators.values("pk")
    context = {
        "domain": domain,
        "framework": domain.pillar.framework,
        "form": form or NameOrderForm(initial=NameOrderForm.initial_for(domain)),
        "add_form": add_form
        or DomainIndicatorAddForm(
            indicators=indicators_visible(request.user).exclude(pk__in=linked)
        ),
        "links": selectors.domain_links(domain),
        "notice": notice,
        "stale": stale,
        "nav": "frameworks",
    }
    template = (
        "frameworks/_domain_indicators.html"
        if request.htmx and request.method == "POST"
        else "frameworks/domain_edit.html"
    )
    return render(request, template, context, status=status)


@login_required
def domain_edit(request, pk: int):
    domain = permissions.domain_or_404(request.user, pk, edit=True)
    form, stale = None, None
    if request.method == "POST":
        form = NameOrderForm(request.POST, siblings=domain.pillar.domains.exclude(pk=domain.pk))
        if form.is_valid():
            stale = save_or_stale(
                form,
                lambda: services.domain_update(
                    domain=domain,
                    expected_version=form.cleaned_data.get("version"),
                    **form.fields_data(),
                ),
            )
            if stale is None:
                messages.success(request, _("Het domein is opgeslagen."))
                return redirect(_framework_url(domain.pillar.framework, f"domein-{domain.pk}"))
    status = _status(request, stale)
    return _domain_page(request, domain, form=form, status=status, stale=stale)


@login_required
def domain_indicator_add(request, pk: int):
    domain = permissions.domain_or_404(request.user, pk, edit=True)
    if request.method != "POST":
        return redirect("frameworks:domain_edit", pk=domain.pk)
    add_form = DomainIndicatorAddForm(request.POST, indicators=indicators_visible(request.user))
    if add_form.is_valid():
        indicator = add_form.cleaned_data["indicator"]
        services.domain_indicator_add(domain=domain, indicator=indicator)
        notice = _("%(indicator)s is gekoppeld aan %(domain)s.") % {
            "indicator": indicator.name,
            "domain": domain.name,
        }
        if request.htmx:
            return _domain_page(request, domain, notice=notice)
        messages.success(request, notice)
        return redirect("frameworks:domain_edit", pk=domain.pk)
    return _domain_page(request, domain, add_form=add_form, status=400)


@login_required
def domain_indicator_remove(request, pk: int, indicator_pk: int):
    domain = permissions.domain_or_404(request.user, pk, edit=True)
    indicator = get_object_or_404(indicators_visible(request.user), pk=indicator_pk)
    if request.method == "POST":
        services.domain_indicator_remove(domain=domain, indicator=indicator)
        notice = _("%(indicator)s is losgekoppeld van %(domain)s.") % {
            "indicator": indicator.name,
            "domain": domain.name,
        }
        if request.htmx:
            return _domain_page(request, domain, notice=notice)
        messages.success(request, notice)
        return redirect("frameworks:domain_edit", pk=domain.pk)
    return render(
        request,
        "frameworks/confirm_delete.html",
        {
            "title": _("Indicator loskoppelen"),
            "question": _(
                "Weet u zeker dat u %(indicator)s loskoppelt van het domein %(domain)s? "
                "De cijfers zelf blijven bewaard."
            )
            % {"indicator": indicator.name, "domain": domain.name},
            "confirm": _("Ja, loskoppelen"),
            "cancel_url": reverse("frameworks:domain_edit", args=[domain.pk]),
            "nav": "frameworks",
        },
    )


@login_required
def ambition_new(request, slug: str):
    framework = permissions.framework_or_404(request.user, slug, edit=True)
    initial = {}
    if request.GET.get("pijler", "").isdigit():
        initial["pillar"] = request.GET["pijler"]
    form = AmbitionForm(request.POST or None, framework=framework, initial=initial)
    if request.method == "POST" and form.is_valid():
        ambition = services.ambition_create(framework=framework, **_without_version(form))
        messages.success(request, _("De ambitie is toegevoegd."))
        return redirect(_framework_url(framework, f"pijler-{ambition.pillar_id}"))
    return render(
        request,
        "frameworks/ambition_form.html",
        {
            "form": form,
            "framework": framework,
            "title": _("Ambitie toevoegen"),
            "nav": "frameworks",
        },
        status=_status(request),
    )


@login_required
def ambition_edit(request, pk: int):
    ambition = permissions.ambition_or_404(request.user, pk, edit=True)
    form = AmbitionForm(
        request.POST or None,
        framework=ambition.framework,
        initial=AmbitionForm.initial_for(ambition),
    )
    stale = None
    if request.method == "POST" and form.is_valid():
        stale = save_or_stale(
            form,
            lambda: services.ambition_update(
                ambition=ambition,
                expected_version=form.cleaned_data.get("version"),
                **_without_version(form),
            ),
        )
        if stale is None:
            messages.success(request, _("De ambitie is opgeslagen."))
            return redirect(_framework_url(ambition.framework, f"pijler-{ambition.pillar_id}"))
    return render(
        request,
        "frameworks/ambition_form.html",
        {
            "form": form,
            "framework": ambition.framework,
            "ambition": ambition,
            "title": _("Ambitie bewerken"),
            "stale": stale,
            "nav": "frameworks",
        },
        status=_status(request, stale),
    )


@login_required
def ambition_delete(request, pk: int):
    ambition = permissions.ambition_or_404(request.user, pk, edit=True)
    framework = ambition.framework
    if request.method == "POST":
        services.ambition_delete(ambition=ambition)
        messages.success(request, _("De ambitie is verwijderd."))
        return redirect(_framework_url(framework, f"pijler-{ambition.pillar_id}"))
    return render(
        request,
        "frameworks/confirm_delete.html",
        {
            "title": _("Ambitie verwijderen"),
            "question": _("Weet u zeker dat u deze ambitie verwijdert? “%(text)s”")
            % {"text": ambition.text},
            "confirm": _("Ja, verwijderen"),
            "cancel_url": _framework_url(framework, f"pijler-{ambition.pillar_id}"),
            "nav": "frameworks",
        },
    )
