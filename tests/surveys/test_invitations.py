"""Invitations and reminders of a survey: sent by the worker, personal, with the
municipality and the deadline; a warning before inviting fewer people than the minimum."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from surveys import services
from surveys.models import Invitation, QuestionKind
from surveys.selectors import survey_questions
from tests.surveys.factories import small_survey
from tests.worker import run_queued_tasks

pytestmark = pytest.mark.django_db


def _answer_and_submit(invitation):
    response = services.response_start_for_invitation(invitation=invitation)
    values = {}
    for question in survey_questions(survey=invitation.survey):
        if question.kind == QuestionKind.LIKERT:
            values[question] = 4
        elif question.kind == QuestionKind.RANKING:
            values[question] = question.options[: question.ranking_places]
    services.answers_save(response=response, values=values)
    services.response_submit(response=response)


@pytest.fixture
def consultant(client, world):
    client.force_login(world.users["consultant_on"])
    return client


def test_three_invitees_with_a_minimum_of_five_are_warned_before_sending(consultant, world):
    assert world.engagement.min_group_size == 5
    survey = small_survey(engagement=world.engagement)
    url = reverse("surveys:invitations", kwargs={"pk": survey.pk})
    people = "Ans, ans@example.org\nBert, bert@example.org\nCor, cor@example.org"
    response = consultant.post(url, {"people": people})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Er zouden maar 3 mensen worden uitgenodigd" in content
    assert "minimale groepsgrootte" in content  # the way to lower it, with the consequence
    assert survey.invitations.count() == 0
    assert mail.outbox == []

    response = consultant.post(url, {"people": people, "send_anyway": "on"})
    assert response.status_code == 302
    assert survey.invitations.count() == 3


def test_the_invitation_page_previews_the_mail_with_municipality_and_deadline(consultant, world):
    survey = small_survey(engagement=world.engagement)
    survey.closes_at = timezone.make_aware(datetime.datetime(2027, 3, 12, 17, 0))
    survey.save()
    page = consultant.get(reverse("surveys:invitations", kwargs={"pk": survey.pk}))
    content = page.content.decode()
    assert "Jan Jansen" in content
    assert world.org_a.name in content
    assert "12 maart 2027 17:00" in content


def test_invitations_and_a_scheduled_reminder_are_sent_by_the_worker(
    consultant, world, django_capture_on_commit_callbacks
):
    survey = small_survey(engagement=world.engagement)
    closes_at = timezone.now() + datetime.timedelta(days=10)
    with django_capture_on_commit_callbacks(execute=True):
        services.survey_update(
            survey=survey, closes_at=closes_at, base_url="https://portaal.example/"
        )
        created = services.invitations_create(
            survey=survey,
            people=[("Ans Aalders", "ans@example.org"), ("Bert Bos", "bert@example.org")],
            base_url="https://portaal.example/",
        )
    assert mail.outbox == []
    run_queued_tasks()
    assert sorted(m.to[0] for m in mail.outbox) == ["ans@example.org", "bert@example.org"]
    deadline = timezone.localtime(closes_at).strftime("%H:%M")
    for message in mail.outbox:
        assert world.org_a.name in message.body
        assert deadline in message.body
    assert all(i.sent_at for i in Invitation.objects.filter(survey=survey))

    # The reminder waits for its moment: three days before the closing date.
    scheduled = DBTaskResult.objects.get(task_path__endswith="survey_scheduled_reminder")
    assert scheduled.run_after == closes_at - datetime.timedelta(days=3)
    mail.outbox.clear()
    assert run_queued_tasks() == 0

    # Ans answers; when the moment comes, only Bert is reminded.
    _answer_and_submit(created[0])
    DBTaskResult.objects.filter(pk=scheduled.pk).update(run_after=timezone.now())
    run_queued_tasks()
    [reminder] = mail.outbox
    assert reminder.to == ["bert@example.org"]
    assert reminder.subject.startswith("Herinnering")
    assert world.org_a.name in reminder.body and deadline in reminder.body


def test_a_moved_closing_date_cancels_the_earlier_reminder(
    world, django_capture_on_commit_callbacks
):
    survey = small_survey(engagement=world.engagement)
    services.invitations_create(
        survey=survey,
        people=[("Ans", "ans@example.org")],
        base_url="https://p.example/",
        send=False,
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.survey_update(
            survey=survey,
            closes_at=timezone.now() + datetime.timedelta(days=10),
            base_url="https://p.example/",
        )
        services.survey_update(
            survey=survey,
            closes_at=timezone.now() + datetime.timedelta(days=20),
            base_url="https://p.example/",
        )
    DBTaskResult.objects.update(run_after=timezone.now())
    run_queued_tasks()
    assert len(mail.outbox) == 1  # only the reminder for the current date


def test_changed_reminder_days_cancel_the_earlier_reminder(
    world, django_capture_on_commit_callbacks
):
    """The closing date stays, the reminder moves from 3 to 5 days before it: one reminder
    is sent, not one for each setting."""
    survey = small_survey(engagement=world.engagement)
    services.invitations_create(
        survey=survey,
        people=[("Ans", "ans@example.org")],
        base_url="https://p.example/",
        send=False,
    )
    Invitation.objects.update(sent_at=timezone.now())
    closes_at = timezone.now() + datetime.timedelta(days=10)
    with django_capture_on_commit_callbacks(execute=True):
        services.survey_update(
            survey=survey,
            closes_at=closes_at,
            reminder_days_before=3,
            base_url="https://p.example/",
        )
        services.survey_update(survey=survey, reminder_days_before=5, base_url="https://p.example/")
    assert DBTaskResult.objects.filter(task_path__endswith="survey_scheduled_reminder").count() == 2
    DBTaskResult.objects.update(run_after=timezone.now())
    run_queued_tasks()
    assert len(mail.outbox) == 1


def test_a_refused_address_stays_not_sent_and_can_be_sent_again(
    consultant, world, django_capture_on_commit_callbacks, monkeypatch
):
    survey = small_survey(engagement=world.engagement)
    with django_capture_on_commit_callbacks(execute=True):
        [invitation] = services.invitations_create(
            survey=survey, people=[("Ans", "ans@example.org")], base_url="https://p.example/"
        )

    def refuse(self, *args, **kwargs):
        raise OSError("550 mailbox unavailable")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    run_queued_tasks()
    invitation.refresh_from_db()
    assert invitation.sent_at is None
    page = consultant.get(reverse("surveys:invitations", kwargs={"pk": survey.pk})).content
    assert "Niet verstuurd" in page.decode()
    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        consultant.post(reverse("surveys:invitation_resend", kwargs={"pk": invitation.pk}))
    run_queued_tasks()
    invitation.refresh_from_db()
    assert invitation.sent_at is not None
    assert [m.to for m in mail.outbox] == [["ans@example.org"]]


def test_opening_for_fewer_invitees_than_the_minimum_warns(consultant, world):
    survey = small_survey(engagement=world.engagement, open_it=False)
    services.invitations_create(
        survey=survey,
        people=[("Ans", "ans@example.org"), ("Bert", "bert@example.org")],
        base_url="https://p.example/",
        send=False,
    )
    response = consultant.post(
        reverse("surveys:survey_status", kwargs={"pk": survey.pk}), {"action": "open"}, follow=True
    )
    assert "Er zijn maar 2 mensen uitgenodigd" in response.content.decode()
