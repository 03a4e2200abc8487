from duiding.core.exports import safe_text


def test_safe_text_prefixes_only_formula_starts():
    assert safe_text("=1+1") == "'=1+1"
    assert safe_text("-2") == "'-2"
    assert safe_text("\tx") == "'\tx"
    assert safe_text("Feijenoord") == "Feijenoord"
    assert safe_text("") == ""
