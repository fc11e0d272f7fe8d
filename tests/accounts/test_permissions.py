import pytest

from tests.permissions import UrlCase, check_case

EVERYONE_200 = dict.fromkeys(
    ("anonymous", "staff_a", "staff_b", "consultant_on", "consultant_off", "admin"), 200
)

CASES = [
    # Anyone may open an invitation link; a wrong one says it no longer works.
    UrlCase(
        "invitation_accept",
        kwargs=lambda w: {"uidb64": "MQ", "token": "abc-def"},
        expected=EVERYONE_200,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_permission_matrix(world, case):
    assert check_case(world, case) == []
