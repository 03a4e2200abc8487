"""Template tags of the outcomes pages.

`{% url_if_exists 'outcomes:questionnaire_share' questionnaire.pk as url %}` sets `url` to the
address of a named route, or to "" when no route has that name (yet), so a page can link to a
part of the app that is built elsewhere and show the link only once it exists."""

from django import template
from django.urls import NoReverseMatch, reverse

register = template.Library()


@register.simple_tag
def url_if_exists(name: str, *args, **kwargs) -> str:
    try:
        return reverse(name, args=args or None, kwargs=kwargs or None)
    except NoReverseMatch:
        return ""
