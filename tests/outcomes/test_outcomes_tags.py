"""`{% url_if_exists %}`: the address of a named route, or "" while the route does not exist."""

from django.template import Context, Template

TEMPLATE = Template("{% load outcomes_tags %}{% url_if_exists name pk as url %}[{{ url }}]")


def test_known_route_gives_its_address():
    out = TEMPLATE.render(Context({"name": "outcomes:questionnaire_detail", "pk": 7}))
    assert out == "[/outcome/vragenlijst/7/]"


def test_unknown_route_or_wrong_arguments_give_nothing():
    assert TEMPLATE.render(Context({"name": "outcomes:not_built_yet", "pk": 7})) == "[]"
    assert TEMPLATE.render(Context({"name": "outcomes:questionnaire_detail", "pk": "x"})) == "[]"
