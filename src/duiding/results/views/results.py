"""Results views: results."""

urlpatterns: list = []
