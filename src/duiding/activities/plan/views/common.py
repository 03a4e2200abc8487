"""Shared bits of the plan views: the page context, refused-form status, service errors on forms,
a safe "next" URL."""

from __future__ import annotations

from django.utils.http import url_has_allowed_host_and_scheme

from duiding.programmes.permissions import can_edit_programme

TAB = "plan"


def plan_context(request, programme, **extra) -> dict:
    return {
        "programme": programme,
        "tab": TAB,
        "nav": "programmes",
        "can_edit": can_edit_programme(request.user, programme),
        **extra,
    }


def form_status(request, form=None) -> int:
    """400 for a refused POST (so tests and tools see it), 200 otherwise."""
    if request.method == "POST" and (form is None or form.errors):
        return 400
    return 200


def apply_error(form, error) -> None:
    """A service's PlanError on the field it names (or on the form)."""
    field = getattr(error, "field", None)
    form.add_error(field if field in form.fields else None, str(error))


def safe_next(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default
