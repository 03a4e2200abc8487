"""Template tags of the activities app."""

from django import forms, template

from duiding.programmes.permissions import can_see_municipality_overview

register = template.Library()


@register.simple_tag
def may_see_municipality_matrix(user) -> bool:
    """Whether the header shows the link to the municipality's prevention matrix."""
    return can_see_municipality_overview(user)


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
        if isinstance(bound.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
            anchor = f"{bound.auto_id}_0"
        items += [{"label": bound.label, "message": m, "anchor": anchor} for m in bound.errors]
    return items
