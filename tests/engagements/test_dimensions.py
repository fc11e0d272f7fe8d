"""The seven dimensions are defined once (engagements.dimensions) and every stage reads them."""

import pytest
from django.utils import translation

from baseline.default_model import DEFAULT_MODEL
from engagements.dimensions import DIMENSION_KEYS, Dimension


def test_the_default_maturity_model_has_the_seven_dimensions_in_order_with_their_dutch_names():
    with translation.override("nl"):
        expected = [(dimension.value, str(dimension.label)) for dimension in Dimension]
    assert [(d["key"], d["name"]) for d in DEFAULT_MODEL["dimensions"]] == expected


def test_dimension_names_are_translated():
    with translation.override("en"):
        assert str(Dimension.QUALITY.label) == "Data quality"
    with translation.override("nl"):
        assert str(Dimension.QUALITY.label) == "Datakwaliteit"


@pytest.mark.django_db
def test_the_roadmap_default_goals_and_the_workshop_read_the_same_dimensions():
    from roadmap.selectors import default_dimension_goals
    from workshops.models import Dimension as WorkshopDimension

    assert WorkshopDimension is Dimension
    with translation.override("nl"):
        goals = default_dimension_goals()
    assert [key for key, _name, _current, _target in goals] == list(DIMENSION_KEYS)
    assert goals[3][1] == "Datakwaliteit"
