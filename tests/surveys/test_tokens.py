"""Invitation links are stored hashed and sealed (engagements/tokens.py): a leaked database
opens nothing, links sent before that change still open, and every way a link reaches
someone (the e-mail, a re-send, a reminder, the consultant's copy button) gives one that
opens the survey."""

import pytest
from django.core import mail
from django.urls import reverse

from surveys import services
from surveys.models import Invitation
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
