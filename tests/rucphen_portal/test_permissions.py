import pytest

from tests.permissions import LOGIN, UrlCase, check_case

EVERYONE_200 = dict.fromkeys(
    ("anonymous", "staff_a", "staff_b", "consultant_on", "consultant_off", "admin"), 200
)

CASES = [
    UrlCase("healthz", expected=EVERYONE_200),
    UrlCase("livez", expected=EVERYONE_200),
    UrlCase(
        "login",
        expected={
            **EVERYONE_200,
            **dict.fromkeys(
                ("staff_a", "staff_b", "consultant_on", "consultant_off", "admin"), 302
            ),
        },
    ),
    UrlCase("logout", method="post", expected=dict.fromkeys(EVERYONE_200, 302)),
    UrlCase("password_reset", expected=EVERYONE_200),
    UrlCase("password_reset_done", expected=EVERYONE_200),
    UrlCase(
        "password_reset_confirm",
        kwargs=lambda w: {"uidb64": "MQ", "token": "set-password"},
        expected=EVERYONE_200,
    ),
    UrlCase("password_reset_complete", expected=EVERYONE_200),
    UrlCase(
        "password_change",
        expected={**EVERYONE_200, "anonymous": LOGIN},
    ),
    UrlCase(
        "password_change_done",
        expected={**EVERYONE_200, "anonymous": LOGIN},
    ),
    UrlCase(
        "set_language",
        method="post",
        data=lambda w: {"language": "en", "next": "/"},
        expected=dict.fromkeys(EVERYONE_200, 302),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_permission_matrix(world, case):
    assert check_case(world, case) == []
