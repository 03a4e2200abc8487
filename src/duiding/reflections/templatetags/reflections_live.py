"""Template tags of the live part, for its partials on the detail page and the item page."""

from __future__ import annotations

from django import template

from duiding.reflections.live import services
from duiding.reflections.live.forms import LiveQuestionForm
from duiding.reflections.models import Status

register = template.Library()


@register.simple_tag
def live_of_reflection(reflection) -> dict:
    """The live session of a reflection: its state, the number of participants and questions."""
    return {
        "running": reflection.status == Status.RUNNING,
        "prepared": reflection.status == Status.PREPARED,
        "done": reflection.status == Status.DONE,
        "participants": reflection.participants_joined.count(),
        "questions": reflection.questions.count(),
        "current": reflection.current_question,
    }


@register.simple_tag
def live_of_item(item) -> dict:
    """The live questions of an agenda item, each with its counted answers."""
    questions = []
    for question in item.questions.order_by("order", "pk"):
        questions.append({"question": question, "summary": services.summary(question)})
    return {
        "questions": questions,
        "running": item.reflection.status == Status.RUNNING,
        "form": LiveQuestionForm(),
    }
