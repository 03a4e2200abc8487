"""URLs of the outcomes app: staff pages mounted at /outcome/, the public answer pages at /v/
(`public_urls`). Each views module owns its own routes."""

from duiding.outcomes.views import cards, share

app_name = "outcomes"

urlpatterns: list = [*share.urlpatterns, *cards.urlpatterns]
