"""The public (no account) answer pages, mounted at /v/: the phone questionnaire and its
thank-you page. Kept apart so the middleware that blanks the client address can match them."""

from duiding.outcomes.views import public

app_name = "outcomes_public"

urlpatterns: list = [*public.urlpatterns]
