"""URLs of the outcomes app: staff pages mounted at /outcome/, the public answer pages at /v/
(`public_urls`). Each views module owns its own routes."""

from duiding.outcomes.views import (
    cards,
    entered,
    measurement_plans,
    outcome,
    questionnaires,
    questions,
    share,
    xlsform,
)

app_name = "outcomes"

urlpatterns: list = [
    *outcome.urlpatterns,
    *questionnaires.urlpatterns,
    *questions.urlpatterns,
    *entered.urlpatterns,
    *xlsform.urlpatterns,
    *measurement_plans.urlpatterns,
    *share.urlpatterns,
    *cards.urlpatterns,
]
