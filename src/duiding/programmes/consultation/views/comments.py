"""Comments per section: a fragment for htmx (the workspace's section page loads it), a full page
otherwise. Editors and open reviewers comment; editors mark handled; authors delete their own
unhandled comment. Everybody who sees the programme reads."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from duiding.programmes.consultation import selectors, services
from duiding.programmes.consultation.forms import CommentForm, HandleCommentForm
from duiding.programmes.consultation.views.common import programme_context
from duiding.programmes.models import Comment
from duiding.programmes.permissions import (
    can_comment_programme,
    can_edit_programme,
    programme_or_404,
)


def _section(programme, section_id: int):
    section = get_object_or_404(
        programme.sections.select_related("pillar", "domain"), pk=section_id
    )
    section.label = selectors.section_label(section)
    return section


def _render(request, programme, section, *, form=None, notice="", error="", status=200):
    user = request.user
    context = programme_context(
        request,
        programme,
        tab="consultation",
        section=section,
        comments=selectors.section_comments(section),
        form=form,
        notice=notice,
        error=error,
        own_request=selectors.own_open_request(programme, user),
        closed_request=(
            not can_comment_programme(user, programme)
            and programme.feedback_requests.filter(reviewer=user).exists()
        ),
    )
    if context["can_comment"] and context["form"] is None:
        context["form"] = CommentForm(auto_id=f"id_comment_{section.pk}_%s")
    template = (
        "programmes/_comments.html" if request.htmx else "programmes/consultation_comments.html"
    )
    return render(request, template, context, status=status)


def _page_url(programme, section) -> str:
    return (
        reverse("programmes:section_comments", args=[programme.pk, section.pk])
        + f"#opmerkingen-{section.pk}"
    )


def _done(request, programme, section, notice: str):
    if request.htmx:
        return _render(request, programme, section, notice=notice)
    messages.success(request, notice)
    return redirect(_page_url(programme, section))


def _refused(request, programme, section, error: str):
    if request.htmx:
        return _render(request, programme, section, error=error, status=400)
    messages.error(request, error)
    return redirect(_page_url(programme, section))


@login_required
def section_comments(request, pk: int, section_id: int):
    programme = programme_or_404(request.user, pk)
    section = _section(programme, section_id)
    if request.method != "POST":
        return _render(request, programme, section)
    if not can_comment_programme(request.user, programme):
        raise PermissionDenied
    form = CommentForm(request.POST, auto_id=f"id_comment_{section.pk}_%s")
    if not form.is_valid():
        return _render(request, programme, section, form=form, status=400)
    services.comment_create(section=section, author=request.user, text=form.cleaned_data["text"])
    return _done(request, programme, section, _("Uw opmerking is geplaatst."))


def _comment(request, pk: int, comment_id: int) -> tuple:
    programme = programme_or_404(request.user, pk)
    comment = get_object_or_404(
        Comment.objects.select_related("section__pillar", "section__domain", "author"),
        pk=comment_id,
        section__programme=programme,
    )
    comment.section.label = selectors.section_label(comment.section)
    return programme, comment


@login_required
@require_POST
def comment_handle(request, pk: int, comment_id: int):
    """Only editors mark a comment handled, with an optional note on how."""
    programme, comment = _comment(request, pk, comment_id)
    if not can_edit_programme(request.user, programme):
        raise PermissionDenied
    form = HandleCommentForm(request.POST)
    if not form.is_valid():
        return _refused(request, programme, comment.section, " ".join(form.errors["note"]))
    services.comment_mark_handled(
        comment=comment, user=request.user, note=form.cleaned_data["note"]
    )
    return _done(request, programme, comment.section, _("De opmerking is gemarkeerd als verwerkt."))


@login_required
@require_POST
def comment_unhandle(request, pk: int, comment_id: int):
    programme, comment = _comment(request, pk, comment_id)
    if not can_edit_programme(request.user, programme):
        raise PermissionDenied
    services.comment_mark_unhandled(comment=comment, user=request.user)
    return _done(request, programme, comment.section, _("De opmerking staat weer open."))


@login_required
@require_POST
def comment_delete(request, pk: int, comment_id: int):
    """Only the author, while the comment is unhandled and they may still comment."""
    programme, comment = _comment(request, pk, comment_id)
    if comment.author_id != request.user.pk or not can_comment_programme(request.user, programme):
        raise PermissionDenied
    try:
        services.comment_delete(comment=comment, user=request.user)
    except services.ConsultationError as error:
        return _refused(request, programme, comment.section, str(error))
    return _done(request, programme, comment.section, _("Uw opmerking is verwijderd."))


urlpatterns: list = [
    path(
        "<int:pk>/analyse/<int:section_id>/opmerkingen/",
        section_comments,
        name="section_comments",
    ),
    path("<int:pk>/opmerkingen/<int:comment_id>/verwerkt/", comment_handle, name="comment_handle"),
    path(
        "<int:pk>/opmerkingen/<int:comment_id>/heropenen/",
        comment_unhandle,
        name="comment_unhandle",
    ),
    path(
        "<int:pk>/opmerkingen/<int:comment_id>/verwijderen/",
        comment_delete,
        name="comment_delete",
    ),
]
