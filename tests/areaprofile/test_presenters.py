from duiding.areaprofile.presenters import indelingswijziging_code, indelingswijziging_text


def test_indelingswijziging_is_explained():
    assert indelingswijziging_code("1.0") == "1"
    assert indelingswijziging_text("3").startswith("3: afbakening gewijzigd")
    assert indelingswijziging_text("") == ""
    assert indelingswijziging_text("9") == "9"
