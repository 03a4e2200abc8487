"""URLs of the results app (mounted at /resultaten/): each views module owns its own routes."""

from duiding.results.views import progress, rekenhulp, results

app_name = "results"

urlpatterns = rekenhulp.urlpatterns + progress.urlpatterns + results.urlpatterns
