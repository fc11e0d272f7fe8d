import pytest

from tests.permissions import LOGIN, UrlCase, check_case, manage_matrix, view_matrix


def _invitation_kwargs(world):
    """Organisation A's invitation of a new staff member (made once per world)."""
    if "staff_invitation" not in world.extra:
        from engagements.services import staff_invite

        world.extra["staff_invitation"] = staff_invite(
            organisation=world.org_a,
            first_name="Ivo",
            last_name="Nieuw",
            email="ivo@alfa.example",
            invited_by=world.users["admin"],
            base_url="http://testserver/",
        )
    return {"pk": world.org_a.pk, "invitation_pk": world.extra["staff_invitation"].pk}


# Inviting staff: administrators, and consultants of one of the organisation's engagements.
INVITE_MATRIX = {
    "anonymous": LOGIN,
    "staff_a": 403,
    "staff_b": 404,
    "consultant_on": 200,
    "consultant_off": 403,
    "admin": 200,
}
INVITE_POST_MATRIX = {**INVITE_MATRIX, "consultant_on": 302, "admin": 302}

CASES = [
    UrlCase(
        "engagements:home",
        expected={
            "anonymous": LOGIN,
            "staff_a": 200,
            "staff_b": 200,
            "consultant_on": 200,
            "consultant_off": 200,
            "admin": 200,
        },
    ),
    UrlCase(
        "engagements:engagement_create",
        expected={
            "anonymous": LOGIN,
            "staff_a": 403,
            "staff_b": 403,
            "consultant_on": 200,
            "consultant_off": 200,
            "admin": 200,
        },
    ),
    UrlCase(
        "engagements:engagement_detail",
        kwargs=lambda w: {"pk": w.engagement.pk},
        expected=view_matrix(),
    ),
    UrlCase(
        "engagements:engagement_update",
        kwargs=lambda w: {"pk": w.engagement.pk},
        expected=manage_matrix(),
    ),
    UrlCase(
        "engagements:engagement_summary_pdf",
        kwargs=lambda w: {"pk": w.engagement.pk},
        expected=view_matrix(),
    ),
    UrlCase(
        "engagements:engagement_export",
        kwargs=lambda w: {"pk": w.engagement.pk},
        expected={
            "anonymous": LOGIN,
            "staff_a": 403,
            "staff_b": 404,
            "consultant_on": 403,
            "consultant_off": 404,
            "admin": 200,
        },
    ),
    UrlCase(
        "engagements:engagement_delete",
        kwargs=lambda w: {"pk": w.engagement.pk},
        expected={
            "anonymous": LOGIN,
            "staff_a": 403,
            "staff_b": 404,
            "consultant_on": 403,
            "consultant_off": 404,
            "admin": 200,
        },
    ),
    UrlCase(
        "engagements:audit_log",
        expected={
            "anonymous": LOGIN,
            "staff_a": 403,
            "staff_b": 403,
            "consultant_on": 200,
            "consultant_off": 200,
            "admin": 200,
        },
    ),
    UrlCase(
        "engagements:organisation_list",
        expected={
            "anonymous": LOGIN,
            "staff_a": 200,
            "staff_b": 200,
            "consultant_on": 200,
            "consultant_off": 200,
            "admin": 200,
        },
    ),
    UrlCase(
        "engagements:organisation_create",
        expected={
            "anonymous": LOGIN,
            "staff_a": 403,
            "staff_b": 403,
            "consultant_on": 200,
            "consultant_off": 200,
            "admin": 200,
        },
    ),
    UrlCase(
        "engagements:organisation_detail",
        kwargs=lambda w: {"pk": w.org_a.pk},
        expected={
            "anonymous": LOGIN,
            "staff_a": 200,
            "staff_b": 404,
            "consultant_on": 200,
            "consultant_off": 200,
            "admin": 200,
        },
    ),
    UrlCase(
        "engagements:organisation_update",
        kwargs=lambda w: {"pk": w.org_a.pk},
        expected={
            "anonymous": LOGIN,
            "staff_a": 403,
            "staff_b": 404,
            "consultant_on": 200,
            # Only consultants of the organisation's engagements change its name and logo.
            "consultant_off": 403,
            "admin": 200,
        },
    ),
    UrlCase(
        "engagements:staff_invite",
        kwargs=lambda w: {"pk": w.org_a.pk},
        expected=INVITE_MATRIX,
    ),
    UrlCase(
        "engagements:staff_invitation_resend",
        kwargs=_invitation_kwargs,
        method="post",
        expected=INVITE_POST_MATRIX,
    ),
    UrlCase(
        "engagements:staff_invitation_revoke",
        kwargs=_invitation_kwargs,
        method="post",
        expected=INVITE_POST_MATRIX,
    ),
    UrlCase(
        # Organisation A has no logo: 404 for everyone who may see it.
        "engagements:organisation_logo",
        kwargs=lambda w: {"pk": w.org_a.pk},
        expected={
            "anonymous": LOGIN,
            "staff_a": 404,
            "staff_b": 404,
            "consultant_on": 404,
            "consultant_off": 404,
            "admin": 404,
        },
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_permission_matrix(world, case):
    assert check_case(world, case) == []
