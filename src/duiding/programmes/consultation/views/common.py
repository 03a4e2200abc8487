"""Shared bits of the consultation views: the context every programme page of this part gets
(the frame is the workspace's `programmes/base_programme.html`)."""

from __future__ import annotations

from duiding.programmes.permissions import can_comment_programme, can_edit_programme


def programme_context(request, programme, *, tab: str, **extra) -> dict:
    context = {
        "programme": programme,
        "tab": tab,
        "nav": "programmes",
        "can_edit": can_edit_programme(request.user, programme),
        "can_comment": can_comment_programme(request.user, programme),
    }
    context.update(extra)
    return context


def form_status(request, form=None) -> int:
    """400 for a refused POST (so tests and tools see it), 200 otherwise."""
    if request.method == "POST" and (form is None or form.errors):
        return 400
    return 200
