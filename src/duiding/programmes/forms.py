"""Forms of the wijkanalyse workspace (labels and messages in Dutch).

Forms only validate; writes go through `programmes.services`.
"""

from __future__ import annotations

import re

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from duiding.accounts.models import Organisation
from duiding.areas.models import Area, Level
from duiding.areas.selectors import area_search
from duiding.core.versioning import VersionField
from duiding.frameworks.models import Factor, Framework
from duiding.indicators.selectors import available_periods
from duiding.programmes.models import MissingFigure, SectionStatus
from duiding.programmes.permissions import can_write_in
from duiding.programmes.services import framework_locked_reason

PROGRAMME_LEVELS = (Level.MUNICIPALITY, Level.DISTRICT, Level.NEIGHBOURHOOD)
MIN_YEAR, MAX_YEAR = 2000, 2100
MAX_SPAN_YEARS = 10
_CODE_IN_LABEL = re.compile(r"\(([A-Za-z]{2}\d{2,10})\)\s*$")


def style(form: forms.Form) -> None:
    """The NL Design System (Utrecht) classes on every widget, as the other apps do."""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxSelectMultiple | forms.HiddenInput):
            continue
        if isinstance(widget, forms.Select):
            widget.attrs.setdefault("class", "utrecht-select")
        elif isinstance(widget, forms.Textarea):
            widget.attrs.setdefault("class", "utrecht-textarea")
        else:
            widget.attrs.setdefault("class", "utrecht-textbox")


def area_label(area: Area) -> str:
    """How an area reads in the area field: 'Feijenoord (WK059910)'."""
    return f"{area.name} ({area.code})"


def find_programme_area(text: str) -> tuple[Area | None, list[Area]]:
    """(the area, other candidates) for what a person typed: a CBS code, 'Name (CODE)' as the
    suggestions show it, or a name. Only gemeenten, wijken and buurten."""
    text = (text or "").strip()
    if not text:
        return None, []
    allowed = Area.objects.filter(level__in=PROGRAMME_LEVELS)
    match = _CODE_IN_LABEL.search(text)
    code = (match.group(1) if match else text).upper()
    found = allowed.filter(code=code).first()
    if found:
        return found, []
    exact = list(allowed.filter(name__iexact=text).order_by("level", "code")[:10])
    if len(exact) == 1:
        return exact[0], []
    if exact:
        return None, exact
    candidates = [a for a in area_search(text, limit=30) if a.level in PROGRAMME_LEVELS]
    if len(candidates) == 1:
        return candidates[0], []
    return None, candidates[:10]


def suggested_name(area: Area | None, start: int | None, end: int | None) -> str:
    if not area or not start:
        return ""
    years = str(start) if not end or end == start else f"{start}–{end}"
    return _("Wijkprogramma %(area)s %(years)s") % {"area": area.name, "years": years}


def period_choices(area: Area | None, user) -> list[tuple[str, str]]:
    choices = [("", _("Laatste cijfer per indicator"))]
    if area is not None:
        periods = sorted(available_periods(area, user=user), key=lambda p: (-p.year, p.code))
        choices += [(p.code, p.label) for p in periods]
    return choices


class _YearsMixin:
    def _clean_years(self, data: dict) -> None:
        start, end = data.get("start_year"), data.get("end_year")
        if start and end and end < start:
            self.add_error(
                "end_year",
                _("Het eindjaar (%(end)s) ligt vóór het beginjaar (%(start)s).")
                % {"end": end, "start": start},
            )
        elif start and end and end - start >= MAX_SPAN_YEARS:
            self.add_error(
                "end_year",
                _("Een programma duurt hoogstens %(n)s jaar; kies een eerder eindjaar.")
                % {"n": MAX_SPAN_YEARS},
            )


def _year_field(label) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=MIN_YEAR,
        max_value=MAX_YEAR,
        error_messages={
            "invalid": gettext_lazy("Vul een jaartal in, bijvoorbeeld 2025."),
            "min_value": gettext_lazy("Kies een jaar vanaf %(limit_value)s."),
            "max_value": gettext_lazy("Kies een jaar tot en met %(limit_value)s."),
        },
    )


class ProgrammeEditForm(_YearsMixin, forms.Form):
    """Name, years, figures period and partners (the edit page; the create form adds more)."""

    name = forms.CharField(
        label=gettext_lazy("Naam"),
        max_length=200,
        required=False,
        help_text=gettext_lazy(
            "Leeg laten voor de voorgestelde naam: Wijkprogramma <gebied> <beginjaar>–<eindjaar>."
        ),
    )
    start_year = _year_field(gettext_lazy("Beginjaar"))
    end_year = _year_field(gettext_lazy("Eindjaar"))
    figures_period = forms.ChoiceField(
        label=gettext_lazy("Periode van de cijfers"),
        required=False,
        help_text=gettext_lazy(
            "Welke cijfers de analyse leest. Leeg: het laatste cijfer van elke indicator."
        ),
    )
    partners = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Partnerorganisaties"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Leden van partnerorganisaties kunnen de analyse lezen."),
    )
    framework = forms.ModelChoiceField(
        label=gettext_lazy("Raamwerk"),
        queryset=Framework.objects.none(),
        empty_label=None,
        required=False,  # the edit form: left out, the framework stays
        help_text=gettext_lazy(
            "Een raamwerk van de gemeente van het gebied, of een gedeeld raamwerk. Het kan "
            "wisselen zolang er nog geen analyse, resultaten of activiteiten zijn."
        ),
    )
    version = VersionField()

    field_order = ["name", "start_year", "end_year", "figures_period", "framework", "partners"]

    def __init__(
        self,
        *args,
        user,
        area: Area | None = None,
        owner_id=None,
        frameworks=None,
        programme=None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.user = user
        self.area = area
        self.programme = programme
        if frameworks is None:
            del self.fields["framework"]
        else:
            self.fields["framework"].queryset = frameworks.select_related("municipality")
            self.fields["framework"].label_from_instance = framework_label
        self.fields["figures_period"].choices = period_choices(area, user)
        partners = Organisation.objects.order_by("name")
        if owner_id:
            partners = partners.exclude(pk=owner_id)
        self.fields["partners"].queryset = partners
        style(self)

    def clean_name(self):
        return " ".join(self.cleaned_data.get("name", "").split())

    def clean(self):
        data = super().clean()
        self._clean_years(data)
        self._clean_framework(data.get("framework"))
        if not data.get("name") and self.area is not None:
            data["name"] = suggested_name(self.area, data.get("start_year"), data.get("end_year"))
        return data

    def _clean_framework(self, framework) -> None:
        """A framework of another municipality does not fit this area's programme."""
        if framework is None:
            return
        if self.programme is not None and framework.pk != self.programme.framework_id:
            reason = framework_locked_reason(self.programme)
            if reason:
                self.add_error(
                    "framework",
                    _("Het raamwerk ligt vast: %(reason)s. Begin zo nodig een nieuw programma.")
                    % {"reason": reason},
                )
                return
        if framework.municipality_id is None or self.area is None:
            return
        area = self.area
        municipality_id = area.pk if area.level == Level.MUNICIPALITY else area.municipality_id
        if framework.municipality_id != municipality_id:
            self.add_error(
                "framework",
                _(
                    "Het raamwerk %(framework)s is voor programma's van %(municipality)s; kies "
                    "een raamwerk van de gemeente van %(area)s of een gedeeld raamwerk."
                )
                % {
                    "framework": framework.name,
                    "municipality": framework.municipality.name,
                    "area": area.name,
                },
            )


class ProgrammeCreateForm(ProgrammeEditForm):
    area = forms.CharField(
        label=gettext_lazy("Gebied"),
        max_length=200,
        help_text=gettext_lazy(
            "Zoek op naam of CBS-code: een gemeente, wijk of buurt, bijvoorbeeld Feijenoord of "
            "WK059910."
        ),
    )
    organisation = forms.ModelChoiceField(
        label=gettext_lazy("Eigenaar (organisatie)"),
        queryset=Organisation.objects.none(),
        empty_label=None,
        help_text=gettext_lazy("De organisatie waarvan de leden de analyse schrijven."),
    )

    field_order = [
        "area",
        "name",
        "framework",
        "organisation",
        "start_year",
        "end_year",
        "figures_period",
        "partners",
    ]

    def __init__(self, *args, user, frameworks, organisations, **kwargs):
        data = args[0] if args else kwargs.get("data")
        area = None
        self.area_candidates: list[Area] = []
        if data is not None:
            picked = data.get("area_pick", "")
            area, self.area_candidates = find_programme_area(picked or data.get("area", ""))
        # Frameworks of the owner organisations' municipalities, or shared ones (checked
        # against the area's municipality in clean()).
        municipalities = organisations.values("municipality_id")
        frameworks = frameworks.filter(
            Q(municipality__isnull=True) | Q(municipality_id__in=municipalities)
        )
        super().__init__(*args, user=user, area=area, frameworks=frameworks, **kwargs)
        del self.fields["version"]  # a new programme has no version yet
        self.fields["framework"].required = True
        self.fields["organisation"].queryset = organisations
        self.fields["area"].widget.attrs.update({"autocomplete": "off", "list": "area-options"})
        default = frameworks.filter(is_default=True).first()
        if default and not self.is_bound:
            self.initial.setdefault("framework", default.pk)

    def clean_area(self):
        text = self.cleaned_data["area"].strip()
        if self.area is not None:
            self.data = self.data.copy()
            self.data["area"] = area_label(self.area)
            return self.area
        if self.area_candidates:
            names = ", ".join(area_label(a) for a in self.area_candidates[:5])
            raise forms.ValidationError(
                _("Er passen meerdere gebieden bij “%(text)s”: %(names)s. Kies er één.")
                % {"text": text, "names": names}
            )
        raise forms.ValidationError(
            _(
                "Geen gemeente, wijk of buurt gevonden voor “%(text)s”. "
                "Zoek op een deel van de naam of op de CBS-code (bijv. WK059910)."
            )
            % {"text": text}
        )

    def clean(self):
        data = super().clean()
        organisation = data.get("organisation")
        if (
            organisation
            and self.area is not None
            and not can_write_in(self.user, organisation.pk, self.area)
        ):
            self.add_error(
                "area",
                _(
                    "U schrijft voor %(organisation)s alleen programma's van uw eigen gebieden; "
                    "%(area)s valt daarbuiten."
                )
                % {"organisation": organisation.name, "area": self.area.name},
            )
        if organisation and data.get("partners"):
            data["partners"] = [p for p in data["partners"] if p.pk != organisation.pk]
        return data


def framework_label(framework: Framework) -> str:
    """'Rotterdam Groeit (gedeeld)', 'Den Haag Groeit ('s-Gravenhage)'."""
    if framework.municipality_id is None:
        return _("%(name)s (gedeeld)") % {"name": framework.name}
    return f"{framework.name} ({framework.municipality.name})"


def initial_years() -> dict:
    year = timezone.localdate().year
    return {"start_year": year, "end_year": year + 1}


class SectionForm(forms.Form):
    """The texts and status of one section, with the version the editor opened."""

    analysis = forms.CharField(
        label=gettext_lazy("Analyse"),
        required=False,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    conclusion = forms.CharField(
        label=gettext_lazy("Conclusie"),
        required=False,
        max_length=2_000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("De kern in een of twee zinnen; die komt in het totaalbeeld."),
    )
    status = forms.ChoiceField(label=gettext_lazy("Status"), choices=SectionStatus.choices)
    summary = forms.CharField(
        label=gettext_lazy("Wat veranderde? (voor de geschiedenis, optioneel)"),
        required=False,
        max_length=300,
    )
    version = VersionField(required=True)

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        help_texts = {
            "domain": _(
                "Wat valt op als je de cijfers en de factoren als geheel bekijkt? Welke "
                "samenhang zie je? Past het bij wat je al van de wijk wist?"
            ),
            "pillar": _("Een korte analyse van de cijfers van de drie domeinen van deze pijler."),
            "overall": _(
                "De conclusie van de analyse: welke samenhang zie je tussen de pijlers? "
                "Komen factoren meerdere keren voor? Maak je redenering navolgbaar."
            ),
            "qualitative": _(
                "Wat zeiden de partners: herkennen zij het beeld, hoe verklaren zij het, "
                "welke signalen uit de praktijk missen in de cijfers?"
            ),
        }
        self.fields["analysis"].help_text = help_texts.get(kind, "")
        if kind != "domain":
            del self.fields["conclusion"]
        style(self)


class FactorChoiceForm:
    """The chosen factors of a domain: `factor` = ticked ids, `note_<id>` = their notes.

    Built by hand from the POST data because the list of factors is the panel's, not fixed.
    """

    def __init__(self, data, *, factors):
        self.data = data
        self.factors = {f.pk: f for f in factors}
        self.errors: list[str] = []
        self.choices: dict[int, str] = {}

    def is_valid(self) -> bool:
        for raw in self.data.getlist("factor"):
            if not str(raw).isdigit() or int(raw) not in self.factors:
                self.errors.append(_("Onbekende factor gekozen; kies een factor uit de lijst."))
                return False
            note = " ".join(self.data.get(f"note_{raw}", "").split())
            if len(note) > 500:
                self.errors.append(
                    _("De toelichting bij %(factor)s is te lang (hoogstens 500 tekens).")
                    % {"factor": self.factors[int(raw)].name}
                )
                return False
            self.choices[int(raw)] = note
        return True


class AddFactorForm(forms.Form):
    factor = forms.ModelChoiceField(
        label=gettext_lazy("Andere factor uit het factorenmodel"),
        queryset=Factor.objects.none(),
        empty_label=gettext_lazy("Kies een factor"),
        error_messages={"required": gettext_lazy("Kies een factor.")},
    )
    note = forms.CharField(label=gettext_lazy("Toelichting"), max_length=500, required=False)

    def __init__(self, *args, factors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["factor"].queryset = factors
        style(self)


class StrikingForm(forms.Form):
    indicator = forms.ChoiceField(
        label=gettext_lazy("Cijfer"),
        error_messages={"required": gettext_lazy("Kies het cijfer dat opvalt.")},
    )
    note = forms.CharField(
        label=gettext_lazy("Waarom valt het op?"),
        max_length=500,
        required=True,
        error_messages={"required": gettext_lazy("Schrijf kort waarom dit cijfer opvalt.")},
    )

    def __init__(self, *args, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = {str(i.pk): i for i in indicators}
        self.fields["indicator"].choices = [("", _("Kies een cijfer"))] + [
            (str(i.pk), i.name) for i in indicators
        ]
        style(self)

    def clean_indicator(self):
        return self.indicators[self.cleaned_data["indicator"]]


class MissingFigureForm(forms.ModelForm):
    version = VersionField()

    class Meta:
        model = MissingFigure
        fields = ["description", "reason", "possible_source", "status"]
        labels = {
            "description": gettext_lazy("Welk cijfer ontbreekt?"),
            "reason": gettext_lazy("Waarvoor is het nodig?"),
            "possible_source": gettext_lazy("Waar zou het vandaan kunnen komen?"),
            "status": gettext_lazy("Status"),
        }
        error_messages = {
            "description": {"required": gettext_lazy("Beschrijf welk cijfer ontbreekt.")}
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        style(self)

    def service_fields(self) -> dict:
        """The cleaned data as the services take it (the version as `based_on_version`)."""
        data = dict(self.cleaned_data)
        version = data.pop("version", None)
        if self.instance.pk:
            data["based_on_version"] = version
        return data

    def clean_description(self):
        text = " ".join(self.cleaned_data["description"].split())
        if not text:
            raise forms.ValidationError(_("Beschrijf welk cijfer ontbreekt."))
        return text
