"""The nulmeting's deadline and reminder can change after creation; the old reminder is
then skipped and a new one scheduled."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from baseline import services
from tests.baseline.factories import AssessmentFactory
from tests.worker import run_queued_tasks

pytestmark = pytest.mark.django_db


@pytest.fixture
def assessment(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assessment = services.assessment_create(
            engagement=world.engagement,
            version=AssessmentFactory.build().version,
            title="Nulmeting 2027",
            measured_on=datetime.date(2027, 1, 15),
            deadline=timezone.now() + datetime.timedelta(days=14),
            base_url="https://portaal.example/",
        )
        services.respondent_invite(
            assessment=assessment,
            name="Bram Bos",
            email="bram@example.org",
            role="policy",
            base_url="https://portaal.example/",
        )
    run_queued_tasks()
    mail.outbox.clear()
    return assessment


def _reminders():
    return DBTaskResult.objects.filter(task_path__endswith="assessment_scheduled_reminder")


def test_a_new_deadline_schedules_a_new_reminder_and_the_old_one_sends_nothing(
    client, world, assessment, django_capture_on_commit_callbacks
):
    client.force_login(world.users["consultant_on"])
    url = reverse("baseline:assessment_schedule", args=[assessment.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "Deadline en herinnering" in page.content.decode()
    new_deadline = timezone.localtime(timezone.now() + datetime.timedelta(days=30)).replace(
        second=0, microsecond=0
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {"deadline": new_deadline.strftime("%Y-%m-%dT%H:%M"), "reminder_days_before": 5},
        )
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert (assessment.deadline, assessment.reminder_days_before) == (new_deadline, 5)
    assert _reminders().count() == 2
    assert _reminders().filter(run_after=new_deadline - datetime.timedelta(days=5)).exists()
    _reminders().update(run_after=timezone.now())
    run_queued_tasks()
    [reminder] = mail.outbox  # only the new one sends; the old one sees the date moved
    assert new_deadline.strftime("%H:%M") in reminder.body


def test_other_reminder_days_skip_the_reminder_scheduled_before(
    assessment, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.assessment_schedule_update(
            assessment=assessment,
            deadline=assessment.deadline,
            reminder_days_before=1,
            base_url="https://portaal.example/",
        )
    assert _reminders().count() == 2
    _reminders().update(run_after=timezone.now())
    run_queued_tasks()
    assert len(mail.outbox) == 1


def test_a_closed_assessment_keeps_its_deadline_and_a_bad_date_is_refused_in_dutch(
    client, world, assessment
):
    client.force_login(world.users["consultant_on"])
    url = reverse("baseline:assessment_schedule", args=[assessment.pk])
    refused = client.post(url, {"deadline": "1999-01-01T10:00", "reminder_days_before": 3})
    assert refused.status_code == 400
    assert "data-error-summary" in refused.content.decode()
    services.assessment_close(assessment=assessment)
    closed = client.post(url, {"deadline": "2030-01-01T10:00", "reminder_days_before": 3})
    assert closed.status_code == 400
    assert "heropen" in closed.content.decode()
