"""Fixtures of the core tests: a programme of Gemeente Rotterdam on the default framework."""

from __future__ import annotations

import pytest

from duiding.frameworks.models import Framework
from duiding.programmes.services import programme_create


@pytest.fixture
def programme(rotterdam, municipality_org, adviseur, partner_org):
    return programme_create(
        user=adviseur,
        name="Wijkprogramma Rotterdam 2025–2026",
        area=rotterdam,
        framework=Framework.objects.get(is_default=True),
        organisation=municipality_org,
        owner=adviseur,
        start_year=2025,
        end_year=2026,
        partners=[partner_org],
    )
