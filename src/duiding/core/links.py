"""Absolute links for places without a request (e-mails sent by the demo, a script or a task)."""

from __future__ import annotations

from django.conf import settings


def absolute_url(path: str, request=None) -> str:
    """`path` as a full URL: from the request when there is one, else from `SITE_URL`."""
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.SITE_URL.rstrip("/") + "/" + path.lstrip("/")
