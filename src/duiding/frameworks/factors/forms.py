"""Forms of the factor model pages (labels and messages in Dutch)."""

from __future__ import annotations

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from duiding.core.versioning import VersionField
from duiding.frameworks.factors.selectors import FactorFilter, framework_domains
from duiding.frameworks.forms import _style
from duiding.frameworks.models import AgePhase, Factor, Framework, LifeArea


def _domain_label(domain) -> str:
    return f"{domain.pillar.name} · {domain.name}"


class FactorForm(forms.ModelForm):
    version = VersionField()

    class Meta:
        model = Factor
        fields = [
            "name",
            "kind",
            "rank",
            "explanation",
            "source",
            "life_areas",
            "age_phases",
            "domains",
            "indicators",
        ]
        labels = {
            "name": gettext_lazy("Naam"),
            "kind": gettext_lazy("Soort"),
            "rank": gettext_lazy("Ranking"),
            "explanation": gettext_lazy("Toelichting"),
            "source": gettext_lazy("Bron"),
            "life_areas": gettext_lazy("Leefgebieden"),
            "age_phases": gettext_lazy("Leeftijdsfasen"),
            "domains": gettext_lazy("Domeinen"),
            "indicators": gettext_lazy("Indicatoren"),
        }
        help_texts = {
            "rank": gettext_lazy(
                "Plaats in de ranking van factoren (1 hangt het meest samen met andere "
                "factoren). Laat leeg als de ranking onbekend is."
            ),
            "source": gettext_lazy("Waar komt deze factor vandaan, bijvoorbeeld een rapport."),
            "indicators": gettext_lazy("Cijfers die deze factor meten."),
        }
        widgets = {
            "explanation": forms.Textarea(attrs={"rows": 3}),
            "life_areas": forms.CheckboxSelectMultiple,
            "age_phases": forms.CheckboxSelectMultiple,
            "domains": forms.CheckboxSelectMultiple,
            "indicators": forms.SelectMultiple(attrs={"size": 8}),
        }

    def __init__(self, *args, framework: Framework, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.framework = framework
        if self.instance.pk is None:
            self.instance.framework = framework
        else:
            self.fields["version"].initial = self.instance.version
        self.fields["rank"].validators += [MinValueValidator(1), MaxValueValidator(999)]
        self.fields["rank"].widget.attrs.update(min=1, max=999)
        self.fields["domains"].queryset = framework_domains(framework)
        self.fields["domains"].label_from_instance = _domain_label
        self.fields["indicators"].queryset = indicators.order_by("name")
        self.fields["indicators"].label_from_instance = lambda i: f"{i.name} ({i.code})"
        self.fields["life_areas"].queryset = LifeArea.objects.order_by("order", "name")
        self.fields["age_phases"].queryset = AgePhase.objects.order_by("order", "name")
        _style(self)
        for name in ("life_areas", "age_phases", "domains"):
            self.fields[name].widget.attrs.pop("class", None)
        self.fields["indicators"].widget.attrs["class"] = "utrecht-select"

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Vul een naam in."))
        others = Factor.objects.filter(framework=self.framework, name__iexact=name)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(
                _("Er is in dit raamwerk al een factor met de naam %(name)s.") % {"name": name}
            )
        return name

    def cleaned(self) -> dict:
        return {k: self.cleaned_data[k] for k in self.Meta.fields}

    def mine(self) -> dict:
        """The plain fields as the editor typed them, as text (for a StaleEdit comparison)."""
        data = self.cleaned_data
        return {
            name: (self.fields[name].label, "" if data[name] is None else str(data[name]))
            for name in ("name", "rank", "explanation", "source")
        }


class FactorFilterForm(forms.Form):
    """The filters of the factor list (GET; every field optional)."""

    domein = forms.ModelChoiceField(
        label=gettext_lazy("Domein"),
        queryset=None,
        required=False,
        empty_label=gettext_lazy("Alle domeinen"),
    )
    leefgebied = forms.ModelChoiceField(
        label=gettext_lazy("Leefgebied"),
        queryset=None,
        required=False,
        empty_label=gettext_lazy("Alle leefgebieden"),
    )
    leeftijdsfase = forms.ModelChoiceField(
        label=gettext_lazy("Leeftijdsfase"),
        queryset=None,
        required=False,
        empty_label=gettext_lazy("Alle leeftijdsfasen"),
    )
    soort = forms.ChoiceField(label=gettext_lazy("Soort"), required=False)

    def __init__(self, *args, framework: Framework, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["domein"].queryset = framework_domains(framework)
        self.fields["domein"].label_from_instance = _domain_label
        self.fields["leefgebied"].queryset = LifeArea.objects.order_by("order", "name")
        self.fields["leeftijdsfase"].queryset = AgePhase.objects.order_by("order", "name")
        self.fields["soort"].choices = [("", _("Alle soorten")), *Factor.Kind.choices]
        _style(self)

    def to_filter(self) -> FactorFilter:
        if not self.is_valid():
            return FactorFilter()
        data = self.cleaned_data
        return FactorFilter(
            domain=data.get("domein"),
            life_area=data.get("leefgebied"),
            age_phase=data.get("leeftijdsfase"),
            kind=data.get("soort") or "",
        )


class FactorImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Excel-bestand (.xlsx)"),
        help_text=gettext_lazy(
            "Eén tabblad 'Factoren' met de kolommen van de download. Factoren met dezelfde naam "
            "worden bijgewerkt, nieuwe toegevoegd; bij een fout verandert er niets."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs.update({"accept": ".xlsx", "class": "utrecht-textbox"})
