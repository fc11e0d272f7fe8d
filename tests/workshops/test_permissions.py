"""Every URL of the workshop app, for every role: viewers read, managers run, anyone joins."""

import pytest

from tests.permissions import UrlCase, check_case, manage_matrix, view_matrix
from tests.workshops.factories import SessionFactory, item_of
from tests.workshops.test_kinds_permissions import KIND_CASES
from workshops.models import Example
from workshops.services import default_content_ensure


def _session(world):
    if "session" not in world.extra:
        world.extra["session"] = SessionFactory(engagement=world.engagement)
    return world.extra["session"]


def _pk(world):
    return {"pk": _session(world).pk}


def _item(world, kind="slide"):
    return {"pk": _session(world).pk, "item_pk": item_of(_session(world), kind).pk}


def _code(world):
    return {"code": _session(world).join_code}


def _example(world):
    default_content_ensure()
    example = Example.objects.filter(engagement__isnull=True).order_by("title").last()
    return {"pk": _session(world).pk, "example_pk": example.pk}


def everyone(status):
    return dict.fromkeys(
        ("anonymous", "staff_a", "staff_b", "consultant_on", "consultant_off", "admin"), status
    )


CASES = [
    UrlCase(
        "workshops:session_list",
        kwargs=lambda w: {"engagement_pk": w.engagement.pk},
        expected=view_matrix(),
    ),
    UrlCase(
        "workshops:session_create",
        kwargs=lambda w: {"engagement_pk": w.engagement.pk},
        expected=manage_matrix(),
    ),
    UrlCase(
        "workshops:own_product_create",
        kwargs=lambda w: {"engagement_pk": w.engagement.pk},
        expected=manage_matrix(),
    ),
    UrlCase("workshops:session_detail", kwargs=_pk, expected=view_matrix()),
    UrlCase("workshops:item_create", kwargs=_pk, expected=manage_matrix()),
    UrlCase("workshops:item_update", kwargs=_item, expected=manage_matrix()),
    UrlCase(
        "workshops:item_delete",
        kwargs=lambda w: _item(w, "ambassadors"),
        method="post",
        # The first manager removes the item: later requests find no item (404).
        expected={**manage_matrix(302), "admin": 404},
    ),
    UrlCase(
        "workshops:item_move",
        kwargs=_item,
        method="post",
        data=lambda w: {"direction": "down"},
        expected=manage_matrix(302),
    ),
    UrlCase("workshops:gallery", kwargs=_pk, expected=manage_matrix()),
    UrlCase(
        "workshops:example_toggle", kwargs=_example, method="post", expected=manage_matrix(302)
    ),
    UrlCase("workshops:facilitator", kwargs=_pk, expected=manage_matrix()),
    UrlCase("workshops:facilitator_fragment", kwargs=_pk, expected=manage_matrix()),
    UrlCase(
        "workshops:control",
        kwargs=_pk,
        method="post",
        data=lambda w: {"action": "next", "notes": ""},
        expected=manage_matrix(302),
    ),
    UrlCase("workshops:projector", kwargs=_pk, expected=manage_matrix()),
    UrlCase("workshops:projector_fragment", kwargs=_pk, expected=manage_matrix()),
    UrlCase("workshops:report_pdf", kwargs=_pk, expected=view_matrix()),
    UrlCase("workshops:votes_csv", kwargs=_pk, expected=view_matrix()),
    UrlCase("workshops:votes_xlsx", kwargs=_pk, expected=view_matrix()),
    # Participants need no account: the join code is the key, a cookie says who they are.
    UrlCase("workshops:join", expected=everyone(200)),
    UrlCase("workshops:join_session", kwargs=_code, expected=everyone(200)),
    # Without a participant cookie the participant pages send you to the join page.
    UrlCase("workshops:participant", kwargs=_code, expected=everyone(302)),
    # The phones' screen is one shared render: the join code is enough, like the status.
    UrlCase("workshops:participant_fragment", kwargs=_code, expected=everyone(200)),
    UrlCase("workshops:own_answers", kwargs=_code, expected=everyone(403)),
    UrlCase("workshops:live_state", kwargs=_code, expected=everyone(200)),
    UrlCase("workshops:vote", kwargs=_code, method="post", expected=everyone(302)),
    UrlCase("workshops:mark", kwargs=_code, method="post", expected=everyone(302)),
    UrlCase("workshops:endorse", kwargs=_code, method="post", expected=everyone(302)),
    UrlCase("workshops:ambassador", kwargs=_code, method="post", expected=everyone(302)),
    *KIND_CASES,
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_permission_matrix(world, case):
    assert check_case(world, case) == []


def test_unknown_join_code_is_404_for_everyone(client, db):
    assert client.get("/sessie/live/ZZZZZZ/status.json").status_code == 404
    assert client.get("/sessie/doe-mee/ZZZZZZ/").status_code == 404


def test_staff_of_the_client_cannot_control_the_session(world, client):
    """Organisation staff may read the results but never run the session."""
    session = _session(world)
    client.force_login(world.users["staff_a"])
    response = client.post(f"/sessie/{session.pk}/regie/actie/", {"action": "next"})
    assert response.status_code == 403
    session.refresh_from_db()
    assert session.current_item is None
