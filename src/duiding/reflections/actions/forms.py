"""Forms of decisions and improvement actions (Dutch messages naming the field)."""

from __future__ import annotations

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from duiding.accounts.models import Organisation, User
from duiding.activities.forms import style
from duiding.core.forms import DutchDateField
from duiding.core.versioning import VersionField
from duiding.reflections.models import Decision, ImprovementAction


def _named(text: str, label) -> str:
    return gettext(text) % {"field": label}


_named_lazy = lazy(_named, str)


def _messages(label) -> dict:
    """Django's messages naming the field, translated when shown."""
    return {
        "required": _named_lazy(gettext_noop("%(field)s: vul dit in."), label),
        "invalid": _named_lazy(gettext_noop("%(field)s: dit is geen geldige datum."), label),
        "invalid_choice": _named_lazy(
            gettext_noop("%(field)s: kies een van de mogelijkheden."), label
        ),
    }


class Styled(forms.Form):
    """Utrecht classes on the widgets (the house's `activities.forms.style`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style(self)


class DecisionForm(Styled):
    choice = forms.ChoiceField(label=_("Besluit"), error_messages=_messages(_("Besluit")))
    reason = forms.CharField(
        label=_("Reden"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages=_messages(_("Reden")),
    )
    result_indicator = forms.ChoiceField(
        label=_("Welk doel"), required=False, error_messages=_messages(_("Welk doel"))
    )
    new_target = forms.DecimalField(
        label=_("Nieuw doel"),
        required=False,
        max_digits=12,
        decimal_places=3,
        error_messages={"invalid": _("Nieuw doel: vul een getal in.")},
    )

    def __init__(self, *args, activity=None, result=None, **kwargs):
        super().__init__(*args, **kwargs)
        if activity is not None:
            codes = Decision.ACTIVITY_CHOICES
        else:
            codes = Decision.RESULT_CHOICES
        self.fields["choice"].choices = [(c.value, c.label) for c in codes]
        self.for_result = activity is None and result is not None
        if self.for_result:
            rows = [(str(r.pk), str(r)) for r in result.result_indicators.order_by("order", "pk")]
            if result.combined_target_kind:
                rows.insert(0, ("combined", str(_("Gecombineerd doel"))))
            self.fields["result_indicator"].choices = rows
        else:
            del self.fields["result_indicator"]
            del self.fields["new_target"]

    def clean(self):
        data = super().clean()
        if (
            self.for_result
            and data.get("choice") == Decision.Choice.ADJUST_TARGET
            and data.get("new_target") is None
            and "new_target" not in self.errors
        ):
            self.add_error("new_target", _("Nieuw doel: vul het nieuwe doel in."))
        return data


class ActionForm(Styled):
    description = forms.CharField(
        label=_("Wat"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages=_messages(_("Wat")),
    )
    owner_organisation = forms.ModelChoiceField(
        label=_("Wie (organisatie)"),
        queryset=Organisation.objects.none(),
        error_messages=_messages(_("Wie (organisatie)")),
    )
    owner_user = forms.ModelChoiceField(
        label=_("Wie (persoon, niet verplicht)"),
        queryset=User.objects.none(),
        required=False,
        error_messages=_messages(_("Wie (persoon)")),
    )
    due_date = DutchDateField(
        label=_("Wanneer klaar"), error_messages=_messages(_("Wanneer klaar"))
    )

    def __init__(self, *args, reflection=None, **kwargs):
        super().__init__(*args, **kwargs)
        orgs = Organisation.objects.all()
        if reflection is not None:
            ids = {reflection.organisation_id}
            ids |= set(reflection.invited_organisations.values_list("pk", flat=True))
            if reflection.programme_id:
                ids |= set(reflection.programme.partners.values_list("pk", flat=True))
                ids.add(reflection.programme.organisation_id)
            orgs = orgs.filter(pk__in=ids)
        self.fields["owner_organisation"].queryset = orgs.order_by("name")
        self.fields["owner_user"].queryset = (
            User.objects.filter(memberships__organisation__in=orgs).distinct().order_by("username")
        )
        self.fields["owner_user"].label_from_instance = lambda u: u.display_name


class ActionEditForm(Styled):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=ImprovementAction.Status.choices,
        error_messages=_messages(_("Status")),
    )
    due_date = DutchDateField(
        label=_("Wanneer klaar"), error_messages=_messages(_("Wanneer klaar"))
    )
    note = forms.CharField(
        label=_("Toelichting (komt in de geschiedenis)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    version = VersionField()


class LookBackForm(Styled):
    effect_note = forms.CharField(
        label=_("Zien we al effect?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Zien we al effect?: schrijf op wat u ziet.")},
    )
