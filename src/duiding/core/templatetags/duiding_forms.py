"""Template tags of the shared form rendering (templates/includes/form_errors.html and
form_fields.html): the error summary and how a field is drawn."""

from django import forms, template

register = template.Library()

GROUPED = (forms.RadioSelect, forms.CheckboxSelectMultiple)


@register.simple_tag
def error_summary(form) -> list[dict]:
    """Every error of a refused form, in the form's order, with the id of the field to jump to
    (the first option of a group of radio buttons or checkboxes); form-wide errors first."""
    if form is None or not form.errors:
        return []
    items = [{"label": "", "message": m, "anchor": ""} for m in form.non_field_errors()]
    for bound in form:
        if not bound.errors:
            continue
        anchor = "" if bound.is_hidden else bound.auto_id
        if isinstance(bound.field.widget, GROUPED):
            anchor = f"{bound.auto_id}_0"
        items += [{"label": bound.label, "message": m, "anchor": anchor} for m in bound.errors]
    return items


@register.filter
def is_grouped(bound) -> bool:
    """A group of radio buttons or checkboxes: drawn as a fieldset with a legend."""
    return isinstance(bound.field.widget, GROUPED)
