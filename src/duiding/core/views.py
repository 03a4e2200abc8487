from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from duiding.accounts.permissions import is_data_admin, organisations_for_user
from duiding.areas.models import Area, Level
from duiding.indicators.models import Indicator, Observation
from duiding.jobs.models import ImportRun


@login_required
def home(request):
    context = {
        "organisations": organisations_for_user(request.user),
        "municipalities": Area.objects.filter(level=Level.MUNICIPALITY, observations__isnull=False)
        .distinct()
        .order_by("name")[:12],
        "indicator_count": Indicator.objects.filter(organisation__isnull=True).count(),
        "observation_count": Observation.objects.filter(is_current=True).count(),
        "is_data_admin": is_data_admin(request.user),
        "recent_runs": ImportRun.objects.filter(started_by=request.user)[:5],
    }
    return render(request, "core/home.html", context)


def health(request):
    from django.http import JsonResponse

    return JsonResponse({"status": "ok"})
