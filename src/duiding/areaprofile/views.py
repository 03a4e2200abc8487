"""Staat van de wijk: search an area, read its figures per pillar and domain, map, exports.

Views stay thin: the benchmark comes from `indicators.selectors.area_benchmark(user=...)`, which
applies visibility (open data plus the user's own organisations' figures); everything shown is
prepared in `page.py`.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from duiding.areaprofile import exports
from duiding.areaprofile.page import (
    ExportData,
    area_page_context,
    benchmark_for,
    map_context,
    map_export_for,
)
from duiding.areas.models import Area, Level
from duiding.areas.selectors import area_get, area_search, with_level_labels
from duiding.core.exports import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE, csv_lines


def _area_or_404(code: str) -> Area:
    area = area_get(code)
    if area is None:
        raise Http404
    return area


@login_required
@require_GET
def index(request):
    """Search by name or code; htmx asks for the results partial while typing."""
    q = request.GET.get("q", "")
    areas = with_level_labels(area_search(q, limit=30)) if q.strip() else []
    context = {"q": q, "areas": areas, "nav": "wijk"}
    if request.htmx:
        return render(request, "areaprofile/_results.html", context)
    context["municipalities"] = with_level_labels(
        Area.objects.filter(level=Level.MUNICIPALITY, children__isnull=False)
        .distinct()
        .order_by("name")[:60]
    )
    return render(request, "areaprofile/index.html", context)


@login_required
@require_GET
def area_page(request, code: str):
    area = _area_or_404(code)
    context = area_page_context(request, area)
    return render(request, "areaprofile/area.html", context)


@login_required
@require_GET
def area_map(request, code: str):
    """The map section alone (htmx swaps it when another indicator is chosen)."""
    area = _area_or_404(code)
    context = map_context(request, area)
    context["area"] = context["map_current"] or area  # the form goes back to the page's area
    template = "areaprofile/_map.html" if request.htmx else "areaprofile/map.html"
    return render(request, template, context)


def _csv_response(data: ExportData, filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        csv_lines(data.header, data.rows(), data.credit),
        content_type=CSV_CONTENT_TYPE,
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _xlsx_response(data: ExportData, filename: str) -> HttpResponse:
    content = exports.xlsx_bytes(
        title=data.title,
        subtitle=data.subtitle,
        header=data.header,
        rows=data.rows(),
        credit=data.credit,
    )
    response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_GET
def export_csv(request, code: str):
    area = _area_or_404(code)
    data = benchmark_for(request, area)
    return _csv_response(data, exports.export_filename(area.code, data.period, "csv"))


@login_required
@require_GET
def export_xlsx(request, code: str):
    area = _area_or_404(code)
    data = benchmark_for(request, area)
    return _xlsx_response(data, exports.export_filename(area.code, data.period, "xlsx"))


@login_required
@require_GET
def map_export_csv(request, code: str):
    area = _area_or_404(code)
    data = map_export_for(request, area)
    return _csv_response(data, exports.export_filename(f"{area.code}_kaart", data.period, "csv"))


@login_required
@require_GET
def map_export_xlsx(request, code: str):
    area = _area_or_404(code)
    data = map_export_for(request, area)
    return _xlsx_response(data, exports.export_filename(f"{area.code}_kaart", data.period, "xlsx"))
