from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from duiding.areas.selectors import area_get, area_search


@login_required
def index(request):
    q = request.GET.get("q", "")
    areas = area_search(q, limit=30) if q.strip() else []
    return render(request, "areaprofile/index.html", {"q": q, "areas": areas, "nav": "wijk"})


@login_required
def area_page(request, code: str):
    area = area_get(code)
    if area is None:
        raise Http404
    return render(request, "areaprofile/area.html", {"area": area, "nav": "wijk"})
