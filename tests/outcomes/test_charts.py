"""The distribution chart's axis: one kind of label per chart."""

from duiding.outcomes.charts import distribution_spec
from duiding.outcomes.disclosure import ShownRow
from duiding.outcomes.suppression import Count


def _axis(rows) -> list[str]:
    spec = distribution_spec(rows, description="test")
    return list(dict.fromkeys(v["v"] for v in spec["data"]["values"]))


def _row(value, label, n=7):
    return ShownRow(value=value, label=label, count=Count(n), answered=None, entered=None)


def test_short_texts_label_the_axis():
    assert _axis([_row("ja", "Ja"), _row("nee", "Nee")]) == ["Ja", "Nee"]


def test_one_long_text_makes_every_label_the_answer_value():
    rows = [
        _row("-1", "doel niet behaald, situatie ongunstiger dan bij start"),
        _row("0", "doel niet behaald, situatie gelijk aan start"),
        _row("1", "doel deels behaald"),
        _row("2", "doel behaald"),
    ]
    assert _axis(rows) == ["-1", "0", "1", "2"]
