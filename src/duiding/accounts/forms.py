from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "Deze combinatie van gebruikersnaam en wachtwoord kennen we niet. Let op hoofdletters. "
            "Na vijf mislukte pogingen wordt inloggen een kwartier geblokkeerd."
        ),
        "inactive": _("Dit account is niet actief."),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("Gebruikersnaam")
        self.fields["password"].label = _("Wachtwoord")


class TokenCreateForm(forms.Form):
    name = forms.CharField(
        label=_("Waarvoor gebruikt u deze sleutel?"), max_length=100, required=False
    )
