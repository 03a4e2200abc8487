from django.contrib import admin
from django.urls import include, path

from duiding.api.api import api

urlpatterns = [
    path("api/v1/", api.urls),  # first: an API call resolves without trying the page routes
    path("", include("duiding.home.urls")),
    path("", include("duiding.core.urls")),
    path("account/", include("duiding.accounts.urls")),
    path("gebieden/", include("duiding.areas.urls")),
    path("cijfers/", include("duiding.indicators.urls")),
    path("raamwerken/", include("duiding.frameworks.urls")),
    path("wijk/", include("duiding.areaprofile.urls")),
    path("programmas/", include("duiding.programmes.urls")),
    path("resultaten/", include("duiding.results.urls")),
    path("activiteiten/", include("duiding.activities.urls")),
    path("outcome/", include("duiding.outcomes.urls")),
    path("v/", include("duiding.outcomes.public_urls")),
    path("duidingssessies/", include("duiding.reflections.urls")),
    path("d/", include("duiding.reflections.public_urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("beheer/", admin.site.urls),
]

# Styled Dutch error pages (JSON under /api/); see duiding.core.views.
handler400 = "duiding.core.views.bad_request"
handler403 = "duiding.core.views.permission_denied"
handler404 = "duiding.core.views.page_not_found"
handler500 = "duiding.core.views.server_error"
