"""The personal-link e-mail machinery shared by the survey and the nulmeting.

Both stages invite people by e-mail with a personal link, remind those who have not
finished, and let the consultant edit the message. This module holds what they share and
knows neither stage: the placeholders, rendering a message for one person, and sending it
so that a refused address never stops the rest (the caller records who got their e-mail;
whoever did not keeps the status "not sent" and can be sent again).

Sending always runs in a background task (``manage.py db_worker``), never in a request.
Scheduled reminders are tasks enqueued with ``run_after`` (the database backend supports
deferring): the stage enqueues one when the deadline is set, and the task checks when it
runs that the deadline is still the one it was scheduled for, so a moved deadline or a
closed survey never sends a stale reminder.
"""

import datetime
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from django.core.mail import EmailMessage
from django.db import transaction
from django.http import HttpRequest
from django.tasks import Task
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

logger = logging.getLogger(__name__)

# Placeholders a consultant can use in an invitation or reminder (Dutch, and the English
# names the first version used).
PLACEHOLDERS = {
    "naam": "name",
    "gemeente": "municipality",
    "afzender": "sender",
    "deadline": "deadline",
    "link": "link",
}
PLACEHOLDER_HELP = gettext_lazy(
    "{naam}, {gemeente}, {afzender}, {deadline} and {link} are replaced by the invitee's "
    "name, the municipality, the sender, the deadline and the personal link."
)
# The first reminder goes out this many days before the deadline, to those not finished.
DEFAULT_REMINDER_DAYS = 3


@dataclass(frozen=True)
class Personalisation:
    name: str
    municipality: str
    sender: str
    deadline: datetime.datetime | None
    link: str

    def values(self) -> dict[str, str]:
        return {
            "name": self.name,
            "municipality": self.municipality,
            "sender": self.sender,
            "deadline": deadline_text(self.deadline),
            "link": self.link,
        }


def deadline_text(deadline: datetime.datetime | None) -> str:
    if deadline is None:
        return _("no deadline")
    local = timezone.localtime(deadline)
    return formats.date_format(local, "j F Y") + " " + formats.time_format(local, "H:i")


def personal_message(template: str, person: Personalisation) -> str:
    """The template with every placeholder replaced ({naam} and {name} alike)."""
    values = person.values()
    text = template
    for dutch, english in PLACEHOLDERS.items():
        text = text.replace("{" + dutch + "}", values[english])
        text = text.replace("{" + english + "}", values[english])
    return text


def reminder_moment(
    deadline: datetime.datetime | None, days: int | None, *, now: datetime.datetime
) -> datetime.datetime | None:
    """When the scheduled reminder goes out; None when there is none to schedule."""
    if deadline is None or days is None:
        return None
    moment = deadline - datetime.timedelta(days=days)
    return moment if moment > now else None


def reminder_schedule(
    reminder: Task,
    *,
    pk: int,
    deadline: datetime.datetime | None,
    days: int | None,
    base_url: str,
) -> datetime.datetime | None:
    """Schedule a stage's automatic reminder ``days`` before ``deadline``, once the
    transaction commits: ``reminder(pk, deadline, base_url, days)`` runs then, and checks
    that the deadline and the days are still these. Returns when it runs, or None when
    there is none to schedule."""
    moment = reminder_moment(deadline, days, now=timezone.now())
    if moment is None or deadline is None:
        return None
    scheduled_for = deadline.isoformat()
    transaction.on_commit(
        lambda: reminder.using(run_after=moment).enqueue(pk, scheduled_for, base_url, days)
    )
    return moment


def mail_preview(mail: Callable[[bool], tuple[str, str]]) -> dict[str, str]:
    """The invitation and the reminder side by side, as the page with the e-mails shows them
    (``templates/_mail_preview.html``); ``mail(reminder)`` gives an example's subject and body."""
    subject, body = mail(False)
    reminder_subject, reminder_body = mail(True)
    return {
        "subject": subject,
        "body": body,
        "reminder_subject": reminder_subject,
        "reminder_body": reminder_body,
    }


def send_personal_mail(*, subject: str, body: str, to: str) -> bool:
    """Send one e-mail; False (logged) when the mail server refuses it."""
    try:
        EmailMessage(subject=subject, body=body, to=[to]).send()
    except Exception:  # One refused address must not stop the others.
        logger.exception("Could not send a personal e-mail")
        return False
    return True


def link_lost(row: "PersonalLinkRow") -> bool:
    """True (logged) when the row's personal link can no longer be sent: revoked by the
    personal-data purge, or sealed under a key that is no longer in ``SECRET_KEY`` or
    ``SECRET_KEY_FALLBACKS``. The consultant sends such an invitee a new link."""
    if row.token:
        return False
    logger.warning("No e-mail to %r: its personal link can no longer be unsealed.", row)
    return True


class PersonalLinkRow(Protocol):
    """An invitee's row (a survey invitation, a nulmeting respondent): its page and token."""

    link: str

    @property
    def token(self) -> str: ...

    def get_absolute_url(self) -> str: ...


def copy_links(request: HttpRequest, rows: Iterable[PersonalLinkRow]) -> None:
    """Sets each row's ``link``, the full personal link of the consultant's copy button; ""
    when it can no longer be shown (revoked by the personal-data purge, or sealed under a
    key that is gone: engagements/tokens.py)."""
    for row in rows:
        row.link = row.token and request.build_absolute_uri(row.get_absolute_url())
