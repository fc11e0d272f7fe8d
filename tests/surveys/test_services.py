import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from engagements.tokens import token_hash
from surveys import services
from surveys.default_template import DEFAULT_TEMPLATE_KEY
from surveys.models import (
    Answer,
    Invitation,
    InvitationStatus,
    Question,
    QuestionKind,
    Response,
    ResponseStatus,
    Survey,
    SurveyStatus,
)
from surveys.selectors import response_answers, survey_definition, survey_questions
from tests.engagements.factories import EngagementFactory
from tests.surveys.factories import small_survey, template_survey
from tests.worker import run_queued_tasks

pytestmark = pytest.mark.django_db


@pytest.fixture
def engagement():
    return EngagementFactory()


def _questions(survey):
    return {question.text: question for question in survey_questions(survey=survey)}


def _invite(survey, *people):
    return services.invitations_create(
        survey=survey,
        people=[(name, f"{name.lower()}@example.org") for name in people],
        base_url="https://portal.example/",
    )


# --- Templates, copies, definitions -----------------------------------------------------------


def test_default_template_is_created_once_and_covers_every_question_type():
    first = services.default_template_ensure()
    second = services.default_template_ensure()
    assert first.pk == second.pk
    assert Survey.objects.filter(template_key=DEFAULT_TEMPLATE_KEY).count() == 1
    assert first.is_template and first.title == "Kennis en beeld van datagedreven werken"
    kinds = {question.kind for question in survey_questions(survey=first)}
    assert kinds == set(QuestionKind.values)
    conditional = [q for q in survey_questions(survey=first) if q.condition_question_id]
    assert len(conditional) == 1


def test_copying_the_template_copies_pages_questions_and_conditions_not_the_template(
    engagement,
):
    template = services.default_template_ensure()
    survey = services.survey_copy(source=template, engagement=engagement, title="Onze enquête")
    assert survey.engagement == engagement and survey.title == "Onze enquête"
    copied = survey_questions(survey=survey)
    assert len(copied) == len(survey_questions(survey=template))
    conditional = next(q for q in copied if q.condition_question_id)
    assert conditional.condition_question.page.survey_id == survey.pk
    services.question_update(question=copied[0], text="Gewijzigd")
    assert survey_questions(survey=template)[0].text != "Gewijzigd"


def test_a_template_cannot_be_opened_or_distributed():
    template = services.default_template_ensure()
    with pytest.raises(ValidationError):
        services.survey_open(survey=template)
    with pytest.raises(ValidationError):
        _invite(template, "Ans")


def test_export_then_import_gives_the_same_definition(engagement):
    survey = template_survey(engagement=engagement)
    definition = survey_definition(survey=survey)
    imported = services.survey_create_from_definition(definition=definition, engagement=engagement)
    assert survey_definition(survey=imported) == definition


def test_import_refuses_a_condition_on_a_later_page(engagement):
    definition = survey_definition(survey=template_survey(engagement=engagement))
    definition["pages"][0]["questions"][0]["condition"] = {"question": "v2", "value": "5"}
    with pytest.raises(ValidationError, match="eerdere pagina"):
        services.survey_create_from_definition(definition=definition, engagement=engagement)


def test_import_refuses_a_file_of_another_format(engagement):
    with pytest.raises(ValidationError):
        services.survey_create_from_definition(definition={"pages": []}, engagement=engagement)


# --- Authoring --------------------------------------------------------------------------------


def test_moving_questions_and_pages_swaps_their_positions(engagement):
    survey = small_survey(engagement=engagement, open_it=False)
    first, second = survey_questions(survey=survey)[:2]
    services.question_move(question=second, direction="up")
    assert [q.pk for q in survey_questions(survey=survey)[:2]] == [second.pk, first.pk]
    pages = list(survey.pages.order_by("position"))
    services.page_move(page=pages[1], direction="up")
    assert list(survey.pages.order_by("position")) == [pages[1], pages[0]]


def test_a_page_cannot_move_before_the_page_its_condition_refers_to(engagement):
    survey = template_survey(engagement=engagement)
    conditional = next(q for q in survey_questions(survey=survey) if q.condition_question_id)
    earlier_page = conditional.condition_question.page
    # Move the conditional question's page up until it meets the page it depends on.
    page = conditional.page
    with pytest.raises(ValidationError):
        for _step in range(page.position - earlier_page.position):
            services.page_move(page=page, direction="up")


def test_a_condition_must_point_to_an_earlier_page(engagement):
    survey = small_survey(engagement=engagement, open_it=False)
    questions = survey_questions(survey=survey)
    with pytest.raises(ValidationError):
        services.question_update(
            question=questions[0], condition_question=questions[2], condition_value="x"
        )


def test_editing_options_never_changes_answers_already_given(engagement):
    survey = small_survey(engagement=engagement)
    question = _questions(survey)["Welke producten gebruikt u?"]
    response, _token = services.response_start_open(
        survey=services.survey_update(survey=survey, open_link_enabled=True)
    )
    value = {"choices": ["Dashboard"], "other": ""}
    services.answers_save(response=response, values={question: value})
    services.question_update(question=question, options=["Dashboards", "Rapportage"])
    assert response_answers(response=response)[question.pk] == value
    with pytest.raises(ValidationError):
        services.question_update(question=question, kind=QuestionKind.SINGLE)
    with pytest.raises(ValidationError):
        services.question_delete(question=question)


def test_choice_questions_need_two_distinct_options(engagement):
    survey = small_survey(engagement=engagement, open_it=False)
    page = survey.pages.first()
    with pytest.raises(ValidationError):
        services.question_create(page=page, kind=QuestionKind.SINGLE, text="?", options=["Ja"])
    with pytest.raises(ValidationError):
        services.question_create(
            page=page, kind=QuestionKind.SINGLE, text="?", options=["Ja", "Ja"]
        )


def test_reopening_a_closed_survey_clears_a_past_closing_date(engagement):
    survey = small_survey(engagement=engagement)
    services.survey_close(survey=survey)
    assert survey.status == SurveyStatus.CLOSED
    survey.closes_at = timezone.now() - datetime.timedelta(days=1)
    survey.opens_at = timezone.now() - datetime.timedelta(days=2)
    survey.save()
    services.survey_open(survey=survey)
    assert survey.status == SurveyStatus.OPEN and survey.closes_at is None
    assert survey.accepts_answers(timezone.now())


def test_a_survey_without_questions_cannot_be_opened(engagement):
    survey = services.survey_create_blank(engagement=engagement, title="Leeg")
    with pytest.raises(ValidationError):
        services.survey_open(survey=survey)


# --- Invitations ------------------------------------------------------------------------------


def test_invitations_are_mailed_by_the_worker_with_a_personal_unguessable_link(
    engagement, mailoutbox, django_capture_on_commit_callbacks
):
    survey = template_survey(engagement=engagement)
    with django_capture_on_commit_callbacks(execute=True):
        created = _invite(survey, "Ans", "Bert")
    assert mailoutbox == [], "sent in the background, not in the request"
    assert run_queued_tasks() == 1
    assert len(mailoutbox) == 2
    mail = mailoutbox[0]
    invitation = created[0]
    assert mail.to == [invitation.email]
    assert f"https://portal.example/enquete/invullen/{invitation.token}/" in mail.body
    assert "Beste Ans" in mail.body
    # token_urlsafe(24): 24 random bytes, 192 bits.
    assert len(invitation.token) >= 32
    assert len({i.token for i in Invitation.objects.all()}) == 2


def test_inviting_an_address_twice_makes_one_invitation(engagement):
    survey = template_survey(engagement=engagement)
    _invite(survey, "Ans")
    assert _invite(survey, "Ans") == []
    assert survey.invitations.count() == 1


def test_reminders_go_only_to_people_who_have_not_sent_their_answers(
    engagement, mailoutbox, django_capture_on_commit_callbacks
):
    survey = small_survey(engagement=engagement)
    with django_capture_on_commit_callbacks(execute=True):
        done, pending = _invite(survey, "Ans", "Bert")
    run_queued_tasks()
    _answer_and_submit(done)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        count = services.invitation_reminders_send(survey=survey, base_url="https://p.example/")
    run_queued_tasks()
    assert count == 1
    assert [mail.to for mail in mailoutbox] == [[pending.email]]
    assert mailoutbox[0].subject.startswith("Herinnering")
    pending.refresh_from_db()
    assert pending.reminder_count == 1


# --- Answering and anonymity ------------------------------------------------------------------


def _answer_and_submit(invitation) -> Response:
    response = services.response_start_for_invitation(invitation=invitation)
    questions = survey_questions(survey=invitation.survey)
    values = {}
    for question in questions:
        if question.kind == QuestionKind.LIKERT:
            values[question] = 4
        elif question.kind == QuestionKind.RANKING:
            values[question] = question.options[: question.ranking_places]
    services.answers_save(response=response, values=values)
    return services.response_submit(response=response)


def test_the_same_invitation_resumes_the_same_response(engagement):
    survey = small_survey(engagement=engagement)
    (invitation,) = _invite(survey, "Ans")
    first = services.response_start_for_invitation(invitation=invitation)
    second = services.response_start_for_invitation(invitation=invitation)
    assert first.pk == second.pk
    assert Response.objects.filter(survey=survey).count() == 1
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.STARTED and invitation.response_id == first.pk


def test_submitting_cuts_every_tie_between_invitation_and_response(engagement):
    survey = small_survey(engagement=engagement)
    (invitation,) = _invite(survey, "Ans")
    response = _answer_and_submit(invitation)
    invitation.refresh_from_db()
    response.refresh_from_db()
    assert invitation.status == InvitationStatus.ANSWERED
    assert invitation.response_id is None
    assert response.status == ResponseStatus.COMPLETED
    assert response.token_hash is None and response.last_activity_at is None
    field_names = {field.name for field in Response._meta.get_fields()}
    assert not field_names & {"ip_address", "user_agent", "submitted_at", "created_at"}


def test_a_used_invitation_cannot_start_or_submit_again(engagement):
    survey = small_survey(engagement=engagement)
    (invitation,) = _invite(survey, "Ans")
    response = _answer_and_submit(invitation)
    invitation.refresh_from_db()
    with pytest.raises(ValidationError):
        services.response_start_for_invitation(invitation=invitation)
    with pytest.raises(ValidationError):
        services.response_submit(response=response)
    with pytest.raises(ValidationError):
        services.answers_save(response=response, values={})
    assert Response.objects.filter(survey=survey).count() == 1


def test_submitting_without_a_required_answer_names_the_question(engagement):
    survey = small_survey(engagement=engagement)
    (invitation,) = _invite(survey, "Ans")
    response = services.response_start_for_invitation(invitation=invitation)
    with pytest.raises(services.MissingAnswer) as error:
        services.response_submit(response=response)
    assert error.value.question_id == _questions(survey)["Data helpt mij bij besluiten."].pk
    response.refresh_from_db()
    assert response.status == ResponseStatus.IN_PROGRESS


def test_answers_to_questions_hidden_by_a_condition_are_dropped_on_submission(engagement):
    survey = template_survey(engagement=engagement)
    services.survey_update(survey=survey, open_link_enabled=True)
    questions = survey_questions(survey=survey)
    conditional = next(q for q in questions if q.condition_question_id)
    response, _token = services.response_start_open(survey=survey)
    values = {conditional: "Het verzuimdashboard"}
    for question in questions:
        if not question.required:
            continue
        if question.kind == QuestionKind.SINGLE:
            values[question] = {"choices": [question.options[0]], "other": ""}
        elif question.kind == QuestionKind.RANKING:
            values[question] = question.options[:3]
        else:
            values[question] = 5
    # The condition's question (products used) is not answered with "Dashboards".
    services.answers_save(response=response, values=values)
    services.response_submit(response=response)
    assert not Answer.objects.filter(response=response, question=conditional).exists()


def test_answers_cannot_be_saved_once_the_survey_is_closed(engagement):
    survey = small_survey(engagement=engagement)
    (invitation,) = _invite(survey, "Ans")
    response = services.response_start_for_invitation(invitation=invitation)
    services.survey_close(survey=survey)
    question = survey_questions(survey=survey)[0]
    with pytest.raises(services.SurveyNotOpen):
        services.answers_save(response=response, values={question: 3})


def test_saving_an_empty_answer_removes_the_stored_one(engagement):
    survey = small_survey(engagement=engagement)
    (invitation,) = _invite(survey, "Ans")
    response = services.response_start_for_invitation(invitation=invitation)
    question = survey_questions(survey=survey)[0]
    services.answers_save(response=response, values={question: 2})
    services.answers_save(response=response, values={question: 5})
    assert response_answers(response=response) == {question.pk: 5}
    services.answers_save(response=response, values={question: None})
    assert response_answers(response=response) == {}


def test_the_open_link_needs_to_be_switched_on(engagement):
    survey = small_survey(engagement=engagement)
    with pytest.raises(ValidationError):
        services.response_start_open(survey=survey)


def test_unfinished_responses_are_purged_after_the_retention_period(engagement):
    survey = small_survey(engagement=engagement)
    old, fresh = _invite(survey, "Ans", "Bert")
    old_response = services.response_start_for_invitation(invitation=old)
    services.response_start_for_invitation(invitation=fresh)
    Response.objects.filter(pk=old_response.pk).update(
        last_activity_at=timezone.now() - datetime.timedelta(days=8)
    )
    cutoff = timezone.now() - datetime.timedelta(days=7)
    assert services.responses_purge_unfinished(older_than=cutoff) == 1
    old.refresh_from_db()
    assert old.status == InvitationStatus.INVITED and old.response_id is None


def test_the_database_refuses_a_finished_response_that_keeps_its_token(engagement):
    survey = small_survey(engagement=engagement)
    with pytest.raises(IntegrityError), transaction.atomic():
        Response.objects.create(
            survey=survey, status=ResponseStatus.COMPLETED, token_hash=token_hash("abc")
        )


def test_only_open_answers_of_sent_responses_can_be_quotes(engagement):
    survey = small_survey(engagement=engagement)
    services.survey_update(survey=survey, open_link_enabled=True)
    questions = _questions(survey)
    response, _token = services.response_start_open(survey=survey)
    text_question = questions["Wat wilt u meegeven?"]
    likert = questions["Data helpt mij bij besluiten."]
    services.answers_save(response=response, values={text_question: "Mooi", likert: 4})
    answer = Answer.objects.get(question=text_question)
    with pytest.raises(ValidationError):
        services.answer_quote_set(answer=answer, is_quote=True)
    services.answers_save(
        response=response,
        values={questions["Kies uw top 2."]: ["Afval", "Zorg"]},
    )
    services.response_submit(response=response)
    answer.refresh_from_db()
    services.answer_quote_set(answer=answer, is_quote=True)
    assert Answer.objects.get(pk=answer.pk).is_quote
    with pytest.raises(ValidationError):
        services.answer_quote_set(answer=Answer.objects.get(question=likert), is_quote=True)


def test_a_question_keeps_its_position_unique_per_page(engagement):
    survey = small_survey(engagement=engagement, open_it=False)
    question = survey_questions(survey=survey)[0]
    with pytest.raises(IntegrityError), transaction.atomic():
        Question.objects.create(
            page=question.page, position=question.position, kind="likert", text="Dubbel"
        )


def test_purge_expired_deletes_only_stale_unfinished_responses(engagement, settings):
    from django.core.management import call_command

    settings.RETENTION_UNFINISHED_DAYS = 30
    survey = small_survey(engagement=engagement)
    old, fresh = _invite(survey, "Ans", "Bert")
    stale = services.response_start_for_invitation(invitation=old)
    services.response_start_for_invitation(invitation=fresh)
    Response.objects.filter(pk=stale.pk).update(
        last_activity_at=timezone.now() - datetime.timedelta(days=31)
    )
    call_command("purge_expired", stdout=io.StringIO())
    assert list(Response.objects.values_list("invitation__email", flat=True)) == [fresh.email]


def test_closing_purge_removes_invitees_names_and_addresses_but_keeps_the_count(engagement):
    survey = small_survey(engagement=engagement)
    _invite(survey, "Ans", "Bert")
    assert services.invitations_personal_data_purge(engagement=engagement) == 2
    assert set(survey.invitations.values_list("name", flat=True)) == {"—"}
    assert all(
        email.endswith("@example.invalid")
        for email in survey.invitations.values_list("email", flat=True)
    )
    assert survey.invitations.count() == 2
