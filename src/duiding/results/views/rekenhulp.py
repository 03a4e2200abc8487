"""Results views: rekenhulp."""

urlpatterns: list = []
