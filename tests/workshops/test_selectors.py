"""Reads of the workshop: results, live state and the contracts later stages rely on."""

import pytest

from tests.workshops.factories import SessionFactory, item_of, join, statement_of
from workshops import charts, selectors, services
from workshops.models import Dimension

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ([0, 0, 0, 0, 0], 0.0),
        ([0, 0, 8, 0, 0], 0.0),
        ([4, 0, 0, 0, 4], 1.0),
        ([0, 0, 0, 4, 4], 0.25),
        ([1, 0, 0, 0, 0], 0.0),
    ],
)
def test_polarisation_runs_from_consensus_to_a_split_room(counts, expected):
    assert selectors.polarisation(counts) == expected


def test_dimension_keys_follow_the_baseline_model():
    from baseline.selectors import DEFAULT_DIMENSION_KEYS

    assert tuple(Dimension.values) == DEFAULT_DIMENSION_KEYS


def _voted_session(votes_per_round):
    session = SessionFactory()
    statement = statement_of(session)
    people = [join(session)[0] for _ in range(max(len(r) for r in votes_per_round))]
    for index, votes in enumerate(votes_per_round):
        if index:
            services.vote_round_start(item=statement)
        else:
            services.voting_open(item=statement)
        for person, value in zip(people, votes, strict=False):
            services.vote_cast(item=statement, participant=person, value=value)
    services.notes_update(item=statement, notes="Goed gesprek.")
    return session, statement


def test_statement_results_keep_every_round():
    _session, statement = _voted_session([[1, 1, 5, 5], [4, 4, 4, 5]])
    statement.refresh_from_db()
    rounds = selectors.statement_results(items=[statement])[statement.pk]
    assert [r.counts for r in rounds] == [[2, 0, 0, 0, 2], [0, 0, 0, 3, 1]]
    assert rounds[0].polarisation == 1.0
    assert rounds[1].polarisation < 0.3
    assert rounds[0].notes == "Goed gesprek."


def test_live_state_counts_this_rounds_votes_and_participants():
    session, statement = _voted_session([[1, 2, 3]])
    services.session_go(session=session, item=statement)
    state = selectors.session_live_state(session_id=session.pk)
    assert state["responses"] == 3 and state["participants"] == 3
    assert state["item"] == statement.pk and state["voting_open"] is True
    assert state["timer"] is None


def test_live_state_takes_a_fixed_number_of_queries(django_assert_max_num_queries):
    session, statement = _voted_session([[1, 2, 3, 4, 5, 1, 2]])
    services.session_go(session=session, item=statement)
    with django_assert_max_num_queries(3):
        selectors.session_live_state(session_id=session.pk)


def test_vision_for_roadmap_is_none_until_adopted_then_carries_support_and_priorities():
    session = SessionFactory()
    assert selectors.vision_for_roadmap(engagement=session.engagement) is None
    statement = services.vision_statement_add(
        session=session, text="Eerst de basis op orde.", dimension_key="quality"
    )
    services.vision_statement_add(session=session, text="Samen met de regio.")
    for choice in ("agree", "agree", "reservations", "disagree"):
        person, _token = join(session)
        services.vision_endorse(statement=statement, participant=person, choice=choice)
    services.ambassador_volunteer(participant=person, name="Fatima")
    services.vision_priorities_set(session=session, priorities=["quality", "governance"])
    assert selectors.vision_for_roadmap(engagement=session.engagement) is None
    services.vision_adopt(session=session)
    vision = selectors.vision_for_roadmap(engagement=session.engagement)
    first, second = vision.statements
    assert (first.agree, first.agree_with_reservations, first.disagree) == (2, 1, 1)
    assert first.dimension_key == "quality" and second.dimension_key is None
    assert vision.priorities == ["quality", "governance"]
    assert vision.ambassadors == ["Fatima"]
    assert vision.session_title == session.title


def test_session_highlights_only_for_a_finished_session():
    session, _statement = _voted_session([[5, 4, 4]])
    assert selectors.session_highlights(engagement=session.engagement) is None
    services.session_finish(session=session)
    highlights = selectors.session_highlights(engagement=session.engagement)
    assert highlights.participants == 3
    assert highlights.statements[0].counts == [0, 0, 0, 2, 1]
    assert highlights.examples_discussed  # the default session shows examples


def test_gallery_filters_by_task_and_complexity_and_flags_own_products():
    session = SessionFactory()
    services.own_product_create(
        engagement=session.engagement, title="Eigen afvalkaart", task="waste",
        complexity="simple", summary="Kaart.",
    )  # fmt: skip
    other = SessionFactory()
    services.own_product_create(
        engagement=other.engagement, title="Niet van ons", task="waste", complexity="simple",
        summary="Kaart.",
    )  # fmt: skip
    rows = selectors.gallery_examples(session=session, task="waste", complexity="simple")
    titles = [example.title for example, _chosen in rows]
    assert titles[0] == "Eigen afvalkaart"
    assert "Niet van ons" not in titles
    assert all(e.task == "waste" and e.complexity == "simple" for e, _c in rows)


def test_example_chart_from_sample_data_or_none():
    session = SessionFactory()
    with_chart = item_of(session, "example").example
    assert charts.example_chart(with_chart).table.rows
    with_chart.sample_chart = {}
    assert charts.example_chart(with_chart) is None


def test_session_report_and_export_in_a_fixed_number_of_queries(django_assert_max_num_queries):
    """The report and the export do not query per statement or per vote."""
    session, _statement = _voted_session([[1, 2], [3, 4]])
    with django_assert_max_num_queries(12) as small:
        selectors.session_report(session=session)
    small_count = len(small.captured_queries)
    for index in range(1, 5):
        statement = statement_of(session, index)
        services.voting_open(item=statement)
        for _ in range(5):
            services.vote_cast(item=statement, participant=join(session)[0], value=3)
    with django_assert_max_num_queries(small_count):
        selectors.session_report(session=session)
    header, rows = selectors.vote_export_rows(session=session)
    assert len(rows) == 6
    assert header[2:7] == selectors.scale_labels()


def test_engagement_export_for_the_privacy_archive_holds_results_without_tokens():
    session, _statement = _voted_session([[1, 5]])
    data = selectors.engagement_export(engagement=session.engagement)
    exported = data["sessions"][0]
    assert exported["statements"][0]["rounds"][0]["counts"] == [1, 0, 0, 0, 1]
    assert "token" not in str(data)
