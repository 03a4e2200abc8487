"""Small helpers shared by the workspace views (lookups with permissions, optional URLs)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import NoReverseMatch, reverse

from duiding.programmes.models import AnalysisSection
from duiding.programmes.permissions import can_edit_programme, programme_or_404


def optional_url(name: str, *args) -> str | None:
    """The URL of a page another part of the workspace adds (None until it exists)."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def optional_template(name: str) -> str | None:
    try:
        get_template(name)
    except TemplateDoesNotExist:
        return None
    return name


def section_or_404(request, pk: int, section_id: int, *, edit: bool = False):
    """(programme, section): 404 unless the user may see the programme and the section is one
    of its; with edit=True a reader gets 403."""
    programme = programme_or_404(request.user, pk, edit=edit)
    section = get_object_or_404(
        AnalysisSection.objects.select_related("pillar", "domain", "updated_by"),
        pk=section_id,
        programme=programme,
    )
    return programme, section


def status_for(request) -> int:
    """A form that did not validate answers 400 on POST (200 when it is only shown)."""
    return 400 if request.method == "POST" else 200


def programme_context(request, programme, tab: str, **extra) -> dict:
    return {
        "programme": programme,
        "tab": tab,
        "can_edit": can_edit_programme(request.user, programme),
        "nav": "programmes",
        **extra,
    }
