"""Import pages: upload a file, follow the run's progress, read its report, list runs."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from duiding.accounts.models import Membership
from duiding.accounts.permissions import is_data_admin, require_data_admin
from duiding.core.middleware import own_size_limit
from duiding.indicators import page_reads
from duiding.indicators.forms import ImportUploadForm
from duiding.indicators.uploads import ImportRefused, import_upload_start, max_upload_bytes
from duiding.jobs import permissions as jobs_permissions
from duiding.jobs import selectors as jobs_selectors
from duiding.jobs.models import ImportRun

# Multipart overhead allowed on top of the file limit (form fields, boundaries, a DataProperties file).
UPLOAD_SLACK_BYTES = 2 * 1024 * 1024


@login_required
def import_list(request):
    return render(
        request,
        "indicators/import_list.html",
        {
            "runs": jobs_selectors.import_runs_for_user(request.user),
            "nav": "imports",
            "can_import": is_data_admin(request.user),
        },
    )


def _too_large_response(request):
    message = _(
        "Het bestand is te groot: u kunt hoogstens %(max)s MB per keer uploaden. Er is niets opgeslagen."
    ) % {"max": max_upload_bytes() // (1024 * 1024)}
    context = {"form": ImportUploadForm(), "upload_error": message, "nav": "imports"}
    return render(request, "indicators/import_new.html", context, status=413)


def _run_organisation(user, kind: str):
    """Own figures belong to the organisation of the beheerder; CBS tables are open data."""
    if kind != ImportRun.Kind.OBSERVATIONS:
        return None
    membership = (
        user.memberships.filter(role=Membership.Role.ADMIN).select_related("organisation").first()
    )
    return membership.organisation if membership else None


@csrf_protect
def _import_new_checked(request):
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        kind = form.cleaned_data["kind"]
        try:
            run = import_upload_start(
                kind=kind,
                uploaded=form.cleaned_data["file"],
                properties=form.cleaned_data.get("properties"),
                options=form.options(),
                user=request.user,
                organisation=_run_organisation(request.user, kind),
            )
        except ImportRefused as exc:
            form.add_error(None, str(exc))
        else:
            return redirect("indicators:import_detail", pk=run.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "indicators/import_new.html", {"form": form, "nav": "imports"}, status=status
    )


@own_size_limit  # MAX_UPLOAD_MB here (announced on the form), not the site-wide MAX_REQUEST_MB
@csrf_exempt  # CSRF is checked by _import_new_checked, after the size check that reads no body.
@login_required
def import_new(request):
    require_data_admin(request.user)
    if request.method == "POST":
        length = int(request.META.get("CONTENT_LENGTH") or 0)
        if length > max_upload_bytes() + UPLOAD_SLACK_BYTES:
            # Refuse before Django reads (and spools) the body.
            return _too_large_response(request)
    return _import_new_checked(request)


def _detail_context(request, run: ImportRun) -> dict:
    context = {"run": run, "nav": "imports"}
    if run.is_finished:
        context["report"] = jobs_selectors.run_report_lines(run)
        context["indicators"] = page_reads.run_indicators(run)
    return context


@login_required
def import_detail(request, pk: int):
    run = jobs_permissions.import_run_or_404(request.user, pk)
    return render(request, "indicators/import_detail.html", _detail_context(request, run))


@login_required
def import_status(request, pk: int):
    """The progress partial polled by htmx every second; reloads the page when the run is done."""
    run = jobs_permissions.import_run_or_404(request.user, pk)
    if not request.htmx:
        return redirect("indicators:import_detail", pk=run.pk)
    response = render(request, "indicators/_import_progress.html", {"run": run})
    if run.is_finished:
        # Reload once: the full page then shows the report and no longer polls.
        response["HX-Refresh"] = "true"
    return response
