"""Forms for imports, indicators, derived indicators and series aliases (labels and help in Dutch)."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from duiding.core.versioning import VersionField
from duiding.indicators.models import Direction, Indicator, SeriesAlias, UnitKind
from duiding.indicators.periods import parse_period
from duiding.indicators.services import EDITABLE_FIELDS
from duiding.indicators.uploads import ImportRefused, upload_check
from duiding.jobs.models import ImportRun

UPLOAD_KINDS = [
    (ImportRun.Kind.CBS, gettext_lazy("CBS-tabel (StatLine CSV)")),
    (ImportRun.Kind.KWB_EXCEL, gettext_lazy("Kerncijfers wijken en buurten (KWB Excel)")),
    (ImportRun.Kind.OBSERVATIONS, gettext_lazy("Eigen cijfers (CSV of Excel)")),
]


class ImportUploadForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("Soort bestand"),
        choices=UPLOAD_KINDS,
        widget=forms.RadioSelect,
        initial=ImportRun.Kind.CBS,
    )
    file = forms.FileField(label=gettext_lazy("Bestand"))
    properties = forms.FileField(
        label=gettext_lazy("DataProperties (JSON, alleen bij een CBS-tabel)"),
        required=False,
        help_text=gettext_lazy(
            "Optioneel: de beschrijving van de onderwerpen die CBS bij de tabel levert "
            "(DataProperties.json). Daarmee krijgen indicatoren hun CBS-naam en eenheid."
        ),
    )
    period = forms.CharField(
        label=gettext_lazy("Periode (alleen bij een CBS-tabel zonder perioden)"),
        required=False,
        max_length=20,
        help_text=gettext_lazy("Optioneel, bijvoorbeeld 2024, 2024H1 of 2015Q1."),
    )
    year = forms.IntegerField(
        label=gettext_lazy("Jaar (verplicht bij KWB Excel)"),
        required=False,
        min_value=1990,
        max_value=2100,
        help_text=gettext_lazy(
            "Het jaar van de KWB-uitgave, bijvoorbeeld 2024 voor kwb-2024.xlsx."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "CSV (met ; of ,) of Excel (.xlsx). Hoogstens %(max)s MB per bestand."
        ) % {"max": settings.MAX_UPLOAD_MB}
        self.fields["file"].widget.attrs["accept"] = ".csv,.txt,.xlsx"
        self.fields["properties"].widget.attrs["accept"] = ".json,application/json"
        self.fields["period"].widget.attrs["class"] = "utrecht-textbox"
        self.fields["year"].widget.attrs["class"] = "utrecht-textbox"

    def clean_period(self):
        value = self.cleaned_data["period"].strip()
        if value and parse_period(value) is None:
            raise forms.ValidationError(
                _(
                    "%(value)s is geen periode die Duiding kent. Schrijf bijvoorbeeld 2024, 2024H1 of 2015Q1."
                )
                % {"value": value}
            )
        return value

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if not kind:
            return data
        if kind == ImportRun.Kind.KWB_EXCEL and not data.get("year"):
            self.add_error("year", _("Vul het jaar van de KWB-uitgave in."))
        if kind != ImportRun.Kind.CBS:
            if data.get("properties"):
                self.add_error(
                    "properties", _("Een DataProperties-bestand hoort alleen bij een CBS-tabel.")
                )
            if data.get("period"):
                self.add_error("period", _("Een periode geeft u alleen op bij een CBS-tabel."))
        for name, check_kind in (("file", kind), ("properties", "properties")):
            uploaded = data.get(name)
            if uploaded:
                try:
                    upload_check(uploaded=uploaded, kind=check_kind)
                except ImportRefused as exc:
                    self.add_error(name, str(exc))
        return data

    def options(self) -> dict:
        data = self.cleaned_data
        options: dict = {}
        if data.get("period"):
            options["period"] = data["period"]
        if data.get("year"):
            options["year"] = data["year"]
        return options


def _domains():
    """All domains of the frameworks, reached through `Indicator.domains` (the relation the
    frameworks app declares on Indicator), so that this app does not import the one above it."""
    return Indicator._meta.get_field("domains").related_model.objects.all()


class IndicatorFilterForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("Zoek op naam of code"), required=False)
    domain = forms.ModelChoiceField(
        label=gettext_lazy("Domein"),
        queryset=None,  # the frameworks' domains, set in __init__
        required=False,
        empty_label=gettext_lazy("Alle domeinen"),
    )
    unit = forms.ChoiceField(label=gettext_lazy("Eenheid"), required=False)
    dataset = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["domain"].queryset = _domains().select_related("pillar")
        self.fields["unit"].choices = [("", _("Alle eenheden")), *UnitKind.choices]
        self.fields["q"].widget.attrs.update({"class": "utrecht-textbox", "type": "search"})
        self.fields["domain"].widget.attrs["class"] = "utrecht-select"
        self.fields["unit"].widget.attrs["class"] = "utrecht-select"
        self.fields["domain"].label_from_instance = lambda d: f"{d.pillar.name} · {d.name}"


class IndicatorEditForm(forms.ModelForm):
    domains = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Domeinen"),
        queryset=None,  # the frameworks' domains, set in __init__
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Onder welke domeinen het cijfer in de Staat van de wijk staat."),
    )

    version = VersionField()

    class Meta:
        model = Indicator
        fields = list(EDITABLE_FIELDS)
        help_texts = {
            "direction": gettext_lazy(
                "Bepaalt of een afwijking als beter of slechter wordt getoond."
            ),
            "flag_threshold_pct": gettext_lazy(
                "Een waarde wijkt af als zij meer dan dit percentage (relatief) van de vergelijkingswaarde verschilt. Standaard 10."
            ),
            "flag_requires_significance": gettext_lazy(
                "Alleen markeren als het verschil ook significant is (95%), wanneer teller en noemer bekend zijn."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["domains"].queryset = _domains().select_related("pillar__framework")
        self.fields["domains"].label_from_instance = lambda d: (
            f"{d.pillar.framework.name}: {d.pillar.name} · {d.name}"
        )
        if self.instance.pk:
            self.fields["domains"].initial = list(self.instance.domains.all())
            self.fields["version"].initial = self.instance.version
        for name in ("name", "unit_label", "source", "decimals", "flag_threshold_pct"):
            self.fields[name].widget.attrs["class"] = "utrecht-textbox"
        self.fields["definition"].widget.attrs.update({"class": "utrecht-textarea", "rows": 4})
        for name in ("direction", "unit_kind", "rhythm"):
            self.fields[name].widget.attrs["class"] = "utrecht-select"

    def mine(self) -> dict:
        """The text fields as the editor typed them (for a StaleEdit comparison)."""
        data = self.cleaned_data
        return {
            name: (self.fields[name].label, str(data[name]))
            for name in ("name", "definition", "unit_label", "source")
        }

    def clean_flag_threshold_pct(self):
        value = self.cleaned_data["flag_threshold_pct"]
        if value is not None and not (0 <= value <= 1000):
            raise forms.ValidationError(_("Kies een drempel tussen 0 en 1000 procent."))
        return value


MULTIPLIERS = [
    (100, gettext_lazy("× 100 (percentage)")),
    (1000, gettext_lazy("× 1.000 (per 1.000)")),
]


class DerivedIndicatorForm(forms.Form):
    code = forms.SlugField(
        label=gettext_lazy("Code"),
        max_length=120,
        help_text=gettext_lazy(
            "Korte unieke code zonder spaties, bijvoorbeeld jz_aandeel_wijkteam."
        ),
    )
    name = forms.CharField(label=gettext_lazy("Naam"), max_length=300)
    definition = forms.CharField(
        label=gettext_lazy("Definitie"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    numerator = forms.ModelChoiceField(
        label=gettext_lazy("Teller"), queryset=Indicator.objects.none()
    )
    denominator = forms.ModelChoiceField(
        label=gettext_lazy("Noemer"), queryset=Indicator.objects.none()
    )
    multiplier = forms.TypedChoiceField(
        label=gettext_lazy("Vermenigvuldigen met"),
        choices=MULTIPLIERS,
        coerce=int,
        initial=100,
        widget=forms.RadioSelect,
    )
    direction = forms.ChoiceField(label=gettext_lazy("Richting"))

    def __init__(self, *args, indicators=None, **kwargs):
        super().__init__(*args, **kwargs)
        base = indicators if indicators is not None else Indicator.objects.all()
        for name in ("numerator", "denominator"):
            self.fields[name].queryset = base.order_by("name")
            self.fields[name].label_from_instance = lambda i: f"{i.name} ({i.code})"
            self.fields[name].widget.attrs["class"] = "utrecht-select"
        self.fields["direction"].choices = Direction.choices
        self.fields["direction"].widget.attrs["class"] = "utrecht-select"
        for name in ("code", "name"):
            self.fields[name].widget.attrs["class"] = "utrecht-textbox"
        self.fields["definition"].widget.attrs["class"] = "utrecht-textarea"

    def clean_code(self):
        code = self.cleaned_data["code"]
        if Indicator.objects.filter(code=code).exists():
            raise forms.ValidationError(
                _("Er bestaat al een indicator met code %(code)s.") % {"code": code}
            )
        return code

    def clean(self):
        data = super().clean()
        numerator, denominator = data.get("numerator"), data.get("denominator")
        if numerator and numerator == denominator:
            self.add_error("denominator", _("Kies voor de noemer een ander cijfer dan de teller."))
        elif (
            numerator
            and denominator
            and numerator.organisation_id
            and denominator.organisation_id
            and numerator.organisation_id != denominator.organisation_id
        ):
            self.add_error(
                "denominator",
                _("Teller en noemer zijn eigen cijfers van verschillende organisaties."),
            )
        return data

    def organisation(self):
        """A share of an organisation's own figure belongs to that organisation (not open data)."""
        data = self.cleaned_data
        return data["numerator"].organisation or data["denominator"].organisation


class SeriesAliasForm(forms.ModelForm):
    class Meta:
        model = SeriesAlias
        fields = ["kind", "alias", "canonical", "note"]
        help_texts = {
            "alias": gettext_lazy("De sleutel of het label zoals het in het bestand staat."),
            "canonical": gettext_lazy("De sleutel of het label waaronder de reeks doorloopt."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].widget.attrs["class"] = "utrecht-select"
        for name in ("alias", "canonical", "note"):
            self.fields[name].widget.attrs["class"] = "utrecht-textbox"

    def clean(self):
        data = super().clean()
        alias, canonical = (data.get("alias") or "").strip(), (data.get("canonical") or "").strip()
        if alias and alias == canonical:
            self.add_error("canonical", _("De doorgaande reeks moet anders heten dan de alias."))
        return data
