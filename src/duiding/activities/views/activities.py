"""Activities views: activities."""

urlpatterns: list = []
