"""Forms for editing frameworks (labels and messages in Dutch)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from duiding.areas.models import Area, Level
from duiding.core.versioning import VersionField
from duiding.frameworks.models import Ambition, Domain, Framework, Pillar


def _style(form: forms.Form) -> None:
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.Select):
            widget.attrs.setdefault("class", "utrecht-select")
        elif isinstance(widget, forms.Textarea):
            widget.attrs.setdefault("class", "utrecht-textarea")
        else:
            widget.attrs.setdefault("class", "utrecht-textbox")


class NameOrderForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Naam"), max_length=150)
    order = forms.IntegerField(
        label=gettext_lazy("Volgorde"),
        min_value=0,
        max_value=999,
        help_text=gettext_lazy("Lager komt eerder; gelijke nummers staan op naam."),
    )
    version = VersionField()

    def __init__(self, *args, siblings=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.siblings = siblings  # queryset of the other pillars/domains at the same level
        _style(self)

    @classmethod
    def initial_for(cls, obj) -> dict:
        """The edit form of a pillar or domain as stored, with the version it starts from."""
        return {"name": obj.name, "order": obj.order, "version": obj.version}

    def fields_data(self) -> dict:
        """The name and order, for the services (the version goes separately)."""
        return {"name": self.cleaned_data["name"], "order": self.cleaned_data["order"]}

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Vul een naam in."))
        if self.siblings is not None and self.siblings.filter(name__iexact=name).exists():
            raise forms.ValidationError(
                _("Er is hier al een onderdeel met de naam %(name)s.") % {"name": name}
            )
        return name


class AmbitionForm(forms.Form):
    pillar = forms.ModelChoiceField(label=gettext_lazy("Pijler"), queryset=Pillar.objects.none())
    domain = forms.ModelChoiceField(
        label=gettext_lazy("Domein"),
        queryset=Domain.objects.none(),
        required=False,
        empty_label=gettext_lazy("Geen (geldt voor de hele pijler)"),
    )
    text = forms.CharField(
        label=gettext_lazy("Ambitie"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("Eén zin, bijvoorbeeld: Meer jeugdigen hebben werk."),
    )
    order = forms.IntegerField(
        label=gettext_lazy("Volgorde"), min_value=0, max_value=999, initial=0
    )
    version = VersionField()

    def __init__(self, *args, framework, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pillar"].queryset = framework.pillars.order_by("order", "name")
        self.fields["domain"].queryset = Domain.objects.filter(
            pillar__framework=framework
        ).select_related("pillar")
        self.fields["domain"].label_from_instance = lambda d: f"{d.pillar.name} · {d.name}"
        _style(self)

    def clean(self):
        data = super().clean()
        pillar, domain = data.get("pillar"), data.get("domain")
        if pillar and domain and domain.pillar_id != pillar.pk:
            self.add_error(
                "domain",
                _("Het domein %(domain)s hoort niet bij de pijler %(pillar)s.")
                % {"domain": domain.name, "pillar": pillar.name},
            )
        return data

    @classmethod
    def initial_for(cls, ambition: Ambition) -> dict:
        return {
            "pillar": ambition.pillar_id,
            "domain": ambition.domain_id,
            "text": ambition.text,
            "order": ambition.order,
            "version": ambition.version,
        }


class DomainIndicatorAddForm(forms.Form):
    indicator = forms.ModelChoiceField(
        label=gettext_lazy("Indicator toevoegen"),
        queryset=None,
        empty_label=gettext_lazy("Kies een indicator"),
    )

    def __init__(self, *args, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = indicators.order_by("name")
        self.fields["indicator"].label_from_instance = lambda i: f"{i.name} ({i.code})"
        _style(self)


class FrameworkCreateForm(forms.Form):
    """A new framework, for one municipality or shared, empty or as a copy of another."""

    name = forms.CharField(label=gettext_lazy("Naam"), max_length=200)
    municipality = forms.ModelChoiceField(
        label=gettext_lazy("Gemeente"),
        queryset=Area.objects.none(),
        required=False,
        empty_label=gettext_lazy("Gedeeld: voor alle gemeenten"),
        help_text=gettext_lazy(
            "Programma's van deze gemeente kunnen het raamwerk kiezen (naast de gedeelde)."
        ),
    )
    copy_of = forms.ModelChoiceField(
        label=gettext_lazy("Beginnen met"),
        queryset=Framework.objects.none(),
        required=False,
        empty_label=gettext_lazy("Een leeg raamwerk"),
        help_text=gettext_lazy(
            "Een kopie neemt pijlers, domeinen met hun indicatoren, ambities en factoren over; "
            "daarna staat de kopie los van het origineel."
        ),
    )
    description = forms.CharField(
        label=gettext_lazy("Toelichting"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Waarvoor het raamwerk is, in een paar zinnen."),
    )
    source = forms.CharField(label=gettext_lazy("Bron"), max_length=300, required=False)

    def __init__(self, *args, frameworks, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Area.objects.filter(
            level=Level.MUNICIPALITY
        ).order_by("name")
        self.fields["copy_of"].queryset = frameworks
        _style(self)
