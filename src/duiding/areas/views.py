from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from duiding.areas.selectors import area_search, with_level_labels


@login_required
@require_GET
def area_search_view(request):
    """Search results as an htmx partial (or a full page without JavaScript)."""
    q = request.GET.get("q", "")
    areas = with_level_labels(area_search(q, limit=30)) if q.strip() else []
    template = "areas/_search_results.html" if request.htmx else "areas/search.html"
    return render(request, template, {"q": q, "areas": areas})
