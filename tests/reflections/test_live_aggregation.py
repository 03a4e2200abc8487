"""The counting of live answers: a pure function, no database."""

from duiding.reflections.live.aggregation import AnswerRow, QuestionSpec, aggregate, words


def test_recognise_counts_every_value_in_order_with_shares():
    spec = QuestionSpec(kind="herkennen", labels={"ja": "Ja", "deels": "Deels", "nee": "Nee"})
    rows = [AnswerRow(choice=c) for c in ("ja", "ja", "nee", "ja")]
    summary = aggregate(spec, rows)
    assert summary.closed and summary.total == 4
    assert [(b.label, b.count, b.percent) for b in summary.bars] == [
        ("Ja", 3, 75),
        ("Deels", 0, 0),
        ("Nee", 1, 25),
    ]


def test_a_scale_has_a_bar_per_point_and_ignores_values_outside():
    spec = QuestionSpec(kind="schaal", scale_min=1, scale_max=5)
    summary = aggregate(spec, [AnswerRow(number=n) for n in (1, 5, 5, 9)])
    assert [b.value for b in summary.bars] == ["1", "2", "3", "4", "5"]
    assert [b.count for b in summary.bars] == [1, 0, 0, 0, 2]
    assert summary.total == 3


def test_choice_and_no_answers_give_zero_percent_not_an_error():
    spec = QuestionSpec(kind="keuze", choices=("Jongeren", "Ouderen"))
    summary = aggregate(spec, [])
    assert summary.total == 0
    assert [(b.label, b.count, b.percent) for b in summary.bars] == [
        ("Jongeren", 0, 0),
        ("Ouderen", 0, 0),
    ]


def test_open_answers_leave_hidden_out_and_group_labels_first():
    spec = QuestionSpec(kind="open")
    rows = [
        AnswerRow(text="Te weinig buurthuizen", group=""),
        AnswerRow(text="Geen bus meer", group="Vervoer", name="Fatima"),
        AnswerRow(text="scheldwoord", hidden=True),
        AnswerRow(text="Bus rijdt niet", group="Vervoer"),
        AnswerRow(text="   "),
    ]
    summary = aggregate(spec, rows)
    assert summary.total == 3 and summary.hidden == 2
    assert [(g, [r.text for r in rs]) for g, rs in summary.groups] == [
        ("Vervoer", ["Geen bus meer", "Bus rijdt niet"]),
        ("", ["Te weinig buurthuizen"]),
    ]
    assert summary.groups[0][1][0].name == "Fatima"


def test_words_of_short_answers_without_stop_words():
    counted = words(["De bus", "bus", "eenzaamheid", "een heel lang antwoord met veel woorden"])
    assert counted == [("bus", 2), ("eenzaamheid", 1)]
