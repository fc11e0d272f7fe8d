import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _dutch():
    """Generated reasons and warnings are Dutch; another test's request may have left a
    different language active in this thread."""
    with translation.override("nl"):
        yield
