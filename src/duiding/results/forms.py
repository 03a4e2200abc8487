"""Forms of a societal result: the result itself, a formset of indicator rows, the status, and
the gentle nudges on the wording (hints from seed 003's tips, never errors)."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from duiding.core.forms import DutchDateField
from duiding.core.versioning import VersionField
from duiding.frameworks.models import Ambition, Domain, Factor
from duiding.indicators.models import Direction, Indicator
from duiding.programmes.models import AnalysisSection
from duiding.results.calculation import Target
from duiding.results.models import Rule, Status, TargetKind

LONG_TEXT = 300
NEGATIVE = re.compile(r"\b(minder|niet|geen|daling|afname|verminder\w*)\b", re.IGNORECASE)
YEAR = re.compile(r"\b(19|20)\d{2}\b")

RULE_HELP = {
    Rule.EACH: gettext_lazy(
        "Iedere indicator moet afzonderlijk minstens het afgesproken doel halen. Voorbeeld: 5 "
        "procentpunt meer jongeren die sporten, én die niet roken, én die matig drinken."
    ),
    Rule.COMBINED: gettext_lazy(
        "Het deel dat aan alle voorwaarden tegelijk voldoet (bijvoorbeeld jongeren die sporten, "
        "niet roken én matig drinken), moet verbeteren. "
        "Daarvoor is een indicator nodig die precies die combinatie meet."
    ),
    Rule.MEAN: gettext_lazy(
        "Het gemiddelde van de percentages van de indicatoren moet met het afgesproken doel "
        "verbeteren; de indicatoren hoeven niet evenveel te stijgen."
    ),
}


def text_nudges(text: str) -> list[str]:
    """Hints on the wording of a result (seed 003: concrete, with a year, positive)."""
    text = (text or "").strip()
    if not text:
        return []
    hints = []
    if not YEAR.search(text):
        hints.append(_("Noem het jaar waarin het resultaat bereikt moet zijn."))
    if match := NEGATIVE.search(text):
        hints.append(
            _(
                "U schrijft '%(word)s'. Formuleer het resultaat zo veel mogelijk positief, dat "
                "stimuleert: bijvoorbeeld 'meer jongeren met een startkwalificatie' in plaats van "
                "'minder voortijdig schoolverlaters'."
            )
            % {"word": match.group(0)}
        )
    if len(text) > LONG_TEXT:
        hints.append(
            _(
                "Het resultaat is lang (%(n)s tekens). Houd het bij één concrete zin; de "
                "argumentatie hoort in de wijkanalyse."
            )
            % {"n": len(text)}
        )
    return hints


class RuleSelect(forms.RadioSelect):
    option_template_name = "results/_rule_option.html"

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        option["description"] = RULE_HELP.get(value, "")
        if option["attrs"].get("id"):
            option["attrs"]["aria-describedby"] = f"{option['attrs']['id']}_description"
        return option


class ResultForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Maatschappelijk resultaat"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Eén concrete zin met een jaar en liefst een percentage, positief geformuleerd."
        ),
    )
    ambition = forms.ModelChoiceField(
        label=gettext_lazy("Ambitie"), queryset=Ambition.objects.none(), required=False
    )
    domain = forms.ModelChoiceField(
        label=gettext_lazy("Domein"), queryset=Domain.objects.none(), required=False
    )
    sections = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Bevindingen uit de wijkanalyse"),
        queryset=AnalysisSection.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Waarom juist dit resultaat in deze wijk?"),
    )
    factors = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Factoren"),
        queryset=Factor.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Factoren die u in de wijkanalyse koos, staan bovenaan."),
    )
    target_date = DutchDateField(label=gettext_lazy("Streefdatum"))
    rule = forms.ChoiceField(
        label=gettext_lazy("Rekenregel: wanneer is het resultaat bereikt?"),
        choices=Rule.choices,
        initial=Rule.EACH,
        widget=RuleSelect,
    )
    combination_indicator = forms.ModelChoiceField(
        label=gettext_lazy("Indicator voor de combinatie"),
        queryset=Indicator.objects.none(),
        required=False,
        help_text=gettext_lazy(
            "Alleen bij 'gecombineerd': het percentage dat aan alle voorwaarden tegelijk voldoet."
        ),
    )
    combined_target_kind = forms.ChoiceField(
        label=gettext_lazy("Soort doel (gecombineerd of gemiddeld)"),
        choices=TargetKind.choices,
        initial=TargetKind.PP,
        required=False,
    )
    combined_target_value = forms.DecimalField(
        label=gettext_lazy("Doel (gecombineerd of gemiddeld)"),
        required=False,
        max_digits=12,
        decimal_places=3,
        help_text=gettext_lazy("Bij 'gecombineerd' en 'gemiddeld', bijvoorbeeld 5 procentpunt."),
    )
    version = VersionField()

    def __init__(self, *args, programme, factors=None, sections=None, combination=None, **kw):
        super().__init__(*args, **kw)
        framework = programme.framework_id
        self.fields["ambition"].queryset = Ambition.objects.filter(framework_id=framework)
        self.fields["domain"].queryset = Domain.objects.filter(
            pillar__framework_id=framework
        ).select_related("pillar")
        self.fields["domain"].label_from_instance = lambda d: f"{d.pillar.name} – {d.name}"
        self.fields["sections"].queryset = programme.sections.all()
        if sections is not None:
            self.fields["sections"].choices = [(s.pk, str(s)) for s in sections]
        self.fields["factors"].queryset = Factor.objects.filter(framework_id=framework)
        if factors is not None:
            chosen_ids = factors[1]
            self.fields["factors"].choices = [
                (
                    f.pk,
                    f"{f.name} ({_('gekozen in de wijkanalyse')})"
                    if f.pk in chosen_ids
                    else f.name,
                )
                for f in factors[0]
            ]
        combination = combination or []
        self.fields["combination_indicator"].queryset = Indicator.objects.filter(
            pk__in=[i.pk for i in combination]
        )

    def nudges(self) -> list[str]:
        text = self.data.get(self.add_prefix("text")) if self.is_bound else self.initial.get("text")
        return text_nudges(text or "")

    def combined_target(self) -> Target | None:
        value = self.cleaned_data.get("combined_target_value")
        if value is None:
            return None
        return Target(self.cleaned_data.get("combined_target_kind") or TargetKind.PP, float(value))


class IndicatorRowForm(forms.Form):
    indicator = forms.ModelChoiceField(
        label=gettext_lazy("Indicator"),
        queryset=Indicator.objects.none(),
        required=False,
        empty_label=gettext_lazy("— eigen indicator (hieronder een naam) —"),
    )
    name = forms.CharField(label=gettext_lazy("Naam (eigen indicator)"), required=False)
    baseline_period = forms.CharField(
        label=gettext_lazy("Basisperiode"),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"list": "result-periods", "inputmode": "text"}),
        help_text=gettext_lazy("Bijvoorbeeld 2021; kies een periode waarvan er cijfers zijn."),
    )
    baseline_value = forms.DecimalField(
        label=gettext_lazy("Basiswaarde"),
        required=False,
        max_digits=14,
        decimal_places=4,
        help_text=gettext_lazy("Leeg: uit de cijfers van het gebied."),
    )
    baseline_source = forms.CharField(
        label=gettext_lazy("Bron van de basiswaarde"),
        required=False,
        max_length=300,
        help_text=gettext_lazy("Verplicht als u de basiswaarde zelf invult."),
    )
    target_kind = forms.ChoiceField(
        label=gettext_lazy("Soort doel"), choices=TargetKind.choices, initial=TargetKind.PP
    )
    target_value = forms.DecimalField(
        label=gettext_lazy("Doel"), required=False, max_digits=12, decimal_places=3
    )
    direction = forms.ChoiceField(
        label=gettext_lazy("Richting"),
        required=False,
        choices=[("", gettext_lazy("zoals de indicator"))]
        + [(d.value, d.label) for d in Direction if d != Direction.NEUTRAL],
    )

    id = forms.IntegerField(widget=forms.HiddenInput, required=False)
    take_revised = forms.BooleanField(
        label=gettext_lazy("Neem de herziene basiswaarde over"), required=False
    )

    def __init__(self, *args, options=None, **kw):
        super().__init__(*args, **kw)
        self.revision: str = ""  # set by the view: "De basiswaarde is herzien door CBS: …"
        options = options or []
        self.fields["indicator"].queryset = Indicator.objects.filter(
            pk__in=[o.indicator.pk for o in options]
        )

    def as_service_row(self) -> dict:
        data = self.cleaned_data
        return {
            "indicator": data.get("indicator"),
            "name": data.get("name", ""),
            "baseline_period": data.get("baseline_period", ""),
            "baseline_value": data.get("baseline_value"),
            "baseline_source": data.get("baseline_source", ""),
            "target_kind": data.get("target_kind") or TargetKind.PP,
            "target_value": data.get("target_value"),
            "direction": data.get("direction") or None,
            "id": data.get("id"),
            "take_revised": bool(data.get("take_revised")),
        }


class BaseIndicatorFormSet(forms.BaseFormSet):
    def __init__(self, *args, options=None, **kw):
        self.options = options or []
        super().__init__(*args, **kw)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "options": self.options}

    @property
    def empty_form(self):
        form = self.form(
            auto_id=self.auto_id,
            prefix=self.add_prefix("__prefix__"),
            empty_permitted=True,
            use_required_attribute=False,
            options=self.options,
        )
        self.add_fields(form, None)
        return form

    def used_forms(self) -> list[IndicatorRowForm]:
        """Rows that were filled in (an indicator, a name, a period or a target) and not marked
        for deletion, in order. Call after is_valid()."""
        used = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if self.can_delete and data.get("DELETE"):
                continue
            filled = (
                data.get("indicator")
                or (data.get("name") or "").strip()
                or (data.get("baseline_period") or "").strip()
                or data.get("target_value") is not None
            )
            if filled:
                used.append(form)
        return used


IndicatorFormSet = forms.formset_factory(
    IndicatorRowForm, formset=BaseIndicatorFormSet, extra=0, can_delete=True, max_num=12
)


def row_initial(result) -> list[dict]:
    return [
        {
            "id": ri.pk,
            "indicator": ri.indicator_id,
            "name": ri.name,
            "baseline_period": ri.baseline_period,
            "baseline_value": ri.baseline_value if ri.baseline_source else None,
            "baseline_source": ri.baseline_source,
            "target_kind": ri.target_kind,
            "target_value": ri.target_value,
            "direction": ri.direction,
        }
        for ri in result.result_indicators.order_by("order", "pk")
    ]


def result_initial(result) -> dict:
    return {
        "text": result.text,
        "ambition": result.ambition_id,
        "domain": result.domain_id,
        "sections": list(result.sections.values_list("pk", flat=True)),
        "factors": list(result.factors.values_list("pk", flat=True)),
        "target_date": result.target_date,
        "rule": result.rule,
        "combination_indicator": result.combination_indicator_id,
        "combined_target_kind": result.combined_target_kind or TargetKind.PP,
        "combined_target_value": result.combined_target_value,
        "version": result.version,
    }


def apply_service_errors(error: ValidationError, form, row_forms) -> None:
    """Put the service's messages at their fields: "indicators.<i>.<field>" at row i."""
    for key, messages in error.message_dict.items():
        target, name = form, key
        if key.startswith("indicators."):
            _, index, name = key.split(".", 2)
            target = row_forms[int(index)] if int(index) < len(row_forms) else form
        if name not in target.fields:
            target, name = form, None
        for message in messages:
            target.add_error(name, message)


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("Status"), choices=Status.choices)
    version = VersionField(required=True)
