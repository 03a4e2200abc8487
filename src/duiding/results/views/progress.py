"""Results views: progress."""

urlpatterns: list = []
