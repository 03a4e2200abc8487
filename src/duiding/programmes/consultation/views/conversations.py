"""Qualitative analysis: conversations with partners and their findings (seed 003, "in gesprek
met partners in de wijk"). Everybody who sees the programme reads; editors write."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from duiding.core.versioning import StaleEdit, form_with_version
from duiding.programmes.consultation import selectors, services
from duiding.programmes.consultation.forms import ConversationForm, FindingForm
from duiding.programmes.consultation.views.common import form_status, programme_context
from duiding.programmes.models import Finding
from duiding.programmes.permissions import programme_or_404

TAB = "conversations"


def _detail_url(programme, conversation, anchor: str = "") -> str:
    url = reverse("programmes:conversation", args=[programme.pk, conversation.pk])
    return f"{url}#{anchor}" if anchor else url


@login_required
def conversation_list(request, pk: int):
    programme = programme_or_404(request.user, pk)
    return render(
        request,
        "programmes/conversation_list.html",
        programme_context(
            request,
            programme,
            tab=TAB,
            overview=selectors.conversations_overview(programme),
            qualitative=programme.sections.filter(kind="qualitative").first(),
        ),
    )


def _form_page(request, programme, form, *, conversation=None, stale=None):
    return render(
        request,
        "programmes/conversation_form.html",
        programme_context(
            request, programme, tab=TAB, form=form, conversation=conversation, stale=stale
        ),
        status=409 if stale else form_status(request, form),
    )


@login_required
def conversation_create(request, pk: int):
    programme = programme_or_404(request.user, pk, edit=True)
    if request.method != "POST":
        return _form_page(request, programme, ConversationForm(programme=programme))
    form = ConversationForm(request.POST, programme=programme)
    if form.is_valid():
        try:
            conversation = services.conversation_create(
                programme=programme, user=request.user, **form.service_fields(edit=False)
            )
        except services.ConsultationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Het gesprek is vastgelegd. Voeg nu de bevindingen toe."))
            return redirect(_detail_url(programme, conversation, "nieuwe-bevinding"))
    return _form_page(request, programme, form)


def _detail_page(request, programme, conversation, *, finding_form=None, status=200):
    context = programme_context(request, programme, tab=TAB, conversation=conversation)
    if context["can_edit"]:
        context["finding_form"] = finding_form or FindingForm(programme=programme)
    return render(request, "programmes/conversation_detail.html", context, status=status)


@login_required
def conversation_detail(request, pk: int, conversation_id: int):
    programme = programme_or_404(request.user, pk)
    conversation = selectors.conversation_detail(programme, conversation_id)
    return _detail_page(request, programme, conversation)


@login_required
def conversation_edit(request, pk: int, conversation_id: int):
    programme = programme_or_404(request.user, pk, edit=True)
    conversation = get_object_or_404(programme.conversations, pk=conversation_id)
    if request.method != "POST":
        form = ConversationForm(
            programme=programme, initial=ConversationForm.initial_for(conversation)
        )
        return _form_page(request, programme, form, conversation=conversation)
    form = ConversationForm(request.POST, programme=programme)
    if form.is_valid():
        try:
            services.conversation_update(
                conversation=conversation, user=request.user, **form.service_fields()
            )
        except services.ConsultationError as error:
            form.add_error(None, str(error))
        except StaleEdit as error:
            form = form_with_version(
                ConversationForm, request, error.current.version, programme=programme
            )
            return _form_page(request, programme, form, conversation=conversation, stale=error)
        else:
            messages.success(request, _("Het gesprek is opgeslagen."))
            return redirect(_detail_url(programme, conversation))
    return _form_page(request, programme, form, conversation=conversation)


@login_required
def conversation_delete(request, pk: int, conversation_id: int):
    """Asks for confirmation first (GET); deletes on POST."""
    programme = programme_or_404(request.user, pk, edit=True)
    conversation = get_object_or_404(programme.conversations, pk=conversation_id)
    if request.method == "POST":
        services.conversation_delete(conversation=conversation, user=request.user)
        messages.success(request, _("Het gesprek is verwijderd; de geschiedenis bewaart het."))
        return redirect("programmes:conversations", pk=programme.pk)
    when = date_format(conversation.date)
    n_findings = conversation.findings.count()
    return render(
        request,
        "programmes/conversation_confirm_delete.html",
        programme_context(
            request,
            programme,
            tab=TAB,
            title=_("Gesprek van %(date)s verwijderen") % {"date": when},
            question=ngettext(
                "Weet u zeker dat u het gesprek van %(date)s met %(n)s bevinding wilt "
                "verwijderen? De geschiedenis bewaart een kopie.",
                "Weet u zeker dat u het gesprek van %(date)s met %(n)s bevindingen wilt "
                "verwijderen? De geschiedenis bewaart een kopie.",
                n_findings,
            )
            % {"date": when, "n": n_findings},
            confirm=_("Ja, verwijderen"),
            cancel_url=_detail_url(programme, conversation),
        ),
    )


@login_required
def finding_create(request, pk: int, conversation_id: int):
    programme = programme_or_404(request.user, pk, edit=True)
    conversation = get_object_or_404(programme.conversations, pk=conversation_id)
    if request.method != "POST":
        return redirect(_detail_url(programme, conversation, "nieuwe-bevinding"))
    form = FindingForm(request.POST, programme=programme)
    if form.is_valid():
        try:
            services.finding_create(
                conversation=conversation, user=request.user, **form.service_fields(edit=False)
            )
        except services.ConsultationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("De bevinding is toegevoegd."))
            return redirect(_detail_url(programme, conversation, "bevindingen"))
    conversation = selectors.conversation_detail(programme, conversation.pk)
    return _detail_page(request, programme, conversation, finding_form=form, status=400)


def _finding(request, pk: int, finding_id: int, *, edit: bool = True):
    programme = programme_or_404(request.user, pk, edit=edit)
    finding = get_object_or_404(
        Finding.objects.select_related("conversation", "section__pillar", "section__domain"),
        pk=finding_id,
        conversation__programme=programme,
    )
    return programme, finding


@login_required
def finding_edit(request, pk: int, finding_id: int):
    programme, finding = _finding(request, pk, finding_id)
    conversation = finding.conversation
    stale = None
    if request.method == "POST":
        form = FindingForm(request.POST, programme=programme)
        if form.is_valid():
            try:
                services.finding_update(finding=finding, user=request.user, **form.service_fields())
            except services.ConsultationError as error:
                form.add_error(None, str(error))
            except StaleEdit as error:
                stale = error
                form = form_with_version(
                    FindingForm, request, error.current.version, programme=programme
                )
            else:
                messages.success(request, _("De bevinding is opgeslagen."))
                return redirect(_detail_url(programme, conversation, f"bevinding-{finding.pk}"))
    else:
        form = FindingForm(programme=programme, initial=FindingForm.initial_for(finding))
    return render(
        request,
        "programmes/conversation_finding_form.html",
        programme_context(
            request,
            programme,
            tab=TAB,
            form=form,
            finding=finding,
            conversation=conversation,
            stale=stale,
        ),
        status=409 if stale else form_status(request, form),
    )


@login_required
def finding_delete(request, pk: int, finding_id: int):
    programme, finding = _finding(request, pk, finding_id)
    conversation = finding.conversation
    if request.method == "POST":
        services.finding_delete(finding=finding, user=request.user)
        messages.success(request, _("De bevinding is verwijderd."))
        return redirect(_detail_url(programme, conversation, "bevindingen"))
    return render(
        request,
        "programmes/conversation_confirm_delete.html",
        programme_context(
            request,
            programme,
            tab=TAB,
            title=_("Bevinding verwijderen"),
            question=_("Weet u zeker dat u deze bevinding wilt verwijderen? “%(s)s”")
            % {"s": finding.statement[:200]},
            confirm=_("Ja, verwijderen"),
            cancel_url=_detail_url(programme, conversation, f"bevinding-{finding.pk}"),
        ),
    )


@login_required
@require_POST
def finding_missing_figure(request, pk: int, finding_id: int):
    """Put a finding's signals from practice on its section's missing-figures list."""
    programme, finding = _finding(request, pk, finding_id)
    try:
        services.finding_missing_figure_create(finding=finding, user=request.user)
    except services.ConsultationError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("De signalen staan nu op de lijst met ontbrekende cijfers van %(section)s.")
            % {"section": selectors.section_label(finding.section)},
        )
    if request.POST.get("from") == "list":
        return redirect(reverse("programmes:conversations", args=[programme.pk]) + "#signalen")
    return redirect(_detail_url(programme, finding.conversation, f"bevinding-{finding.pk}"))


urlpatterns: list = [
    path("<int:pk>/gesprekken/", conversation_list, name="conversations"),
    path("<int:pk>/gesprekken/nieuw/", conversation_create, name="conversation_create"),
    path("<int:pk>/gesprekken/<int:conversation_id>/", conversation_detail, name="conversation"),
    path(
        "<int:pk>/gesprekken/<int:conversation_id>/bewerken/",
        conversation_edit,
        name="conversation_edit",
    ),
    path(
        "<int:pk>/gesprekken/<int:conversation_id>/verwijderen/",
        conversation_delete,
        name="conversation_delete",
    ),
    path(
        "<int:pk>/gesprekken/<int:conversation_id>/bevindingen/nieuw/",
        finding_create,
        name="finding_create",
    ),
    path("<int:pk>/bevindingen/<int:finding_id>/bewerken/", finding_edit, name="finding_edit"),
    path(
        "<int:pk>/bevindingen/<int:finding_id>/verwijderen/",
        finding_delete,
        name="finding_delete",
    ),
    path(
        "<int:pk>/bevindingen/<int:finding_id>/ontbrekend-cijfer/",
        finding_missing_figure,
        name="finding_missing_figure",
    ),
]
