"""Language and request size.

Language: Dutch unless the user chose English with the language switch (cookie).

Django's LocaleMiddleware would follow the browser's Accept-Language, which on many municipal
laptops is English; Duiding is a Dutch application with English as a second, chosen language.
"""

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
