"""Pages of the duidingssessies (staff, under /duidingssessies/): one route list per part of the
app (README), joined here so the parts never edit the same file."""

from duiding.reflections import agenda_urls
from duiding.reflections.actions import urls as action_urls
from duiding.reflections.cycle import urls as cycle_urls
from duiding.reflections.live import urls as live_urls

app_name = "reflections"

urlpatterns = [
    *agenda_urls.urlpatterns,
    *live_urls.urlpatterns,
    *action_urls.urlpatterns,
    *cycle_urls.urlpatterns,
]
