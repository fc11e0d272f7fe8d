"""The nulmeting's background work: invitation and reminder e-mails (``manage.py db_worker``).

The same machinery as the survey's (engagements/invitations.py): personal links, the
municipality, sender and deadline as placeholders, a scheduled reminder that checks when it
runs that the deadline is still the one it was scheduled for."""

import datetime

from django.db.models import F
from django.tasks import task
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from baseline.models import Assessment, AssessmentStatus, Respondent
from engagements.invitations import (
    Personalisation,
    link_lost,
    mail_preview,
    personal_message,
    send_personal_mail,
)


def default_message(*, reminder: bool) -> str:
    if reminder:
        return _(
            "Dear {naam},\n\nA reminder: {gemeente} would still like your view on where the "
            "organisation stands in data-driven working. Please complete the baseline "
            "measurement before {deadline}; what you filled in is kept:\n\n{link}\n\n"
            "Kind regards,\n{afzender}\n"
        )
    return _(
        "Dear {naam},\n\n{gemeente} is measuring where the organisation stands in data-driven "
        "working (the baseline measurement). Per dimension you choose the description that "
        "fits best; it takes about twenty minutes, and in the results you appear only as a "
        "number, never by name. Please fill it in before {deadline} through your personal "
        "link:\n\n{link}\n\nKind regards,\n{afzender}\n"
    )


def assessment_sender(assessment: Assessment) -> str:
    return ", ".join(str(user) for user in assessment.engagement.consultants.all())


def respondent_mail(respondent: Respondent, *, base_url: str, reminder: bool) -> tuple[str, str]:
    assessment = respondent.assessment
    link = base_url.rstrip("/") + reverse(
        "baseline:respond_start", kwargs={"token": respondent.token}
    )
    template = (not reminder and assessment.invitation_message) or default_message(
        reminder=reminder
    )
    person = Personalisation(
        name=respondent.name,
        municipality=assessment.engagement.organisation.name,
        sender=assessment_sender(assessment),
        deadline=assessment.deadline,
        link=link,
    )
    subject = _("Baseline measurement data-driven working: %(title)s") % {"title": assessment.title}
    if reminder:
        subject = _("Reminder: %(subject)s") % {"subject": subject}
    return subject, personal_message(template, person)


def respondent_preview(assessment: Assessment, *, base_url: str) -> dict[str, str]:
    example = Respondent(assessment=assessment, name=_("Jan Jansen"))
    example.token = "voorbeeld"  # noqa: S105
    return mail_preview(
        lambda reminder: respondent_mail(example, base_url=base_url, reminder=reminder)
    )


@task(queue_name="email")
def respondent_invitations_send(respondent_ids: list[int], base_url: str, reminder: bool) -> int:
    """E-mail the respondents their personal link (or a reminder); each sent is recorded."""
    respondents = (
        Respondent.objects.filter(pk__in=respondent_ids)
        .exclude(email="")
        .select_related("assessment__engagement__organisation")
    )
    sent = 0
    with translation.override("nl"):
        for respondent in respondents:
            if reminder and respondent.submitted_at is not None:
                continue
            if link_lost(respondent):
                continue
            subject, body = respondent_mail(respondent, base_url=base_url, reminder=reminder)
            if not send_personal_mail(subject=subject, body=body, to=respondent.email):
                continue
            if reminder:
                Respondent.objects.filter(pk=respondent.pk).update(
                    reminder_count=F("reminder_count") + 1
                )
            else:
                Respondent.objects.filter(pk=respondent.pk).update(sent_at=timezone.now())
            sent += 1
    return sent


@task(queue_name="email")
def assessment_scheduled_reminder(
    assessment_id: int, deadline: str, base_url: str, days: int | None = None
) -> int:
    """The automatic reminder; nothing when the assessment closed, or its deadline or (when
    given) its reminder days changed since the reminder was scheduled."""
    assessment = Assessment.objects.filter(pk=assessment_id).first()
    if assessment is None or assessment.status != AssessmentStatus.OPEN:
        return 0
    if days is not None and days != assessment.reminder_days_before:
        return 0
    if assessment.deadline is None or assessment.deadline != datetime.datetime.fromisoformat(
        deadline
    ):
        return 0
    ids = list(
        assessment.respondents.filter(submitted_at__isnull=True, sent_at__isnull=False)
        .exclude(email="")
        .values_list("pk", flat=True)
    )
    return respondent_invitations_send.call(ids, base_url, True)
