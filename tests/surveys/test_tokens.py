"""Survey links are stored hashed (engagements/tokens.py): a leaked database opens nothing,
links handed out before that change still open, and every way a link reaches someone gives
one that opens the survey.

- Invitations and the open link are also kept sealed, so that the e-mail, a re-send, a
  reminder and the consultant's copy button can give the same link again.
- The resume token of a response started through the open link is kept only as a hash:
  the respondent's link (and, sealed, their session) is the only place it lives."""

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse

from engagements.tokens import token_hash
from surveys import services
from surveys.models import Invitation, Response, Survey
from surveys.selectors import survey_questions
from tests.links import (
    assert_copy_button_gives,
    assert_no_value_opens_a_link,
    link_path,
    migrate_with_a_raw_token,
)
from tests.surveys.factories import small_survey
from tests.worker import run_queued_tasks

BASE_URL = "http://testserver/"


def _invite(survey, *, send=True):
    [invitation] = services.invitations_create(
        survey=survey, people=[("Ans Aalders", "ans@example.org")], base_url=BASE_URL, send=send
    )
    return invitation


@pytest.mark.django_db
def test_a_leaked_invitation_row_does_not_open_the_survey(client, world):
    survey = small_survey(engagement=world.engagement)
    invitation = _invite(survey, send=False)
    assert client.get(invitation.get_absolute_url()).status_code == 200
    assert_no_value_opens_a_link(client, invitation, invitation.token, "/enquete/invullen/")


@pytest.mark.django_db
def test_the_database_refuses_an_invitation_without_a_token_hash(world):
    from django.db import IntegrityError

    survey = small_survey(engagement=world.engagement)
    with pytest.raises(IntegrityError):
        Invitation.objects.create(survey=survey, name="Ans", email="ans@example.org")


@pytest.mark.django_db
def test_mail_resend_reminder_and_copy_button_all_give_a_link_that_opens(
    client, world, django_capture_on_commit_callbacks
):
    survey = small_survey(engagement=world.engagement)
    with django_capture_on_commit_callbacks(execute=True):
        invitation = _invite(survey)
    run_queued_tasks()
    with django_capture_on_commit_callbacks(execute=True):
        services.invitation_resend(invitation=invitation, base_url=BASE_URL)
        services.invitation_reminders_send(survey=survey, base_url=BASE_URL)
    run_queued_tasks()
    paths = [link_path(message.body) for message in mail.outbox]
    assert len(paths) == 3
    assert {client.get(path).status_code for path in paths} == {200}

    page_url = reverse("surveys:invitations", kwargs={"pk": survey.pk})
    assert_copy_button_gives(client, world.users["consultant_on"], page_url, paths)


@pytest.mark.django_db(transaction=True)
def test_a_link_sent_before_hashing_keeps_working_after_the_migration(client, world):
    survey = small_survey(engagement=world.engagement)
    invitation = _invite(survey, send=False)
    old_link = "Ouderwetse-192-bits-Link-0123456"  # 32 characters, as surveys made them

    def put_raw_token(apps):
        apps.get_model("surveys", "Invitation").objects.filter(pk=invitation.pk).update(
            token=old_link
        )

    migrate_with_a_raw_token("surveys", "0006_option_keys", put_raw_token)
    invitation.refresh_from_db()
    assert invitation.token == old_link  # the copy button and reminders still give it
    assert client.get(f"/enquete/invullen/{old_link}/").status_code == 200
    assert_no_value_opens_a_link(client, invitation, old_link, "/enquete/invullen/")


# --- The open link and the resume link of an open-link response ------------------------------

OPEN = "/enquete/open/"
RESPOND = "/enquete/invullen/"


def _open_survey(world):
    survey = small_survey(engagement=world.engagement)
    return services.survey_update(survey=survey, open_link_enabled=True)


def _start_through_the_open_link(client, survey) -> str:
    """Opens the survey's open link like a respondent; returns the resume token."""
    started = client.post(f"{OPEN}{survey.token}/")
    assert started.status_code == 302
    return started["Location"].removeprefix(RESPOND).split("/")[0]


def _stored_sessions() -> str:
    from django.contrib.sessions.models import Session

    return " ".join(str(session.get_decoded()) for session in Session.objects.all())


@pytest.mark.django_db
def test_a_leaked_survey_row_does_not_open_its_open_link(client, world):
    survey = _open_survey(world)
    assert client.get(f"{OPEN}{survey.token}/").status_code == 200
    assert_no_value_opens_a_link(client, survey, survey.token, OPEN)


@pytest.mark.django_db
def test_a_leaked_response_row_or_session_does_not_resume_the_answers(client, world):
    """Only the respondent's link holds the resume token; the row keeps its hash and the
    session (stored in the database) keeps it sealed."""
    survey = _open_survey(world)
    token = _start_through_the_open_link(client, survey)
    assert client.get(f"{RESPOND}{token}/").status_code == 200
    response = Response.objects.get(survey=survey)
    assert not hasattr(response, "token_sealed")
    assert_no_value_opens_a_link(client, response, token, RESPOND)
    assert token not in _stored_sessions()
    again = client.post(f"{OPEN}{survey.token}/")  # the same browser continues its response
    assert again["Location"] == f"{RESPOND}{token}/1/"
    assert Response.objects.count() == 1


@pytest.mark.django_db
def test_the_consultant_copies_an_open_link_that_opens(client, world):
    survey = _open_survey(world)
    client.force_login(world.users["consultant_on"])
    page = client.get(reverse("surveys:survey_detail", kwargs={"pk": survey.pk}))
    link = f"http://testserver{OPEN}{survey.token}/"
    assert link in page.content.decode()
    client.logout()
    assert client.get(link).status_code == 200


@pytest.mark.django_db
def test_an_open_link_sealed_under_a_lost_key_still_opens_but_is_not_shown(client, world, settings):
    survey = _open_survey(world)
    token = survey.token
    settings.SECRET_KEY = "a new key, the old one not kept as a fallback"
    assert Survey.objects.get(pk=survey.pk).token == ""
    client.force_login(world.users["consultant_on"])
    page = client.get(reverse("surveys:survey_detail", kwargs={"pk": survey.pk}))
    assert page.status_code == 200 and OPEN not in page.content.decode()
    client.logout()
    assert client.get(f"{OPEN}{token}/").status_code == 200


@pytest.mark.django_db
def test_sending_the_answers_leaves_no_token_and_the_resume_link_opens_nothing(client, world):
    survey = _open_survey(world)
    token = _start_through_the_open_link(client, survey)
    response = Response.objects.get(survey=survey)
    likert = survey_questions(survey=survey)[0]
    services.answers_save(response=response, values={likert: 4})
    services.response_submit(response=response)
    response.refresh_from_db()
    assert response.token_hash is None and response.last_activity_at is None
    assert client.get(f"{RESPOND}{token}/").status_code == 404


@pytest.mark.django_db
def test_the_database_refuses_a_resume_token_hash_that_is_not_a_sha256_or_used_twice(world):
    survey = _open_survey(world)
    with pytest.raises(IntegrityError), transaction.atomic():
        Response.objects.create(survey=survey, token_hash="raw-token-stored-by-mistake")
    Response.objects.create(survey=survey, token_hash=token_hash("one"))
    with pytest.raises(IntegrityError), transaction.atomic():
        Response.objects.create(survey=survey, token_hash=token_hash("one"))


@pytest.mark.django_db
def test_the_database_refuses_a_survey_without_an_open_link_token_hash(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        Survey.objects.create(engagement=world.engagement, title="Zonder link")


@pytest.mark.django_db
def test_a_session_from_before_sealing_still_continues_its_response(client, world):
    survey = _open_survey(world)
    token = _start_through_the_open_link(client, survey)
    session = client.session
    session[f"survey-{survey.pk}"] = token  # as sessions kept it before
    session.save()
    again = client.post(f"{OPEN}{survey.token}/")
    assert again["Location"] == f"{RESPOND}{token}/1/"
    assert token not in _stored_sessions()  # and from now on it is sealed


@pytest.mark.django_db(transaction=True)
def test_an_open_link_and_a_resume_link_from_before_hashing_keep_working_after_the_migration(
    client, world
):
    survey = _open_survey(world)
    _start_through_the_open_link(type(client)(), survey)
    response = Response.objects.get(survey=survey)
    old_open = "Ouderwetse-open-link-0123456789abcdef"
    old_resume = "Ouderwetse-hervatlink-0123456789abcdef"

    def put_raw_tokens(apps):
        apps.get_model("surveys", "Survey").objects.filter(pk=survey.pk).update(open_token=old_open)
        apps.get_model("surveys", "Response").objects.filter(pk=response.pk).update(
            token=old_resume
        )

    migrate_with_a_raw_token("surveys", "0008_invitation_raw_token_removed", put_raw_tokens)
    survey.refresh_from_db()
    response.refresh_from_db()
    assert survey.token == old_open  # the consultant still copies it
    assert client.get(f"{OPEN}{old_open}/").status_code == 200
    assert client.get(f"{RESPOND}{old_resume}/").status_code == 200
    assert_no_value_opens_a_link(client, survey, old_open, OPEN)
    assert_no_value_opens_a_link(client, response, old_resume, RESPOND)


# --- Personal data purge ---------------------------------------------------------------------


@pytest.mark.django_db
def test_after_the_personal_data_purge_no_invitation_link_opens_the_survey(client, world):
    """As with the nulmeting: the purge removes names and addresses and the links with them."""
    survey = small_survey(engagement=world.engagement)
    invitation = _invite(survey, send=False)
    old_link = invitation.get_absolute_url()
    assert client.get(old_link).status_code == 200
    services.invitations_personal_data_purge(engagement=world.engagement)
    invitation.refresh_from_db()
    assert client.get(old_link).status_code == 404
    assert invitation.token == ""
    client.force_login(world.users["consultant_on"])
    page = client.get(reverse("surveys:invitations", kwargs={"pk": survey.pk}))
    assert page.status_code == 200 and "data-copy" not in page.content.decode()


@pytest.mark.django_db
def test_a_reminder_to_a_link_sealed_under_a_lost_key_is_skipped_and_the_others_are_sent(
    world, settings, django_capture_on_commit_callbacks
):
    """After a key rotation without the old key as a fallback, an old link cannot be e-mailed
    again: that invitee is skipped (and logged), everyone else gets their reminder."""
    survey = small_survey(engagement=world.engagement)
    with django_capture_on_commit_callbacks(execute=True):
        lost = _invite(survey)
    run_queued_tasks()
    settings.SECRET_KEY = "a new key, the old one not kept as a fallback"
    with django_capture_on_commit_callbacks(execute=True):
        [kept] = services.invitations_create(
            survey=survey, people=[("Bo Bakker", "bo@example.org")], base_url=BASE_URL
        )
    run_queued_tasks()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.invitation_reminders_send(survey=survey, base_url=BASE_URL)
    run_queued_tasks()
    assert [message.to for message in mail.outbox] == [["bo@example.org"]]
    assert Invitation.objects.get(pk=lost.pk).reminded_at is None
    assert Invitation.objects.get(pk=kept.pk).reminded_at is not None
