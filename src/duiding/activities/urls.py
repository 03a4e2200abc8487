"""URLs of the activities app (mounted at /activiteiten/): each views module owns its own routes."""

from duiding.activities.plan.views import pages as plan
from duiding.activities.views import activities, matrix

app_name = "activities"

urlpatterns = activities.urlpatterns + matrix.urlpatterns + plan.urlpatterns
