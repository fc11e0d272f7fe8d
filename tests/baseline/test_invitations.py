"""Nulmeting invitations: e-mailed by the worker with the personal link, the municipality
and the deadline; a scheduled reminder to those who have not completed it."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from baseline import services
from baseline.models import Respondent
from tests.baseline.factories import AssessmentFactory, respondent_answering
from tests.worker import run_queued_tasks

pytestmark = pytest.mark.django_db


def test_invitations_and_a_scheduled_reminder_are_sent_by_the_worker(
    world, django_capture_on_commit_callbacks
):
    deadline = timezone.now() + datetime.timedelta(days=14)
    with django_capture_on_commit_callbacks(execute=True):
        assessment = services.assessment_create(
            engagement=world.engagement,
            version=AssessmentFactory.build().version,
            title="Nulmeting 2027",
            measured_on=datetime.date(2027, 1, 15),
            deadline=deadline,
            base_url="https://portaal.example/",
        )
        anna = services.respondent_invite(
            assessment=assessment,
            name="Anna Aalders",
            email="anna@example.org",
            role="management",
            base_url="https://portaal.example/",
        )
        services.respondent_invite(
            assessment=assessment,
            name="Bram Bos",
            email="bram@example.org",
            role="policy",
            base_url="https://portaal.example/",
        )
    assert mail.outbox == []
    run_queued_tasks()
    assert sorted(m.to[0] for m in mail.outbox) == ["anna@example.org", "bram@example.org"]
    local_deadline = timezone.localtime(deadline).strftime("%H:%M")
    for message in mail.outbox:
        assert world.org_a.name in message.body
        assert local_deadline in message.body
        token = Respondent.objects.get(email=message.to[0]).token
        assert f"https://portaal.example/nulmeting/invullen/{token}/" in message.body or (
            token in message.body
        )
    assert all(r.sent_at for r in Respondent.objects.filter(assessment=assessment))

    scheduled = DBTaskResult.objects.get(task_path__endswith="assessment_scheduled_reminder")
    assert scheduled.run_after == deadline - datetime.timedelta(days=3)
    mail.outbox.clear()
    assert run_queued_tasks() == 0

    # Anna completes it; at the reminder's moment only Bram hears from us.
    Respondent.objects.filter(pk=anna.pk).update(submitted_at=timezone.now())
    DBTaskResult.objects.filter(pk=scheduled.pk).update(run_after=timezone.now())
    run_queued_tasks()
    [reminder] = mail.outbox
    assert reminder.to == ["bram@example.org"]
    assert reminder.subject.startswith("Herinnering")
    assert world.org_a.name in reminder.body and local_deadline in reminder.body


def test_the_consultant_sees_status_copy_buttons_and_a_small_group_warning(client, world):
    assessment = AssessmentFactory(engagement=world.engagement)
    respondent_answering(assessment, 3, submit=False)
    services.respondent_invite(assessment=assessment, name="Cor", email="cor@example.org")
    client.force_login(world.users["consultant_on"])
    content = client.get(assessment.get_absolute_url()).content.decode()
    assert "Begonnen" in content
    assert "Niet verstuurd" in content
    assert "data-copy=" in content
    assert "Minder dan 5 respondenten" in content
    assert "Voorbeeld van de e-mails" in content


def test_e_mail_again_sends_the_personal_link(client, world, django_capture_on_commit_callbacks):
    assessment = AssessmentFactory(engagement=world.engagement)
    respondent = services.respondent_invite(
        assessment=assessment, name="Cor", email="cor@example.org"
    )
    client.force_login(world.users["consultant_on"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("baseline:respondent_resend", kwargs={"pk": respondent.pk}))
    run_queued_tasks()
    [message] = mail.outbox
    assert respondent.token in message.body
