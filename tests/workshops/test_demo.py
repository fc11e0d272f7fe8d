"""The demo's sessions: `make run` shows every kind of the finished session with answers."""

import io

import pytest

from tests.engagements.factories import EngagementFactory
from workshops import demo, selectors
from workshops.models import (
    Contribution,
    ItemKind,
    PollVote,
    RankingBallot,
    Session,
    SessionStatus,
    Upvote,
)

pytestmark = pytest.mark.django_db


def test_the_demo_session_has_answers_for_every_interactive_kind():
    engagement = EngagementFactory()
    demo.seed({"engagement": engagement}, io.StringIO())
    finished = Session.objects.get(engagement=engagement, title=demo.FINISHED_TITLE)
    assert finished.status == SessionStatus.FINISHED
    question = finished.items.get(kind=ItemKind.QUESTION)
    cloud = selectors.kind_screen(item=question)["cloud"]
    assert {"feiten", "dashboards", "privacy"} <= {entry.word for entry in cloud}
    hidden = Contribution.objects.get(item=question, hidden=True)
    assert hidden.text == demo.HIDDEN_ANSWER
    assert PollVote.objects.filter(item__session=finished).count() == len(demo.PARTICIPANTS)
    ideas = selectors.ideas_ranked(item=finished.items.get(kind=ItemKind.IDEAS))
    assert len(ideas) == len(demo.IDEAS) and ideas[0].votes == 5
    assert Upvote.objects.filter(contribution__item__session=finished).count() == 15
    assert RankingBallot.objects.filter(item__session=finished).count() == len(demo.PARTICIPANTS)
    # The room's ranking gave the priorities the roadmap orders its actions by.
    assert finished.priorities == ["quality", "governance", "use"]
    ready = Session.objects.get(engagement=engagement, title=demo.READY_TITLE)
    statement = ready.items.filter(kind=ItemKind.STATEMENT).order_by("position").first()
    assert statement.presenter_notes.startswith("Eerst stemmen")
