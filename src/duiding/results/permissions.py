"""Who may see or change a societal result: whoever may see (edit) its programme."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from duiding.programmes.permissions import can_edit_programme, visible_programmes
from duiding.results.models import SocietalResult


def result_or_404(user, pk, *, edit: bool = False):
    """A societal result if the user may see its programme (and edit it, with edit=True).

    Not visible: Http404; visible but not editable: PermissionDenied (as programme_or_404)."""
    result = get_object_or_404(
        SocietalResult.objects.filter(programme__in=visible_programmes(user)).select_related(
            "programme", "programme__area"
        ),
        pk=pk,
    )
    if edit and not can_edit_programme(user, result.programme):
        raise PermissionDenied
    return result
