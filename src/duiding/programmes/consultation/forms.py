"""Forms of the consultation and the qualitative analysis (labels and messages in Dutch)."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from duiding.core.forms import DutchDateField
from duiding.core.versioning import VersionField
from duiding.programmes.consultation.selectors import section_label, sections_in_order
from duiding.programmes.models import AnalysisSection, Finding
from duiding.programmes.permissions import feedback_candidates


def _style(form: forms.Form) -> None:
    """Utrecht classes on the widgets; the help text is announced with the field."""
    for name, field in form.fields.items():
        widget = field.widget
        if isinstance(
            widget, forms.RadioSelect | forms.CheckboxSelectMultiple | forms.CheckboxInput
        ):
            pass  # native controls, as in the other forms (includes/choice_fieldset.html)
        elif isinstance(widget, forms.Select):
            widget.attrs.setdefault("class", "utrecht-select")
        elif isinstance(widget, forms.Textarea):
            widget.attrs.setdefault("class", "utrecht-textarea")
        else:
            widget.attrs.setdefault("class", "utrecht-textbox")
        if field.help_text and not isinstance(widget, forms.CheckboxSelectMultiple):
            widget.attrs.setdefault("aria-describedby", f"id_{form.add_prefix(name)}_helptext")


class _SectionChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return section_label(obj)


class _SectionsChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return section_label(obj)


def _ordered_sections(programme):
    """The programme's sections as a queryset, ordered as the seed reads them."""
    ordered = [s.pk for s in sections_in_order(programme)]
    from django.db.models import Case, IntegerField, When

    return (
        AnalysisSection.objects.filter(pk__in=ordered)
        .select_related("pillar", "domain")
        .order_by(
            Case(
                *[When(pk=pk, then=i) for i, pk in enumerate(ordered)],
                output_field=IntegerField(),
            )
        )
    )


class FeedbackRequestForm(forms.Form):
    reviewer = forms.ModelChoiceField(
        label=gettext_lazy("Collega"),
        queryset=None,
        empty_label=gettext_lazy("Kies een collega"),
        help_text=gettext_lazy(
            "Bij voorkeur een collega met ervaring in analyseren en met het factorenmodel."
        ),
        error_messages={
            "required": gettext_lazy("Kies de collega die u om feedback vraagt."),
            "invalid_choice": gettext_lazy("Kies een collega uit de lijst."),
        },
    )
    message = forms.CharField(
        label=gettext_lazy("Uw vraag aan de collega"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        help_text=gettext_lazy(
            "Bijvoorbeeld: kijk je mee of mijn keuze van factoren navolgbaar is?"
        ),
        error_messages={"required": gettext_lazy("Schrijf een vraag aan de collega.")},
    )
    sections = _SectionsChoice(
        label=gettext_lazy("Deze analysedelen de status 'Voorgelegd aan collega' geven"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Optioneel: de analysedelen die u voorlegt."),
    )

    def __init__(self, *args, programme, user, **kwargs):
        super().__init__(*args, **kwargs)
        candidates = feedback_candidates(programme).exclude(pk=user.pk)
        self.fields["reviewer"].queryset = candidates.prefetch_related("memberships__organisation")
        self.fields["reviewer"].label_from_instance = _reviewer_label
        self.fields["sections"].queryset = _ordered_sections(programme)
        _style(self)

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if not message:
            raise forms.ValidationError(_("Schrijf een vraag aan de collega."))
        return message


def _reviewer_label(user) -> str:
    orgs = ", ".join(sorted(m.organisation.name for m in user.memberships.all()))
    return f"{user.display_name} ({orgs})" if orgs else user.display_name


class CommentForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Uw opmerking"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        error_messages={"required": gettext_lazy("Schrijf een opmerking.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Schrijf een opmerking."))
        return text


class HandleCommentForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Hoe verwerkt (optioneel)"),
        max_length=500,
        required=False,
        error_messages={
            "max_length": gettext_lazy("Hoe verwerkt: hoogstens %(limit_value)d tekens.")
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)


class ConversationForm(forms.Form):
    date = DutchDateField(
        label=gettext_lazy("Datum van het gesprek"),
        error_messages={
            "required": gettext_lazy("Vul de datum van het gesprek in."),
            "invalid": gettext_lazy("Vul de datum in als dag-maand-jaar, bijvoorbeeld 14-03-2025."),
        },
    )
    participants = forms.CharField(
        label=gettext_lazy("Wie waren erbij"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=gettext_lazy(
            "Namen of functies, bijvoorbeeld: jongerenwerker, intern begeleider."
        ),
    )
    organisations = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Partnerorganisaties"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    other_organisations = forms.CharField(
        label=gettext_lazy("Andere organisaties"),
        max_length=500,
        required=False,
        help_text=gettext_lazy("Organisaties die geen partner van dit programma zijn."),
    )
    notes = forms.CharField(
        label=gettext_lazy("Aantekeningen"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
    )
    version = VersionField()

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisations"].queryset = programme.partners.order_by("name")
        if not programme.partners.exists():
            del self.fields["organisations"]
        _style(self)

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise forms.ValidationError(
                _("De datum ligt in de toekomst. Leg een gesprek vast nadat het is gevoerd.")
            )
        return date

    @staticmethod
    def initial_for(conversation) -> dict:
        return {
            "date": conversation.date,
            "participants": conversation.participants,
            "organisations": list(conversation.organisations.all()),
            "other_organisations": conversation.other_organisations,
            "notes": conversation.notes,
            "version": conversation.version,
        }

    def service_fields(self, *, edit: bool = True) -> dict:
        """The cleaned data as the services take it (an edit's version as `based_on_version`)."""
        data = dict(self.cleaned_data)
        data.setdefault("organisations", [])
        version = data.pop("version", None)
        if edit:
            data["based_on_version"] = version
        return data


class FindingForm(forms.Form):
    section = _SectionChoice(
        label=gettext_lazy("Over welk analysedeel"),
        queryset=None,
        required=False,
        empty_label=gettext_lazy("Geen bepaald analysedeel"),
    )
    statement = forms.CharField(
        label=gettext_lazy("Bevinding uit de analyse"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        help_text=gettext_lazy(
            "Wat u aan de partners voorlegde, bijvoorbeeld: veel jeugdigen halen geen "
            "startkwalificatie."
        ),
        error_messages={"required": gettext_lazy("Vul de bevinding uit de analyse in.")},
    )
    recognition = forms.ChoiceField(
        label=gettext_lazy("Herkennen de partners dit?"),
        choices=Finding.Recognition.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": gettext_lazy(
                "Kies of de partners de bevinding herkennen: ja, deels of nee."
            )
        },
    )
    explanation = forms.CharField(
        label=gettext_lazy("Verklaring van de partners (hoe komt het, wat vinden ze ervan?)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    practice_signals = forms.CharField(
        label=gettext_lazy("Signalen uit de praktijk die de cijfers niet tonen"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    mark_discussed = forms.BooleanField(
        label=gettext_lazy("Zet het analysedeel op 'Besproken met partners'"),
        required=False,
        initial=True,
    )
    version = VersionField()

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = _ordered_sections(programme)
        _style(self)

    def clean_statement(self):
        statement = self.cleaned_data["statement"].strip()
        if not statement:
            raise forms.ValidationError(_("Vul de bevinding uit de analyse in."))
        return statement

    @staticmethod
    def initial_for(finding) -> dict:
        return {
            "section": finding.section_id,
            "statement": finding.statement,
            "recognition": finding.recognition,
            "explanation": finding.explanation,
            "practice_signals": finding.practice_signals,
            "mark_discussed": False,
            "version": finding.version,
        }

    def service_fields(self, *, edit: bool = True) -> dict:
        """The cleaned data as the services take it (an edit's version as `based_on_version`)."""
        data = dict(self.cleaned_data)
        version = data.pop("version", None)
        if edit:
            data["based_on_version"] = version
        return data
