"""The start page: where a signed-in user begins (the area search, programmes, plan, figures)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from duiding.accounts.permissions import is_data_admin, organisations_for_user
from duiding.home import selectors


@login_required
def home(request):
    context = {
        "organisations": organisations_for_user(request.user),
        "municipalities": selectors.municipalities_with_figures(),
        "indicator_count": selectors.open_indicator_count(),
        "observation_count": selectors.current_observation_count(),
        "is_data_admin": is_data_admin(request.user),
        "recent_runs": selectors.recent_runs_started_by(request.user),
        "due_actions": selectors.my_due_actions(request.user),
    }
    return render(request, "home/home.html", context)
