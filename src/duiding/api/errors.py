"""JSON errors under /api/: every error answers `{"detail": "<Dutch message>"}`.

Two layers: the Ninja exception handlers (`install_error_handlers`) for what happens inside an
operation (validation, 401, 403, 404, 500), and `ApiJsonErrorsMiddleware` for what Django or
Ninja answer outside one (an unknown URL, a method the path does not have, a failing middleware),
which would otherwise be an HTML page or an empty body. Nothing about the request (IP address,
user agent) is logged; a 500 logs the traceback only.
"""

from __future__ import annotations

import logging

import orjson
from django.core import signals
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, AuthorizationError, HttpError, ValidationError

from duiding.api.schemas import FIELD_HINTS
from duiding.core.views import upload_too_large_text

logger = logging.getLogger("duiding.api")

API_PREFIX = "/api/"
# Headers of the original error response that the JSON version keeps.
KEPT_HEADERS = ("Allow", "WWW-Authenticate", "Retry-After")


def json_error(detail: str, status: int) -> HttpResponse:
    return HttpResponse(
        orjson.dumps({"detail": detail}),
        status=status,
        content_type="application/json; charset=utf-8",
    )


def status_message(status: int, method: str = "", allowed: str = "") -> str:
    """The Dutch message for an error status without a message of its own."""
    if status == 401:
        return _(
            "Niet aangemeld: stuur een geldig persoonlijk token mee "
            "(Authorization: Bearer <token>) of log in."
        )
    if status == 403:
        return _("Geen toegang.")
    if status == 404:
        return _("Niet gevonden.")
    if status == 413:
        return upload_too_large_text()
    if status == 405:
        return _("De methode %(method)s is hier niet toegestaan (wel: %(allowed)s).") % {
            "method": method,
            "allowed": allowed or "-",
        }
    if status == 429:
        return _("Te veel aanvragen; probeer het later opnieuw.")
    if status >= 500:
        return _("Er ging iets mis op de server; probeer het later opnieuw.")
    return _("Ongeldige aanvraag (status %(status)s).") % {"status": status}


_WHERE = {"path": "pad", "query": "parameter", "body": "body", "header": "header"}


def _field_message(error: dict) -> str:
    loc = [str(part) for part in error.get("loc", ())]
    where = _WHERE.get(loc[0], "") if loc else ""
    # Ninja puts the body parameter's own name after "body"; the field path follows it.
    parts = loc[2:] if loc[:1] == ["body"] and len(loc) > 2 else loc[1:]
    field = ".".join(parts) or where
    kind = error.get("type", "")
    if kind == "missing":
        reason = _("ontbreekt")
    elif kind in ("int_parsing", "int_type", "int_from_float"):
        reason = _("moet een geheel getal zijn")
    elif kind in ("float_parsing", "float_type"):
        reason = _("moet een getal zijn")
    elif kind in ("bool_parsing", "bool_type"):
        reason = _("moet waar of onwaar zijn")
    elif kind in ("json_invalid", "model_attributes_type", "dict_type"):
        reason = _("is geen geldig JSON-object")
    elif kind == "literal_error":
        expected = str(error.get("ctx", {}).get("expected", "")).replace(" or ", " of ")
        reason = _("moet een van deze waarden zijn: %(expected)s") % {"expected": expected}
    elif kind == "string_pattern_mismatch":
        reason = _("heeft niet de verwachte vorm")
        if field in FIELD_HINTS:
            reason = f"{reason} ({FIELD_HINTS[field]})"
    else:
        reason = _("heeft een ongeldige waarde")
    return _("‘%(field)s’ (%(where)s) %(reason)s") % {
        "field": field,
        "where": where,
        "reason": reason,
    }


def validation_message(errors: list[dict]) -> str:
    """One Dutch sentence naming every field that failed."""
    fields = "; ".join(_field_message(e) for e in errors)
    return _("Ongeldige invoer: %(fields)s.") % {"fields": fields}


def install_error_handlers(api) -> None:
    """Dutch JSON answers for the errors raised inside an operation."""

    @api.exception_handler(ValidationError)
    def _validation(request, exc: ValidationError):
        return json_error(validation_message(exc.errors), 422)

    @api.exception_handler(HttpError)
    def _http_error(request, exc: HttpError):
        if isinstance(exc, AuthenticationError | AuthorizationError):
            return json_error(status_message(exc.status_code), exc.status_code)
        message = str(exc)
        if message == "CSRF check Failed":  # Ninja's session auth on a write without a token
            message = _(
                "De CSRF-controle is mislukt: stuur het CSRF-token mee of gebruik een "
                "persoonlijk token."
            )
        return json_error(message, exc.status_code)

    @api.exception_handler(Http404)
    def _not_found(request, exc):
        return json_error(status_message(404), 404)

    @api.exception_handler(PermissionDenied)
    def _forbidden(request, exc):
        return json_error(status_message(403), 403)

    @api.exception_handler(Exception)
    def _server_error(request, exc):
        # As Django does for an unhandled exception (the test client re-raises it from here).
        logger.error("API error on %s", request.path, exc_info=exc)
        signals.got_request_exception.send(sender=None, request=request)
        return json_error(status_message(500), 500)


class ApiJsonErrorsMiddleware:
    """Turns every non-JSON error response under /api/ into `{"detail": ...}` with the same
    status (Django's 404 page for an unknown URL, Ninja's empty 405, a 500 page, a CSRF 403)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code < 400
            or not request.path.startswith(API_PREFIX)
            or response.get("Content-Type", "").startswith("application/json")
        ):
            return response
        status = response.status_code
        message = status_message(status, request.method, response.get("Allow", ""))
        replacement = json_error(message, status)
        for header in KEPT_HEADERS:
            if header in response:
                replacement[header] = response[header]
        return replacement
