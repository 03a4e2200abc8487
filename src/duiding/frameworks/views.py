from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from duiding.frameworks.models import Framework


@login_required
def framework_list(request):
    frameworks = Framework.objects.prefetch_related("pillars__domains", "ambitions")
    return render(
        request, "frameworks/framework_list.html", {"frameworks": frameworks, "nav": "frameworks"}
    )
