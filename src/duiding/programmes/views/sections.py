"""Programmes views: one section of the wijkanalyse (domain, pillar, whole picture, qualitative).

The section page shows and saves the texts (optimistic lock: a save from an old version is
refused and shows both texts and their difference). The lists of a domain section (chosen
factors, striking figures, missing figures) each have their own small POST view; with htmx they
answer with the panel alone, without JavaScript with a redirect back to the page.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from duiding.core.versioning import StaleEdit, form_with_version
from duiding.frameworks.models import Factor
from duiding.indicators.models import Indicator
from duiding.programmes import services
from duiding.programmes.forms import (
    AddFactorForm,
    FactorChoiceForm,
    MissingFigureForm,
    SectionForm,
    StrikingForm,
)
from duiding.programmes.models import AnalysisSection, MissingFigure, StrikingIndicator
from duiding.programmes.page import domain_page, pillar_rows
from duiding.programmes.selectors import programme_analysis, programme_overview
from duiding.programmes.views.shared import (
    optional_url,
    programme_context,
    section_or_404,
)

KIND = AnalysisSection.Kind


def _domain_section(request, pk: int, section_id: int):
    """(programme, section) for a list change: editors only, and only a domain has lists."""
    programme, section = section_or_404(request, pk, section_id, edit=True)
    if section.kind != KIND.DOMAIN:
        raise Http404
    return programme, section


def _section_url(programme, section, anchor: str = "") -> str:
    url = reverse("programmes:section", args=[programme.pk, section.pk])
    return f"{url}#{anchor}" if anchor else url


def _initial(section) -> dict:
    return {
        "analysis": section.analysis,
        "conclusion": section.conclusion,
        "status": section.status,
        "version": section.version,
    }


def section_context(request, programme, section, **forms) -> dict:
    """Everything the section page (and its panels) show."""
    user = request.user
    context = programme_context(
        request,
        programme,
        "summary" if section.kind == KIND.OVERALL else "analysis",
        section=section,
        overview=programme_overview(programme),
        comments_url=optional_url("programmes:section_comments", programme.pk, section.pk),
        conversations_url=optional_url("programmes:conversations", programme.pk),
        history_count=section.versions.count(),
    )
    context["form"] = forms.get("form") or SectionForm(initial=_initial(section), kind=section.kind)
    context["conflict"] = forms.get("conflict")
    context["notice"] = forms.get("notice", "")
    if section.kind == KIND.QUALITATIVE:
        return context
    analysis = programme_analysis(programme, user)
    context["analysis"] = analysis
    if section.kind == KIND.PILLAR:
        context["pillar_rows"] = pillar_rows(analysis, section)
    elif section.kind == KIND.OVERALL:
        context["multi_factors"] = [c for c in analysis.cross_factors if c.domain_count > 1]
    elif section.kind == KIND.DOMAIN:
        page = domain_page(analysis, section)
        context["page"] = page
        context["benchmark"] = analysis.benchmark
        context["factor_errors"] = forms.get("factor_errors", [])
        context["add_factor_form"] = forms.get("add_factor_form") or AddFactorForm(
            factors=Factor.objects.filter(pk__in=[f.pk for f in page.other_factors]),
            prefix="addfactor",
        )
        context["striking_form"] = forms.get("striking_form") or StrikingForm(
            indicators=[r.indicator for r in page.analysis.rows], prefix="striking"
        )
        context["missing_form"] = forms.get("missing_form") or MissingFigureForm(prefix="new")
    return context


def _answer(request, programme, section, partial: str, anchor: str, notice: str, **forms):
    """After a list change: the panel alone for htmx, else back to the page with a message."""
    if request.htmx:
        context = section_context(request, programme, section, notice=notice, **forms)
        return render(request, partial, context)
    if forms:  # invalid input without JavaScript: the whole page with the errors
        context = section_context(request, programme, section, **forms)
        return render(request, "programmes/section.html", context, status=400)
    messages.success(request, notice)
    return redirect(_section_url(programme, section, anchor))


@login_required
def section(request, pk: int, section_id: int):
    editing = request.method == "POST"
    programme, section = section_or_404(request, pk, section_id, edit=editing)
    if not editing:
        return render(
            request, "programmes/section.html", section_context(request, programme, section)
        )
    form = SectionForm(request.POST, kind=section.kind)
    if not form.is_valid():
        context = section_context(request, programme, section, form=form)
        return render(request, "programmes/section.html", context, status=400)
    data = form.cleaned_data
    text = services.SectionText(
        analysis=data["analysis"].strip(),
        conclusion=data.get("conclusion", section.conclusion).strip(),
        status=data["status"],
    )
    try:
        services.section_save(
            section,
            user=request.user,
            based_on_version=data["version"],
            text=text,
            summary=data["summary"],
        )
    except services.EditConflict as conflict:
        # Nothing is lost: the form keeps the editor's text and now names the current version,
        # so saving again (after merging) succeeds.
        retry = SectionForm(
            initial={**_initial(conflict.current), **conflict.mine, "summary": data["summary"]},
            kind=section.kind,
        )
        context = section_context(request, programme, section, form=retry, conflict=conflict)
        return render(request, "programmes/section.html", context, status=409)
    messages.success(request, _("Opgeslagen."))
    return redirect(_section_url(programme, section))


@login_required
@require_POST
def section_factors(request, pk: int, section_id: int):
    programme, section = _domain_section(request, pk, section_id)
    factors = Factor.objects.filter(framework=programme.framework)
    form = FactorChoiceForm(request.POST, factors=factors)
    if not form.is_valid():
        return _answer(
            request,
            programme,
            section,
            "programmes/_factors_panel.html",
            "factoren",
            "",
            factor_errors=form.errors,
        )
    shown = {int(x) for x in request.POST.getlist("shown") if x.isdigit()}
    changed = services.factors_choose(
        section, user=request.user, choices=form.choices, shown=shown or None
    )
    notice = _("De gekozen factoren zijn opgeslagen.") if changed else _("Niets veranderd.")
    return _answer(
        request, programme, section, "programmes/_factors_panel.html", "factoren", notice
    )


@login_required
@require_POST
def section_factor_add(request, pk: int, section_id: int):
    programme, section = _domain_section(request, pk, section_id)
    form = AddFactorForm(
        request.POST,
        factors=Factor.objects.filter(framework=programme.framework),
        prefix="addfactor",
    )
    if not form.is_valid():
        return _answer(
            request,
            programme,
            section,
            "programmes/_factors_panel.html",
            "factoren",
            "",
            add_factor_form=form,
        )
    factor = form.cleaned_data["factor"]
    services.factor_add(section, user=request.user, factor=factor, note=form.cleaned_data["note"])
    notice = _("%(factor)s is gekozen.") % {"factor": factor.name}
    return _answer(
        request, programme, section, "programmes/_factors_panel.html", "factoren", notice
    )


def _figure_indicators(request, programme, section):
    """The indicators of this domain that have a figure here (the ones one can mark)."""
    analysis = programme_analysis(programme, request.user)
    domain = analysis.domain(section.domain_id)
    return [r.indicator for r in domain.rows] if domain else []


@login_required
@require_POST
def section_striking(request, pk: int, section_id: int):
    programme, section = _domain_section(request, pk, section_id)
    form = StrikingForm(
        request.POST, indicators=_figure_indicators(request, programme, section), prefix="striking"
    )
    if not form.is_valid():
        return _answer(
            request,
            programme,
            section,
            "programmes/_figures.html",
            "opvallend",
            "",
            striking_form=form,
        )
    indicator = Indicator.objects.get(pk=form.cleaned_data["indicator"].pk)
    services.striking_mark(
        section, user=request.user, indicator=indicator, note=form.cleaned_data["note"]
    )
    notice = _("%(name)s is gemarkeerd als opvallend.") % {"name": indicator.name}
    return _answer(request, programme, section, "programmes/_figures.html", "opvallend", notice)


def _confirm(request, programme, section, *, title, question, confirm, action):
    return render(
        request,
        "programmes/confirm.html",
        programme_context(
            request,
            programme,
            "analysis",
            section=section,
            title=title,
            question=question,
            confirm=confirm,
            action=action,
            cancel_url=_section_url(programme, section),
        ),
    )


@login_required
def section_striking_remove(request, pk: int, section_id: int, mark_id: int):
    programme, section = _domain_section(request, pk, section_id)
    mark = get_object_or_404(
        StrikingIndicator.objects.select_related("indicator", "section"),
        pk=mark_id,
        section=section,
    )
    if request.method != "POST":
        return _confirm(
            request,
            programme,
            section,
            title=_("Markering opvallend weghalen"),
            question=_("%(name)s niet meer als opvallend markeren?")
            % {"name": mark.indicator.name},
            confirm=_("Ja, weghalen"),
            action=request.path,
        )
    name = mark.indicator.name
    services.striking_unmark(mark, user=request.user)
    notice = _("%(name)s is niet meer gemarkeerd als opvallend.") % {"name": name}
    return _answer(request, programme, section, "programmes/_figures.html", "opvallend", notice)


@login_required
@require_POST
def section_missing_add(request, pk: int, section_id: int):
    programme, section = _domain_section(request, pk, section_id)
    form = MissingFigureForm(request.POST, prefix="new")
    if not form.is_valid():
        return _answer(
            request,
            programme,
            section,
            "programmes/_missing_panel.html",
            "ontbrekende-cijfers",
            "",
            missing_form=form,
        )
    services.missing_figure_add(section, user=request.user, **form.service_fields())
    notice = _("Het ontbrekende cijfer is toegevoegd.")
    return _answer(
        request, programme, section, "programmes/_missing_panel.html", "ontbrekende-cijfers", notice
    )


@login_required
def section_missing_edit(request, pk: int, section_id: int, missing_id: int):
    programme, section = _domain_section(request, pk, section_id)
    missing = get_object_or_404(MissingFigure, pk=missing_id, section=section)
    prefix = f"m{missing.pk}"
    form = MissingFigureForm(request.POST or None, instance=missing, prefix=prefix)
    stale = None
    if request.method == "POST" and form.is_valid():
        try:
            services.missing_figure_update(missing, user=request.user, **form.service_fields())
        except StaleEdit as error:
            stale = error
            form = form_with_version(
                MissingFigureForm, request, error.current.version, prefix, instance=error.current
            )
        else:
            messages.success(request, _("Het ontbrekende cijfer is opgeslagen."))
            return redirect(_section_url(programme, section, "ontbrekende-cijfers"))
    context = programme_context(
        request, programme, "analysis", section=section, form=form, stale=stale
    )
    status = 409 if stale else 400 if request.method == "POST" else 200
    return render(request, "programmes/missing_edit.html", context, status=status)


@login_required
def section_missing_remove(request, pk: int, section_id: int, missing_id: int):
    programme, section = _domain_section(request, pk, section_id)
    missing = get_object_or_404(MissingFigure, pk=missing_id, section=section)
    if request.method != "POST":
        return _confirm(
            request,
            programme,
            section,
            title=_("Ontbrekend cijfer verwijderen"),
            question=_("“%(what)s” van de lijst ontbrekende cijfers verwijderen?")
            % {"what": missing.description},
            confirm=_("Ja, verwijderen"),
            action=request.path,
        )
    services.missing_figure_remove(missing, user=request.user)
    notice = _("Het ontbrekende cijfer is verwijderd.")
    return _answer(
        request, programme, section, "programmes/_missing_panel.html", "ontbrekende-cijfers", notice
    )


_S = "<int:pk>/analyse/<int:section_id>/"
urlpatterns: list = [
    path(_S, section, name="section"),
    path(_S + "factoren/", section_factors, name="section_factors"),
    path(_S + "factoren/toevoegen/", section_factor_add, name="section_factor_add"),
    path(_S + "opvallend/", section_striking, name="section_striking"),
    path(
        _S + "opvallend/<int:mark_id>/verwijderen/",
        section_striking_remove,
        name="section_striking_remove",
    ),
    path(_S + "ontbrekend/", section_missing_add, name="section_missing_add"),
    path(_S + "ontbrekend/<int:missing_id>/", section_missing_edit, name="section_missing_edit"),
    path(
        _S + "ontbrekend/<int:missing_id>/verwijderen/",
        section_missing_remove,
        name="section_missing_remove",
    ),
]
