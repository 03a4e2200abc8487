from django.templatetags.static import static
from django.urls import path
from django.utils.functional import lazy
from django.views.generic import RedirectView

from duiding.core import views

app_name = "core"
urlpatterns = [
    path("health", views.health, name="health"),
    # Browsers and feed readers ask for /favicon.ico whatever the page says; send them to the icon.
    path(
        "favicon.ico",
        RedirectView.as_view(url=lazy(static, str)("duiding/favicon.svg"), permanent=True),
        name="favicon",
    ),
]
