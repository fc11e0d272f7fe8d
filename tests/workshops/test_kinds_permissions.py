"""Permission cases of the interactive kinds' URLs (collected by test_permissions.CASES)."""

from tests.permissions import UrlCase, manage_matrix, view_matrix
from tests.workshops.factories import item_of, join
from workshops import services
from workshops.models import Contribution


def _session(world):
    from tests.workshops.test_permissions import _session as session_of

    return session_of(world)


def _pk(world):
    return {"pk": _session(world).pk}


def _code(world):
    return {"code": _session(world).join_code}


def _contribution(world):
    session = _session(world)
    contribution = Contribution.objects.filter(item__session=session).first()
    if contribution is None:
        item = item_of(session, "question")
        services.session_go(session=session, item=item)
        services.voting_open(item=item)
        person, _token = join(session)
        contribution = services.contribution_add(item=item, participant=person, text="data")
    return {"pk": session.pk, "contribution_pk": contribution.pk}


def _statement(world):
    session = _session(world)
    statement = session.vision_statements.first() or services.vision_statement_add(
        session=session, text="Wij sturen op feiten."
    )
    return {"pk": session.pk, "statement_pk": statement.pk}


def _example_item(world):
    return {"code": _session(world).join_code, "item_pk": item_of(_session(world), "example").pk}


def _example(world):
    session = _session(world)
    return {"pk": session.pk, "example_pk": item_of(session, "example").example_id}


def everyone(status):
    return dict.fromkeys(
        ("anonymous", "staff_a", "staff_b", "consultant_on", "consultant_off", "admin"), status
    )


KIND_CASES = [
    # Without a participant cookie a phone's form goes to the join page.
    UrlCase("workshops:contribute", kwargs=_code, method="post", expected=everyone(302)),
    UrlCase("workshops:upvote", kwargs=_code, method="post", expected=everyone(302)),
    UrlCase("workshops:poll_vote", kwargs=_code, method="post", expected=everyone(302)),
    UrlCase("workshops:ranking", kwargs=_code, method="post", expected=everyone(302)),
    # The example of the default agenda has no picture: 404 for everyone.
    UrlCase("workshops:item_picture", kwargs=_example_item, expected=everyone(404)),
    UrlCase(
        "workshops:contribution_hide",
        kwargs=_contribution,
        method="post",
        data=lambda w: {"hidden": "1"},
        expected=manage_matrix(302),
    ),
    UrlCase(
        "workshops:ranking_apply",
        kwargs=lambda w: {"pk": _session(w).pk, "item_pk": item_of(_session(w), "ranking").pk},
        method="post",
        expected=manage_matrix(302),
    ),
    UrlCase(
        "workshops:vision_statement_edit",
        kwargs=_statement,
        method="post",
        data=lambda w: {"text": "Wij sturen op feiten en gevoel."},
        expected=manage_matrix(302),
    ),
    UrlCase(
        "workshops:vision_prepare",
        kwargs=_pk,
        method="post",
        data=lambda w: {"text": "Wij delen data."},
        expected=manage_matrix(302),
    ),
    UrlCase("workshops:interactions_csv", kwargs=_pk, expected=view_matrix()),
    UrlCase("workshops:interactions_xlsx", kwargs=_pk, expected=view_matrix()),
    UrlCase("workshops:gallery_picture", kwargs=_example, expected=manage_matrix(404)),
    UrlCase(
        "workshops:gallery_picture_set", kwargs=_example, method="post", expected=manage_matrix(302)
    ),
]
