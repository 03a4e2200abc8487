from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from duiding.accounts import services
from duiding.accounts.forms import TokenCreateForm


@login_required
def token_list(request):
    new_token = None
    if request.method == "POST" and "revoke" in request.POST:
        if services.token_revoke(user=request.user, token_id=int(request.POST["revoke"])):
            messages.success(request, _("De API-sleutel is ingetrokken."))
        return redirect("accounts:tokens")
    form = TokenCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _token, new_token = services.token_create(user=request.user, name=form.cleaned_data["name"])
    tokens = request.user.api_tokens.filter(revoked=False).order_by("-created_at")
    return render(
        request, "accounts/tokens.html", {"form": form, "tokens": tokens, "new_token": new_token}
    )
