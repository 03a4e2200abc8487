"""No client address or user agent on the public answer routes.

`PublicAnonymityMiddleware` runs first (settings.MIDDLEWARE) and, for the phone pages under /v/
and the public POST API of responses, blanks every request header and WSGI variable that tells
who or where the client is, in `request.META` (which is the WSGI environ itself). Nothing after
it (views, the rate limit, which counts per questionnaire only, Django's request logging and the
error mails that carry request.META, the API's error handler) can store or log them.

What it cannot reach: the access log of the server in front of Django. `duiding runserver`
logs the request line, status and size, not the address (Django's format), except "Broken pipe
from <address>" at INFO; deploy gunicorn without an access log (the default: no
`--access-logfile`) or with a format without %(h)s, and a proxy that does not log the address
for /v/ (docs/public-answers.md).
"""

from __future__ import annotations

import re

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

PUBLIC_PATHS = re.compile(r"^/(v/|api/v1/questionnaires/[^/]+/responses/?$)")


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
