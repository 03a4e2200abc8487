"""Programmes views: consultation (ask a colleague for feedback, the feedback inbox) and the
routes of the comments (`consultation_comments`) and the partner conversations
(`consultation_conversations`).

Access: whoever sees the programme (`programme_or_404`) reads; editors of the owning
organisation ask, close and reopen; anybody else gets a 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from duiding.programmes.consultation import selectors, services
from duiding.programmes.consultation.forms import FeedbackRequestForm
from duiding.programmes.consultation.views import comments, conversations
from duiding.programmes.consultation.views.common import programme_context
from duiding.programmes.permissions import programme_or_404


def _consultation_page(request, programme, *, form=None, status=200):
    user = request.user
    context = programme_context(
        request,
        programme,
        tab="consultation",
        requests=selectors.programme_feedback_requests(programme, user),
        sections=selectors.sections_with_comment_counts(programme),
        own_request=selectors.own_open_request(programme, user),
    )
    if context["can_edit"]:
        context["form"] = form or FeedbackRequestForm(programme=programme, user=user)
    return render(request, "programmes/consultation.html", context, status=status)


@login_required
def consultation(request, pk: int):
    """Ask a colleague for feedback; the list of requests; comments counted per section."""
    if request.method != "POST":
        return _consultation_page(request, programme_or_404(request.user, pk))
    programme = programme_or_404(request.user, pk, edit=True)
    form = FeedbackRequestForm(request.POST, programme=programme, user=request.user)
    if form.is_valid():
        data = form.cleaned_data
        try:
            feedback = services.feedback_request_create(
                programme=programme,
                requested_by=request.user,
                reviewer=data["reviewer"],
                message=data["message"],
                sections=data["sections"],
                link=request.build_absolute_uri(
                    reverse("programmes:consultation", args=[programme.pk])
                ),
            )
        except services.ConsultationError as error:
            form.add_error("reviewer", str(error))
        else:
            messages.success(
                request,
                _("%(name)s is om feedback gevraagd en krijgt een e-mail met de link.")
                % {"name": feedback.reviewer.display_name},
            )
            return redirect("programmes:consultation", pk=programme.pk)
    return _consultation_page(request, programme, form=form, status=400)


@login_required
@require_POST
def feedback_close(request, pk: int, request_id: int):
    programme = programme_or_404(request.user, pk, edit=True)
    feedback = get_object_or_404(programme.feedback_requests, pk=request_id)
    services.feedback_request_close(feedback_request=feedback, user=request.user)
    messages.success(
        request,
        _("Het verzoek aan %(name)s is gesloten; de collega kan nog lezen maar niet meer reageren.")
        % {"name": feedback.reviewer.display_name},
    )
    return redirect(reverse("programmes:consultation", args=[programme.pk]) + "#verzoeken")


@login_required
@require_POST
def feedback_reopen(request, pk: int, request_id: int):
    programme = programme_or_404(request.user, pk, edit=True)
    feedback = get_object_or_404(programme.feedback_requests, pk=request_id)
    try:
        services.feedback_request_reopen(feedback_request=feedback, user=request.user)
    except services.ConsultationError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Het verzoek aan %(name)s is weer open.") % {"name": feedback.reviewer.display_name},
        )
    return redirect(reverse("programmes:consultation", args=[programme.pk]) + "#verzoeken")


@login_required
def feedback_inbox(request):
    """The feedback asked of the user (open first) and asked by the user, across programmes."""
    return render(
        request,
        "programmes/feedback_inbox.html",
        {"inbox": selectors.feedback_inbox(request.user), "nav": "feedback"},
    )


urlpatterns: list = [
    path("feedback/", feedback_inbox, name="feedback_inbox"),
    path("<int:pk>/consultatie/", consultation, name="consultation"),
    path("<int:pk>/consultatie/<int:request_id>/sluiten/", feedback_close, name="feedback_close"),
    path(
        "<int:pk>/consultatie/<int:request_id>/heropenen/",
        feedback_reopen,
        name="feedback_reopen",
    ),
    *comments.urlpatterns,
    *conversations.urlpatterns,
]
