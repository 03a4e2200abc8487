"""Activities views: matrix."""

urlpatterns: list = []
