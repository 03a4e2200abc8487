"""Small site-wide views: the health check and the error pages (400, 403, 404, 413, 500, CSRF).

The error pages are Dutch (the active language) and carry the site's header and menu; the 500
page is static (no database, no context processors), so it renders whatever broke. Under /api/
`api.errors.ApiJsonErrorsMiddleware` turns these pages into JSON (`{"detail": ...}`).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _


def health(request):
    return JsonResponse({"status": "ok"})


def _texts(status: int) -> tuple[str, str]:
    """(title, explanation) of an error page."""
    if status == 403:
        return _("Geen toegang"), _(
            "U mag deze pagina niet bekijken of deze handeling niet uitvoeren. Denkt u dat u wel "
            "toegang zou moeten hebben? Vraag het de beheerder van uw organisatie."
        )
    if status == 404:
        return _("Pagina niet gevonden"), _(
            "Deze pagina bestaat niet (meer), of u mag hem niet zien. Controleer het adres of "
            "ga naar de startpagina."
        )
    if status == 413:
        return _("Te groot"), upload_too_large_text()
    return _("Verzoek niet begrepen"), _(
        "De site kon dit verzoek niet verwerken. Probeer het opnieuw vanaf de startpagina."
    )


def upload_too_large_text() -> str:
    return _(
        "Wat u verstuurde is te groot: hoogstens %(max)s MB per keer (een import van cijfers "
        "mag groter zijn: zie de importpagina). Er is niets opgeslagen."
    ) % {"max": settings.MAX_REQUEST_MB}


def error_page(request, status: int, message: str = "") -> HttpResponse:
    """The styled error page with `status`."""
    title, text = _texts(status)
    context = {"status": status, "title": title, "text": text, "message": message}
    return render(request, "core/error.html", context, status=status)


def bad_request(request, exception=None):
    if isinstance(exception, RequestDataTooBig):
        return error_page(request, 413)
    return error_page(request, 400)


def permission_denied(request, exception=None):
    return error_page(request, 403)


def page_not_found(request, exception=None):
    return error_page(request, 404)


def csrf_failure(request, reason: str = ""):
    return error_page(
        request,
        403,
        _(
            "Het formulier is verlopen of kwam niet van deze site (beveiligingscontrole). "
            "Laad de pagina opnieuw en probeer het nog eens; er is niets opgeslagen."
        ),
    )


def server_error(request):
    """Static on purpose: no request context, no database, no context processors."""
    return HttpResponse(loader.get_template("core/500.html").render(), status=500)
