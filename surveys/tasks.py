"""The survey's background work: invitation and reminder e-mails (``manage.py db_worker``)."""

import datetime

from django.db.models import F
from django.tasks import task
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from engagements.invitations import (
    Personalisation,
    link_lost,
    mail_preview,
    personal_message,
    send_personal_mail,
)
from surveys.models import Invitation, InvitationStatus, Survey, SurveyStatus


def survey_sender(survey: Survey) -> str:
    """Who the e-mails come from: the survey's author, else the engagement's consultants."""
    if survey.created_by is not None:
        return str(survey.created_by)
    if survey.engagement is not None:
        return ", ".join(str(user) for user in survey.engagement.consultants.all())
    return ""


def survey_personalisation(survey: Survey, *, name: str, link: str) -> Personalisation:
    return Personalisation(
        name=name,
        municipality=survey.engagement.organisation.name if survey.engagement else "",
        sender=survey_sender(survey),
        deadline=survey.closes_at,
        link=link,
    )


def default_message(*, reminder: bool) -> str:
    if reminder:
        return _(
            "Dear {naam},\n\nA reminder: {gemeente} would still like to hear from you. "
            "The survey closes on {deadline}. Your answers so far are kept; continue through "
            "your personal link:\n\n{link}\n\nKind regards,\n{afzender}\n"
        )
    return _(
        "Dear {naam},\n\n{gemeente} is preparing a session on data-driven working and would "
        "like to know how you look at it. The survey takes about ten minutes and is "
        "anonymous. Please fill it in before {deadline} through your personal link:\n\n"
        "{link}\n\nKind regards,\n{afzender}\n"
    )


def invitation_mail(invitation: Invitation, *, base_url: str, reminder: bool) -> tuple[str, str]:
    """The subject and body of one invitee's e-mail."""
    survey = invitation.survey
    link = base_url.rstrip("/") + reverse("surveys:respond", kwargs={"token": invitation.token})
    template = (survey.reminder_message if reminder else survey.invitation_message) or (
        default_message(reminder=reminder)
    )
    subject = survey.invitation_subject or survey.title
    if reminder:
        subject = _("Reminder: %(subject)s") % {"subject": subject}
    person = survey_personalisation(survey, name=invitation.name, link=link)
    return subject, personal_message(template, person)


@task(queue_name="email")
def survey_invitations_send(invitation_ids: list[int], base_url: str, reminder: bool) -> int:
    """E-mail the invitations (or reminders); each one sent is recorded. Returns the count."""
    invitations = Invitation.objects.filter(pk__in=invitation_ids).select_related(
        "survey__engagement__organisation", "survey__created_by"
    )
    sent = 0
    with translation.override("nl"):
        for invitation in invitations:
            if reminder and invitation.status == InvitationStatus.ANSWERED:
                continue
            if link_lost(invitation):
                continue
            subject, body = invitation_mail(invitation, base_url=base_url, reminder=reminder)
            if not send_personal_mail(subject=subject, body=body, to=invitation.email):
                continue
            now = timezone.now()
            if reminder:
                Invitation.objects.filter(pk=invitation.pk).update(reminded_at=now)
            else:
                Invitation.objects.filter(pk=invitation.pk).update(sent_at=now)
            sent += 1
    return sent


@task(queue_name="email")
def survey_scheduled_reminder(
    survey_id: int, closes_at: str, base_url: str, days: int | None = None
) -> int:
    """The automatic reminder, scheduled for some days before the closing date.

    Sends nothing when the survey was closed, deleted, or its closing date or (when given)
    its reminder days changed since it was scheduled (the new setting has its own reminder)."""
    survey = Survey.objects.filter(pk=survey_id).first()
    if survey is None or survey.status != SurveyStatus.OPEN or survey.closes_at is None:
        return 0
    if days is not None and days != survey.reminder_days_before:
        return 0
    if survey.closes_at != datetime.datetime.fromisoformat(closes_at):
        return 0
    pending = survey.invitations.exclude(status=InvitationStatus.ANSWERED).filter(
        sent_at__isnull=False
    )
    ids = list(pending.values_list("pk", flat=True))
    Invitation.objects.filter(pk__in=ids).update(reminder_count=F("reminder_count") + 1)
    return survey_invitations_send.call(ids, base_url, True)


def invitation_preview(survey: Survey, *, base_url: str) -> dict[str, str]:
    """The invitation and the reminder as an example invitee would get them."""
    example = Invitation(survey=survey, name=_("Jan Jansen"))
    example.token = "voorbeeld"  # noqa: S105
    return mail_preview(
        lambda reminder: invitation_mail(example, base_url=base_url, reminder=reminder)
    )
