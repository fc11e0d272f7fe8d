"""Writes of the workshop: the rules of a live session, enforced in services and the database."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from tests.workshops.factories import SessionFactory, item_of, join, statement_of
from workshops import services
from workshops.defaults import DEFAULT_EXAMPLES, DEFAULT_SLIDES, DEFAULT_STATEMENTS
from workshops.models import (
    Ambassador,
    Example,
    ItemKind,
    Part,
    SessionStatus,
    VisionEndorsement,
    Vote,
)

pytestmark = pytest.mark.django_db


def test_default_content_is_created_once():
    """migrate created the gallery (post_migrate); creating it again adds nothing."""
    Example.objects.filter(engagement__isnull=True).delete()
    assert services.default_content_ensure() == len(DEFAULT_EXAMPLES)
    assert services.default_content_ensure() == 0
    assert Example.objects.filter(engagement__isnull=True).count() == len(DEFAULT_EXAMPLES)


def test_default_examples_name_a_municipality_and_a_public_source():
    services.default_content_ensure()
    for example in Example.objects.all():
        assert example.municipality and example.source_name
        assert example.source_url.startswith("https://")


def test_new_session_has_the_three_parts_vision_and_ambassadors_in_order():
    session = SessionFactory()
    items = list(session.items.order_by("position"))
    parts = [item.part for item in items]
    assert parts == sorted(parts, key=services.PART_ORDER.index)
    kinds = [item.kind for item in items]
    assert kinds.count(ItemKind.SLIDE) == len(DEFAULT_SLIDES)
    assert kinds.count(ItemKind.STATEMENT) == len(DEFAULT_STATEMENTS)
    assert ItemKind.SURVEY in kinds and ItemKind.VISION in kinds
    assert kinds[-1] == ItemKind.AMBASSADORS
    assert {"Van data naar wijsheid (DIKW)", "De analyseladder", "Plan, do, check, act"} <= {
        item.title for item in items
    }
    assert len(session.join_code) == services.JOIN_CODE_LENGTH


def test_own_products_are_mixed_into_a_new_sessions_examples():
    session = SessionFactory()
    own = services.own_product_create(
        engagement=session.engagement,
        title="Ons dashboard",
        task="waste",
        complexity="simple",
        summary="Ons eigen dashboard.",
    )
    second = services.session_create(
        engagement=session.engagement, title="Tweede", held_on=session.held_on
    )
    titles = [i.example.title for i in second.items.filter(kind="example").order_by("position")]
    assert titles[1] == own.title
    assert own.is_own_product


def test_own_product_of_another_engagement_cannot_be_picked():
    session = SessionFactory()
    other = SessionFactory()
    own = services.own_product_create(
        engagement=other.engagement, title="Van een ander", task="waste", complexity="simple",
        summary="x",
    )  # fmt: skip
    with pytest.raises(ValidationError):
        services.example_toggle(session=session, example=own)


def test_example_toggle_adds_then_removes_the_example():
    session = SessionFactory()
    example = Example.objects.exclude(agenda_items__session=session).first()
    assert services.example_toggle(session=session, example=example) is True
    assert session.items.filter(example=example).exists()
    assert services.example_toggle(session=session, example=example) is False
    assert not session.items.filter(example=example).exists()


def test_item_create_adds_a_statement_at_the_end_of_the_statements_part():
    session = SessionFactory()
    item = services.item_create(session=session, kind=ItemKind.STATEMENT, title="Nieuw")
    ordered = [i.pk for i in session.items.order_by("position")]
    statements = [i.pk for i in session.items.filter(part=Part.STATEMENTS).order_by("position")]
    assert statements[-1] == item.pk
    assert ordered.index(item.pk) < ordered.index(item_of(session, "vision").pk)


def test_item_move_stays_within_its_part():
    session = SessionFactory()
    first, second = statement_of(session, 0), statement_of(session, 1)
    services.item_move(item=second, up=True)
    assert statement_of(session, 0).pk == second.pk
    services.item_move(item=statement_of(session, 0), up=True)  # first of its part: stays
    assert statement_of(session, 0).pk == second.pk
    assert statement_of(session, 1).pk == first.pk


def test_a_statement_with_votes_cannot_be_deleted():
    session = SessionFactory()
    statement = statement_of(session)
    participant, _token = join(session)
    services.voting_open(item=statement)
    services.vote_cast(item=statement, participant=participant, value=4)
    with pytest.raises(ValidationError):
        services.item_delete(item=statement)


def test_changing_a_vote_while_open_replaces_it():
    session = SessionFactory()
    statement = statement_of(session)
    participant, _token = join(session)
    services.voting_open(item=statement)
    services.vote_cast(item=statement, participant=participant, value=2)
    services.vote_cast(item=statement, participant=participant, value=5)
    assert list(Vote.objects.values_list("value", flat=True)) == [5]


def test_voting_is_refused_when_closed_and_for_another_session():
    session = SessionFactory()
    statement = statement_of(session)
    participant, _token = join(session)
    with pytest.raises(ValidationError):
        services.vote_cast(item=statement, participant=participant, value=3)
    stranger, _token = join(SessionFactory())
    services.voting_open(item=statement)
    with pytest.raises(ValidationError):
        services.vote_cast(item=statement, participant=stranger, value=3)
    with pytest.raises(ValidationError):
        services.vote_cast(item=statement, participant=participant, value=6)
    assert Vote.objects.count() == 0


def test_database_refuses_a_second_vote_in_the_same_round():
    session = SessionFactory()
    statement = statement_of(session)
    participant, _token = join(session)
    Vote.objects.create(item=statement, participant=participant, round_number=1, value=3)
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(item=statement, participant=participant, round_number=1, value=4)


def test_database_refuses_a_vote_outside_the_scale():
    session = SessionFactory()
    participant, _token = join(session)
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(
            item=statement_of(session), participant=participant, round_number=1, value=0
        )


def test_a_new_round_keeps_the_first_rounds_votes_and_hides_results():
    session = SessionFactory()
    statement = statement_of(session)
    participant, _token = join(session)
    services.voting_open(item=statement)
    services.vote_cast(item=statement, participant=participant, value=1)
    services.results_reveal(item=statement)
    services.vote_round_start(item=statement)
    services.vote_cast(item=statement, participant=participant, value=4)
    statement.refresh_from_db()
    assert statement.round_number == 2 and statement.voting_open
    assert not statement.results_revealed
    assert sorted(Vote.objects.values_list("round_number", "value")) == [(1, 1), (2, 4)]


def test_a_new_round_needs_votes_in_the_current_one():
    statement = statement_of(SessionFactory())
    with pytest.raises(ValidationError):
        services.vote_round_start(item=statement)


def test_reset_removes_only_the_current_rounds_votes():
    session = SessionFactory()
    statement = statement_of(session)
    participant, _token = join(session)
    services.voting_open(item=statement)
    services.vote_cast(item=statement, participant=participant, value=1)
    services.vote_round_start(item=statement)
    services.vote_cast(item=statement, participant=participant, value=5)
    assert services.vote_reset(item=statement) == 1
    assert list(Vote.objects.values_list("round_number", flat=True)) == [1]


def test_going_to_another_item_closes_voting_and_starts_the_session():
    session = SessionFactory()
    statement = statement_of(session)
    services.session_go(session=session, item=statement)
    services.voting_open(item=statement)
    session = services.session_step(session=session, forward=True)
    statement.refresh_from_db()
    assert not statement.voting_open
    assert session.status == SessionStatus.LIVE
    assert session.current_item == statement_of(session, 1)


def test_step_stops_at_both_ends_of_the_agenda():
    session = SessionFactory()
    session = services.session_step(session=session, forward=False)
    first = session.items.order_by("position").first()
    assert session.current_item == first
    session = services.session_step(session=session, forward=False)
    assert session.current_item == first


def test_every_screen_change_raises_the_version_and_pushes_on_commit(
    django_capture_on_commit_callbacks,
):
    session = SessionFactory()
    before = session.version
    with django_capture_on_commit_callbacks() as callbacks:
        services.session_step(session=session, forward=True)
    session.refresh_from_db()
    assert session.version == before + 1
    assert len(callbacks) == 1


def test_timer_refuses_a_silly_duration_and_can_be_stopped():
    session = SessionFactory()
    with pytest.raises(ValidationError):
        services.timer_start(session=session, minutes=0)
    session = services.timer_start(session=session, minutes=5)
    assert session.timer_ends_at is not None
    assert services.timer_stop(session=session).timer_ends_at is None


def test_joining_stores_only_the_tokens_hash():
    session = SessionFactory()
    participant, token = join(session, name="  Ans ", department="Financiën")
    assert participant.token_hash == services.token_hash(token)
    assert token not in participant.token_hash
    assert participant.name == "Ans"


def test_a_finished_session_cannot_be_joined():
    session = services.session_finish(session=SessionFactory())
    with pytest.raises(ValidationError):
        join(session)


def test_example_marks_are_one_per_participant_and_can_be_undone():
    session = SessionFactory()
    example = item_of(session, "example")
    participant, _token = join(session)
    services.example_mark_set(item=example, participant=participant, relevant=True)
    services.example_mark_set(item=example, participant=participant, relevant=True)
    assert example.marks.count() == 1
    services.example_mark_set(item=example, participant=participant, relevant=False)
    assert example.marks.count() == 0


def test_vision_endorsement_replaces_and_closes_on_adoption():
    session = SessionFactory()
    statement = services.vision_statement_add(
        session=session, text="Wij sturen op feiten.", dimension_key="strategy"
    )
    participant, _token = join(session)
    services.vision_endorse(statement=statement, participant=participant, choice="agree")
    services.vision_endorse(statement=statement, participant=participant, choice="disagree")
    assert list(VisionEndorsement.objects.values_list("choice", flat=True)) == ["disagree"]
    services.vision_adopt(session=session)
    with pytest.raises(ValidationError):
        services.vision_endorse(statement=statement, participant=participant, choice="agree")


def test_vision_cannot_be_adopted_without_statements():
    with pytest.raises(ValidationError):
        services.vision_adopt(session=SessionFactory())


def test_vision_statement_refuses_an_unknown_dimension():
    with pytest.raises(ValidationError):
        services.vision_statement_add(session=SessionFactory(), text="x", dimension_key="magic")


def test_priorities_accept_each_known_dimension_once():
    session = SessionFactory()
    services.vision_priorities_set(session=session, priorities=["quality", "use"])
    session.refresh_from_db()
    assert session.priorities == ["quality", "use"]
    with pytest.raises(ValidationError):
        services.vision_priorities_set(session=session, priorities=["use", "use"])
    with pytest.raises(ValidationError):
        services.vision_priorities_set(session=session, priorities=["unknown"])


def test_an_ambassador_needs_a_name_and_can_withdraw():
    session = SessionFactory()
    participant, _token = join(session)
    with pytest.raises(ValidationError):
        services.ambassador_volunteer(participant=participant, name="  ")
    services.ambassador_volunteer(participant=participant, name="Piet", department="VTH")
    services.ambassador_volunteer(participant=participant, name="Piet Jansen")
    assert list(Ambassador.objects.values_list("name", flat=True)) == ["Piet Jansen"]
    services.ambassador_withdraw(participant=participant)
    assert not Ambassador.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_200_simultaneous_votes_give_exactly_200_rows():
    """200 phones vote at the same moment (threads, one connection each): 200 rows."""
    session = SessionFactory()
    statement = statement_of(session)
    services.voting_open(item=statement)
    participants = [join(session)[0] for _ in range(200)]
    barrier = threading.Barrier(20)
    errors = []

    def cast(chunk):
        from django.db import connection as thread_connection

        try:
            barrier.wait()
            for participant in chunk:
                services.vote_cast(
                    item=statement, participant=participant, value=1 + participant.pk % 5
                )
                # The same phone sends its vote twice (a double tap): still one row.
                services.vote_cast(item=statement, participant=participant, value=3)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=cast, args=(participants[i::20],)) for i in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Vote.objects.filter(item=statement).count() == 200
    assert set(Vote.objects.values_list("value", flat=True)) == {3}
    assert connection.vendor in {"sqlite", "postgresql"}


def test_personal_data_purge_keeps_votes_but_drops_names():
    session = SessionFactory()
    statement = statement_of(session)
    participant, _token = join(session, name="Ans", department="Financiën")
    services.voting_open(item=statement)
    services.vote_cast(item=statement, participant=participant, value=4)
    services.ambassador_volunteer(participant=participant, name="Ans de Boer")
    assert services.personal_data_purge(engagement=session.engagement) == 2
    participant.refresh_from_db()
    assert (participant.name, participant.department) == ("", "")
    assert Ambassador.objects.get().name == "Ambassadeur 1"
    assert Vote.objects.count() == 1


def test_deleting_the_engagement_removes_its_sessions_and_own_products():
    session = SessionFactory()
    services.own_product_create(
        engagement=session.engagement, title="Eigen", task="waste", complexity="simple",
        summary="x",
    )  # fmt: skip
    services.session_create(
        engagement=session.engagement, title="Met eigen", held_on=session.held_on
    )
    session.engagement.delete()
    assert not Example.objects.filter(engagement__isnull=False).exists()
    assert Example.objects.filter(engagement__isnull=True).exists()


# --- The facilitator's controls ------------------------------------------------------------


def test_every_facilitator_button_has_a_service():
    from workshops.forms import ControlAction

    assert set(ControlAction.ALL) == set(services.CONTROLS)


def test_a_control_runs_its_service_and_says_what_happened_in_dutch():
    session = SessionFactory()
    statement = statement_of(session)
    said = services.session_control(
        session=session, action="goto", data={"target": statement.pk}, notes=None
    )
    assert said == f"Nu op het scherm: {statement.title}"
    assert services.session_control(session=session, action="open", data={}) == "Stemmen is open."
    statement.refresh_from_db()
    assert statement.voting_open
    said = services.session_control(session=session, action="timer_start", data={"minutes": 2.5})
    assert said == "De timer loopt 2,5 minuten."


def test_a_control_keeps_the_notes_on_the_item_they_were_typed_for():
    """Notes typed for one item, sent with a button pressed after another screen moved on,
    stay with that item and do not overwrite the notes of the item shown now."""
    session = SessionFactory()
    first, second = statement_of(session, 0), statement_of(session, 1)
    services.session_go(session=session, item=second)
    services.session_control(
        session=session, action="save_notes", data={"notes_item": first.pk}, notes="Eerste."
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.notes, second.notes) == ("Eerste.", "")


def test_an_item_control_without_a_current_item_is_refused():
    session = SessionFactory()
    with pytest.raises(ValidationError, match="Kies eerst een onderdeel"):
        services.session_control(session=session, action="reveal", data={})
    with pytest.raises(ValidationError):
        services.session_control(session=session, action="nonsense", data={})
