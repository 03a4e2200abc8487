"""Word differences for the history and the edit conflict: marked in text, not colour alone."""

from duiding.programmes.diffing import diff_counts, diff_html, diff_segments, list_diff


def test_segments_keep_every_word_in_order():
    old = "Veel jeugdigen spijbelen.\nDe wijk voelt onveilig."
    new = "Veel jeugdigen spijbelen vaak.\nDe wijk voelt onveilig."
    segments = diff_segments(old, new)
    assert "".join(t for k, t in segments if k != "insert").split() == old.split()
    assert "".join(t for k, t in segments if k != "delete") == new
    assert ("delete", "spijbelen.\n") in segments and ("insert", "spijbelen vaak.\n") in segments


def test_counts_words_inserted_and_deleted():
    assert diff_counts("een twee drie", "een drie vier vijf") == (2, 1)
    assert diff_counts("", "") == (0, 0)


def test_html_marks_changes_with_words_for_screen_readers_and_escapes():
    html = diff_html("armoede <b>", "armoede en schulden <b>")
    assert '<ins><span class="visually-hidden">ingevoegd: </span>en schulden </ins>' in html
    assert "&lt;b&gt;" in html and "<b>" not in html
    removed = diff_html("weg hier", "hier")
    assert '<del><span class="visually-hidden">verwijderd: </span>weg </del>' in removed


def test_no_difference_says_so():
    assert "Geen verschil." in diff_html("zelfde", "zelfde")
    assert "Geen verschil." in list_diff(["a"], ["a"])


def test_list_diff_names_removed_and_added_items():
    html = list_diff(["Armoede", "Schoolverzuim"], ["Schoolverzuim", "Sociale steun"])
    assert "<del>" in html and "Armoede" in html
    assert "<ins>" in html and "Sociale steun" in html
    assert html.count("<li>") == 2
