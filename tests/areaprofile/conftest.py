import pytest

from tests.areaprofile.factories import rotterdam_data


@pytest.fixture
def data(rotterdam):
    """Rotterdam > Feijenoord (gebied) > Afrikaanderwijk, Nederland, real CBS youth-care figures."""
    return rotterdam_data(rotterdam)
