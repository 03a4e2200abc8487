"""Who may see a run: its starter, the members of its organisation, and for open-data runs (no
organisation, e.g. CBS tables) the data admins. Built on the generic helpers of
`accounts.permissions`.
"""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404

from duiding.accounts.models import Membership
from duiding.accounts.permissions import is_authenticated, is_data_admin
from duiding.jobs.models import ImportRun


def visible_import_runs(user):
    """Import runs a user may see: their own and their organisations' runs; data admins also see
    the open-data runs (no organisation, e.g. CBS tables). Another organisation's own figures stay
    hidden, also from beheerders elsewhere; a superuser sees everything."""
    if not is_authenticated(user):
        return ImportRun.objects.none()
    if user.is_superuser:
        return ImportRun.objects.all()
    own = Membership.objects.filter(user=user).values("organisation_id")
    visible = Q(started_by=user) | Q(organisation_id__in=own)
    if is_data_admin(user):
        visible |= Q(organisation__isnull=True)
    return ImportRun.objects.filter(visible)


def import_run_or_404(user, pk: int) -> ImportRun:
    """An import run the user may see (visible_import_runs), else Http404."""
    run = visible_import_runs(user).select_related("dataset", "started_by").filter(pk=pk).first()
    if run is None:
        raise Http404
    return run
