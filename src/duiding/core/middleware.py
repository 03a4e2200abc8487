"""Language, request size, and no client address on the public answer routes.

Language: Dutch unless the user chose English with the language switch (cookie).

Django's LocaleMiddleware would follow the browser's Accept-Language, which on many municipal
laptops is English; Duiding is a Dutch application with English as a second, chosen language.

No client address or user agent on the public answer routes: `PublicAnonymityMiddleware` runs
first (settings.MIDDLEWARE) and, for the phone pages under /v/ (questionnaires) and /d/ (live
duidingssessies), the public POST API of responses and the participant API of the live sessions
(/api/v1/live/), blanks every request header and WSGI variable that tells who or where the
client is, in `request.META` (which is the WSGI environ itself). Nothing after it (views, the
rate limit, Django's request logging and the error mails that carry request.META, the API's
error handler) can store or log them.

What it cannot reach: the access log of the server in front of Django. `duiding runserver`
logs the request line, status and size, not the address (Django's format), except "Broken pipe
from <address>" at INFO; deploy gunicorn without an access log (the default: no
`--access-logfile`) or with a format without %(h)s, and a proxy that does not log the address
for /v/ and /d/ (docs/public-answers.md).
"""

import re

from django.conf import settings
from django.utils import translation

from duiding.core.views import error_page


class ChosenLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


def own_size_limit(view):
    """Mark a view that checks the size of its request body itself (the import form, with its
    own announced limit): RequestSizeLimitMiddleware lets it through."""
    view.own_size_limit = True
    return view


class RequestSizeLimitMiddleware:
    """Refuse a request body above MAX_REQUEST_MB with a Dutch 413 page, before Django reads it
    (and before a file is spooled to disk): any form, any user. Views marked `own_size_limit`
    check their own, larger limit."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if getattr(view_func, "own_size_limit", False):
            return None
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_REQUEST_MB * 1024 * 1024:
            return error_page(request, 413)
        return None


# request.META keys blanked (WSGI variables and HTTP_* headers that identify the client).
BLANKED = (
    "REMOTE_ADDR",
    "REMOTE_HOST",
    "REMOTE_PORT",
    "REMOTE_USER",
    "HTTP_USER_AGENT",
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_REAL_IP",
    "HTTP_X_CLIENT_IP",
    "HTTP_CLIENT_IP",
    "HTTP_FORWARDED",
    "HTTP_FORWARDED_FOR",
    "HTTP_X_CLUSTER_CLIENT_IP",
    "HTTP_CF_CONNECTING_IP",
    "HTTP_TRUE_CLIENT_IP",
    "HTTP_SEC_CH_UA",
    "HTTP_SEC_CH_UA_MOBILE",
    "HTTP_SEC_CH_UA_PLATFORM",
    "HTTP_SEC_CH_UA_FULL_VERSION_LIST",
    "HTTP_SEC_CH_UA_MODEL",
    "HTTP_SEC_CH_UA_PLATFORM_VERSION",
    "HTTP_VIA",
)

# The public answer routes: the questionnaire phone pages (/v/), the responses POST API, the
# live session phone pages (/d/) and the participant API of the live sessions.
PUBLIC_PATHS = re.compile(r"^/(v/|d/|api/v1/questionnaires/[^/]+/responses/?$|api/v1/live/)")


def is_public_answer_path(path: str) -> bool:
    return bool(PUBLIC_PATHS.match(path))


def blank_client(meta: dict) -> None:
    for key in BLANKED:
        if key in meta:
            meta[key] = ""
    # Any other client-hint or forwarding header a proxy may add.
    for key in [k for k in meta if k.startswith(("HTTP_SEC_CH_UA", "HTTP_X_FORWARDED_FOR"))]:
        meta[key] = ""


class PublicAnonymityMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_public_answer_path(request.path_info):
            blank_client(request.META)
        return self.get_response(request)
