"""Writes of the XLSForm import: a questionnaire and its first version from an XLSForm file, in
one transaction. The file is read and checked (`outcomes.xlsform.read_xlsform`) before anything
is stored; a refused file raises `XLSFormError` and stores nothing."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from duiding.outcomes.models import Moment, Questionnaire, QuestionnaireVersion
from duiding.outcomes.xlsform import read_xlsform


def import_questionnaire(
    *,
    activity,
    file,
    user,
    moment: str,
    opens_on: datetime.date,
    closes_on: datetime.date,
) -> Questionnaire:
    """A new questionnaire of `activity` with the questions of the XLSForm `file` as version 1.

    Raises `XLSFormError` (the file's problems: sheet, row, column) or `ValidationError` (moment
    or window); nothing is stored then. The notes of the import (what was left out) are on the
    returned questionnaire as `import_notes`."""
    errors: dict[str, list[str]] = {}
    if moment not in Moment.values:
        errors["moment"] = [
            _("Kies een moment: voormeting, tussenmeting, eindmeting of doorlopend.")
        ]
    if opens_on and closes_on and closes_on < opens_on:
        errors["closes_on"] = [_("De einddatum ligt voor de begindatum.")]
    if errors:
        raise ValidationError(errors)
    form = read_xlsform(file)
    with transaction.atomic():
        questionnaire = Questionnaire(
            activity=activity,
            title=form.title,
            moment=moment,
            opens_on=opens_on,
            closes_on=closes_on,
            created_by=user,
            updated_by=user,
        )
        questionnaire.full_clean()
        questionnaire.save()
        QuestionnaireVersion.objects.create(
            questionnaire=questionnaire, number=1, questions=form.questions, created_by=user
        )
    questionnaire.import_notes = form.notes
    return questionnaire
