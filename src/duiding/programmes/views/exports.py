"""Programmes views: exports — the analysis workbook (Excel) and one CSV per table.

The downloads page itself is `workspace.downloads`; it includes `programmes/_downloads.html`,
which links to these routes. Every route needs a login and a programme the user may see
(`programme_or_404`: 404 for anybody else, as on the pages).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.urls import path
from django.views.decorators.http import require_GET

from duiding.core.exports import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE, csv_lines
from duiding.frameworks.models import Factor
from duiding.programmes.exports_csv import TABLES, csv_credit, csv_filename
from duiding.programmes.permissions import programme_or_404
from duiding.programmes.selectors import programme_analysis
from duiding.programmes.workbook import programme_workbook, workbook_filename


def _attachment(response, filename: str):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def workbook(request, pk: int):
    programme = programme_or_404(request.user, pk)
    analysis = programme_analysis(programme, request.user)
    ranking = (
        Factor.objects.filter(framework=programme.framework, rank__isnull=False)
        .prefetch_related("domains")
        .order_by("rank", "name")
    )
    content = programme_workbook(analysis, ranking_factors=list(ranking))
    response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
    return _attachment(response, workbook_filename(programme))


@login_required
@require_GET
def csv_table(request, pk: int, table: str):
    programme = programme_or_404(request.user, pk)
    spec = TABLES.get(table)
    if spec is None:
        raise Http404
    analysis = programme_analysis(programme, request.user)
    head, rows = spec.build(analysis)
    response = StreamingHttpResponse(
        csv_lines(head, rows, csv_credit(analysis)), content_type=CSV_CONTENT_TYPE
    )
    return _attachment(response, csv_filename(programme, table))


urlpatterns: list = [
    path("<int:pk>/werkboek.xlsx", workbook, name="workbook"),
    path("<int:pk>/csv/<slug:table>.csv", csv_table, name="csv"),
]
