from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from duiding.accounts.permissions import is_data_admin, require_data_admin, visible_import_runs
from duiding.indicators.models import Indicator


@login_required
def indicator_list(request):
    indicators = Indicator.objects.filter(organisation__isnull=True).order_by("name")
    return render(
        request, "indicators/indicator_list.html", {"indicators": indicators, "nav": "indicators"}
    )


@login_required
def import_list(request):
    runs = visible_import_runs(request.user).select_related("dataset", "started_by")[:100]
    return render(
        request,
        "indicators/import_list.html",
        {"runs": runs, "nav": "imports", "can_import": is_data_admin(request.user)},
    )


@login_required
def import_new(request):
    require_data_admin(request.user)
    return render(request, "indicators/import_new.html", {"nav": "imports"})


@login_required
def import_detail(request, pk: int):
    run = get_object_or_404(visible_import_runs(request.user), pk=pk)
    return render(request, "indicators/import_detail.html", {"run": run, "nav": "imports"})
