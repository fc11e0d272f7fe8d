"""Nulmeting respondent links are stored hashed and sealed (engagements/tokens.py): a leaked
database opens nothing, links sent before that change still open, and the e-mail, a
re-send, the scheduled reminder and the consultant's copy button give a link that opens."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from baseline import services
from baseline.models import Respondent
from tests.baseline.factories import AssessmentFactory
from tests.links import (
    assert_copy_button_gives,
    assert_no_value_opens_a_link,
    link_path,
    migrate_with_a_raw_token,
)
from tests.worker import run_queued_tasks

BASE_URL = "http://testserver/"


def _invite(assessment, **kwargs):
    return services.respondent_invite(
        assessment=assessment, name="Cor", email="cor@example.org", **kwargs
    )


@pytest.mark.django_db
def test_a_leaked_respondent_row_does_not_open_the_questionnaire(client, world):
    respondent = _invite(AssessmentFactory(engagement=world.engagement))
    assert client.get(respondent.get_absolute_url()).status_code == 200
    assert_no_value_opens_a_link(client, respondent, respondent.token, "/nulmeting/invullen/")


@pytest.mark.django_db
def test_a_purge_leaves_no_link_that_opens_and_none_that_can_be_shown(client, world):
    respondent = _invite(AssessmentFactory(engagement=world.engagement))
    old_link = respondent.get_absolute_url()
    services.respondent_personal_data_purge(engagement=world.engagement)
    respondent.refresh_from_db()
    assert client.get(old_link).status_code == 404
    assert respondent.token == ""
    client.force_login(world.users["consultant_on"])
    page = client.get(reverse("baseline:assessment_detail", args=[respondent.assessment_id]))
    assert page.status_code == 200 and "data-copy" not in page.content.decode()


@pytest.mark.django_db
def test_mail_resend_reminder_and_copy_button_all_give_a_link_that_opens(
    client, world, django_capture_on_commit_callbacks
):
    deadline = timezone.now() + datetime.timedelta(days=14)
    with django_capture_on_commit_callbacks(execute=True):
        assessment = AssessmentFactory(engagement=world.engagement, deadline=deadline)
        services.assessment_reminder_schedule(assessment=assessment, base_url=BASE_URL)
        respondent = _invite(assessment, base_url=BASE_URL)
    run_queued_tasks()
    with django_capture_on_commit_callbacks(execute=True):
        services.respondent_invitation_resend(respondent=respondent, base_url=BASE_URL)
    run_queued_tasks()
    DBTaskResult.objects.filter(task_path__endswith="assessment_scheduled_reminder").update(
        run_after=timezone.now()
    )
    run_queued_tasks()
    paths = [link_path(message.body) for message in mail.outbox]
    assert len(paths) == 3
    assert {client.get(path).status_code for path in paths} == {200}

    page_url = assessment.get_absolute_url()
    assert_copy_button_gives(client, world.users["consultant_on"], page_url, paths)


@pytest.mark.django_db(transaction=True)
def test_a_link_sent_before_hashing_keeps_working_after_the_migration(client, world):
    respondent = _invite(AssessmentFactory(engagement=world.engagement))
    old_link = "Ouderwetse-256-bits-Link-0123456789abcdefghi"  # 43 characters, as before

    def put_raw_token(apps):
        apps.get_model("baseline", "Respondent").objects.filter(pk=respondent.pk).update(
            token=old_link
        )

    migrate_with_a_raw_token("baseline", "0006_deadline_in_range", put_raw_token)
    respondent = Respondent.objects.get(pk=respondent.pk)
    assert respondent.token == old_link  # the copy button and reminders still give it
    assert client.get(f"/nulmeting/invullen/{old_link}/").status_code == 200
    assert_no_value_opens_a_link(client, respondent, old_link, "/nulmeting/invullen/")


@pytest.mark.django_db
def test_a_resend_of_a_link_sealed_under_a_lost_key_sends_nothing_and_fails_nothing(
    world, settings, django_capture_on_commit_callbacks
):
    assessment = AssessmentFactory(engagement=world.engagement)
    with django_capture_on_commit_callbacks(execute=True):
        lost = _invite(assessment, base_url=BASE_URL)
    run_queued_tasks()
    settings.SECRET_KEY = "a new key, the old one not kept as a fallback"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.respondent_invitation_resend(respondent=lost, base_url=BASE_URL)
    run_queued_tasks()
    assert mail.outbox == []
    assert DBTaskResult.objects.filter(status="FAILED").count() == 0
