"""Activities views: plan."""

urlpatterns: list = []
