"""The participants' phone pages (no account, under /d/): `live.public`. Kept apart so the
middleware that blanks the client address (`core.middleware`) can match them."""

from duiding.reflections.live import public

app_name = "reflections_public"

urlpatterns: list = [*public.urlpatterns]
