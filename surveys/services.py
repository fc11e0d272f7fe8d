"""Writes of the survey app: authoring, distribution, answering, results curation."""

import datetime
import logging
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from engagements.invitations import reminder_schedule
from engagements.models import Engagement
from engagements.saving import full_save, set_fields
from engagements.tokens import new_token, token_hash
from surveys.answers import condition_value_for, missing_required, visible_questions
from surveys.default_template import DEFAULT_TEMPLATE, DEFAULT_TEMPLATE_KEY
from surveys.definitions import validate_definition
from surveys.models import (
    CHOICE_KINDS,
    Answer,
    Invitation,
    InvitationStatus,
    Page,
    Question,
    QuestionKind,
    Response,
    ResponseStatus,
    Survey,
    SurveyStatus,
)
from surveys.options import carry_keys, fresh_keys, normal
from surveys.selectors import survey_definition
from surveys.tasks import survey_invitations_send, survey_scheduled_reminder

logger = logging.getLogger(__name__)


# --- Templates and creation ---------------------------------------------------------------


@transaction.atomic
def survey_create_from_definition(
    *,
    definition: dict[str, Any],
    engagement: Engagement | None,
    created_by: User | None = None,
    title: str = "",
    template_key: str = "",
) -> Survey:
    """A new survey (or template, without engagement) built from a definition."""
    data = validate_definition(definition)
    survey = Survey(
        engagement=engagement,
        title=title or data["title"],
        intro=data["intro"],
        thank_you_text=data["thank_you_text"],
        invitation_subject=data["invitation_subject"],
        invitation_message=data["invitation_message"],
        reminder_message=data["reminder_message"],
        template_key=template_key,
        created_by=created_by,
    )
    survey.token = new_token()  # the open link's
    full_save(survey)
    by_key: dict[str, Question] = {}
    for page_position, page_data in enumerate(data["pages"], start=1):
        page = Page(
            survey=survey,
            position=page_position,
            title=page_data["title"],
            intro=page_data["intro"],
        )
        full_save(page)
        for position, item in enumerate(page_data["questions"], start=1):
            condition = item["condition"]
            question = Question(
                page=page,
                position=position,
                kind=item["kind"],
                text=item["text"],
                help_text=item["help_text"],
                required=item["required"],
                options=item["options"],
                option_keys=fresh_keys(len(item["options"])),
                allow_other=item["allow_other"],
                max_length=item["max_length"],
                ranking_top=item["ranking_top"],
                is_highlight=item["is_highlight"],
                condition_question=by_key[condition["question"]] if condition else None,
                condition_value=(
                    condition_value_for(by_key[condition["question"]], condition["value"])
                    if condition
                    else ""
                ),
            )
            full_save(question)
            by_key[item["key"]] = question
    return survey


@transaction.atomic
def default_template_ensure() -> Survey:
    """The shipped Dutch template, created the first time it is needed."""
    existing = Survey.objects.filter(template_key=DEFAULT_TEMPLATE_KEY).first()
    if existing is not None:
        return existing
    return survey_create_from_definition(
        definition=DEFAULT_TEMPLATE, engagement=None, template_key=DEFAULT_TEMPLATE_KEY
    )


@transaction.atomic
def survey_copy(
    *,
    source: Survey,
    engagement: Engagement | None,
    created_by: User | None = None,
    title: str = "",
) -> Survey:
    """A copy of a survey or template, without invitations or answers."""
    return survey_create_from_definition(
        definition=survey_definition(survey=source),
        engagement=engagement,
        created_by=created_by,
        title=title,
    )


@transaction.atomic
def survey_create_blank(
    *, engagement: Engagement | None, title: str, created_by: User | None = None
) -> Survey:
    survey = Survey(engagement=engagement, title=title, created_by=created_by)
    survey.token = new_token()  # the open link's
    full_save(survey)
    page_create(survey=survey, title=_("Questions"))
    return survey


# What ``survey_update`` changes: the survey's settings page (``forms.SurveySettingsForm``).
SURVEY_SETTINGS_FIELDS = (
    "title",
    "intro",
    "thank_you_text",
    "opens_at",
    "closes_at",
    "open_link_enabled",
    "access_code",
    "invitation_subject",
    "invitation_message",
    "reminder_message",
    "reminder_days_before",
)


@transaction.atomic
def survey_update(*, survey: Survey, base_url: str = "", **fields: Any) -> Survey:
    before = (survey.closes_at, survey.reminder_days_before)
    set_fields(survey, fields, allowed=SURVEY_SETTINGS_FIELDS, service="survey_update")
    full_save(survey)
    if base_url and before != (survey.closes_at, survey.reminder_days_before):
        survey_reminder_schedule(survey=survey, base_url=base_url)
    return survey


@transaction.atomic
def survey_delete(*, survey: Survey) -> None:
    """Deletes a survey that nobody has answered yet (drafts and templates)."""
    if survey.responses.exists():
        raise ValidationError(_("This survey has responses; close it instead of deleting it."))
    Question.objects.filter(page__survey=survey).update(condition_question=None)
    survey.delete()


# --- Opening and closing ---------------------------------------------------------------------


@transaction.atomic
def survey_open(*, survey: Survey, base_url: str = "") -> Survey:
    """Opens a draft survey, or reopens a closed one (a past closing date is cleared)."""
    if survey.is_template:
        raise ValidationError(_("A template cannot be opened; create a survey from it first."))
    if not Question.objects.filter(page__survey=survey).exists():
        raise ValidationError(_("Add at least one question before you open the survey."))
    now = timezone.now()
    if survey.closes_at and survey.closes_at <= now:
        survey.closes_at = None
    survey.status = SurveyStatus.OPEN
    full_save(survey)
    if base_url:
        survey_reminder_schedule(survey=survey, base_url=base_url)
    return survey


@transaction.atomic
def survey_close(*, survey: Survey) -> Survey:
    if survey.status != SurveyStatus.OPEN:
        raise ValidationError(_("Only an open survey can be closed."))
    survey.status = SurveyStatus.CLOSED
    return full_save(survey)


# --- Pages and questions ---------------------------------------------------------------------


@transaction.atomic
def page_create(*, survey: Survey, title: str, intro: str = "") -> Page:
    last = survey.pages.aggregate(last=Max("position"))["last"] or 0
    page = Page(survey=survey, position=last + 1, title=title, intro=intro)
    return full_save(page)


@transaction.atomic
def page_update(*, page: Page, title: str, intro: str = "") -> Page:
    page.title = title
    page.intro = intro
    return full_save(page)


@transaction.atomic
def page_delete(*, page: Page) -> None:
    if Answer.objects.filter(question__page=page).exists():
        raise ValidationError(
            _("Questions on this page have been answered; the page cannot be deleted.")
        )
    if page.survey.pages.count() == 1:
        raise ValidationError(_("A survey needs at least one page."))
    Question.objects.filter(condition_question__page=page).update(
        condition_question=None, condition_value=""
    )
    page.delete()


def _swap_positions[M: (Page, Question)](model: type[M], first: M, second: M) -> None:
    """Swap two rows' positions without breaking the unique position constraint."""
    first_position, second_position = first.position, second.position
    model.objects.filter(pk=first.pk).update(position=-1)
    model.objects.filter(pk=second.pk).update(position=first_position)
    model.objects.filter(pk=first.pk).update(position=second_position)
    first.position, second.position = second_position, first_position


def _neighbour[M: (Page, Question)](siblings: QuerySet[M], item: M, direction: str) -> M | None:
    """The sibling just above ``item`` (direction "up") or just below it (any other)."""
    if direction == "up":
        return siblings.filter(position__lt=item.position).order_by("-position").first()
    return siblings.filter(position__gt=item.position).order_by("position").first()


@transaction.atomic
def page_move(*, page: Page, direction: str) -> Page:
    """Moves a page one place up or down; conditions must keep pointing backwards."""
    neighbour = _neighbour(Page.objects.filter(survey_id=page.survey_id), page, direction)
    if neighbour is None:
        return page
    earlier, later = (neighbour, page) if direction == "up" else (page, neighbour)
    if Question.objects.filter(page=later, condition_question__page=earlier).exists():
        raise ValidationError(
            _("A question on one of these pages depends on the other; the order must stay.")
        )
    _swap_positions(Page, page, neighbour)
    return page


def _clean_options(question: Question, before: tuple[list[str], list[str]] | None) -> None:
    """Cleans the options and gives them their keys: new ones, or the keys they had
    ``before`` (options, keys) the edit, so a renamed option keeps its key."""
    if question.kind not in CHOICE_KINDS:
        question.options, question.option_keys = [], []
        return
    options = [str(option).strip() for option in question.options if str(option).strip()]
    if len(options) < 2:
        raise ValidationError({"options": _("Enter at least two options, one per line.")})
    if len({normal(option) for option in options}) != len(options):
        raise ValidationError({"options": _("Each option may appear only once.")})
    question.options = options
    question.option_keys = (
        carry_keys(before[0], before[1], options) if before else fresh_keys(len(options))
    )


def _clean_condition(question: Question) -> None:
    condition = question.condition_question
    if condition is None:
        question.condition_value = ""
        return
    if condition.page.survey_id != question.page.survey_id or (
        condition.page.position >= question.page.position
    ):
        raise ValidationError({"condition_question": _("Choose a question on an earlier page.")})
    if not question.condition_value:
        raise ValidationError({"condition_value": _("Choose the answer that shows it.")})
    try:
        question.condition_value = condition_value_for(condition, question.condition_value)
    except ValidationError as error:
        raise ValidationError({"condition_value": error.messages}) from None


def _check_dependents(question: Question, before: tuple[list[str], list[str]]) -> None:
    """Refuses an edit that leaves a later question's condition without its answer."""
    old_texts = dict(zip(before[1], before[0], strict=False))
    for dependent in question.dependent_questions.all():
        if question.option_label(dependent.condition_value) is None:
            answer = old_texts.get(dependent.condition_value, dependent.condition_value)
            raise ValidationError(
                {
                    "options": _(
                        "The question “%(question)s” is shown only for the answer "
                        "“%(answer)s”, which this change removes. Change that condition first."
                    )
                    % {"question": dependent.text, "answer": answer}
                }
            )


def _clean_question_fields(
    question: Question, before: tuple[list[str], list[str]] | None = None
) -> None:
    _clean_options(question, before)
    if question.kind == QuestionKind.RANKING:
        question.allow_other = False
    else:
        question.ranking_top = 0
    if question.kind not in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        question.allow_other = False
    _clean_condition(question)


@transaction.atomic
def question_create(*, page: Page, kind: str, text: str, **fields: Any) -> Question:
    last = page.questions.aggregate(last=Max("position"))["last"] or 0
    question = Question(page=page, position=last + 1, kind=kind, text=text, **fields)
    _clean_question_fields(question)
    return full_save(question)


_QUESTION_FIELDS = {
    "kind",
    "text",
    "help_text",
    "required",
    "options",
    "allow_other",
    "max_length",
    "ranking_top",
    "condition_question",
    "condition_value",
    "is_highlight",
}


@transaction.atomic
def question_update(*, question: Question, page: Page | None = None, **fields: Any) -> Question:
    """Changes a question. Answers already given keep their stored values."""
    if "kind" in fields and fields["kind"] != question.kind and question.answers.exists():
        raise ValidationError({"kind": _("This question has answers; its type cannot change.")})
    before = (list(question.options), list(question.option_keys))
    set_fields(question, fields, allowed=_QUESTION_FIELDS, service="question_update")
    if page is not None and page.pk != question.page_id:
        if page.survey_id != question.page.survey_id:
            raise ValidationError({"page": _("Choose a page of this survey.")})
        later_dependents = question.dependent_questions.filter(page__position__lte=page.position)
        if later_dependents.exists():
            raise ValidationError({"page": _("A question on an earlier page depends on this one.")})
        question.page = page
        question.position = (page.questions.aggregate(last=Max("position"))["last"] or 0) + 1
    _clean_question_fields(question, before)
    _check_dependents(question, before)
    return full_save(question)


@transaction.atomic
def question_delete(*, question: Question) -> None:
    if question.answers.exists():
        raise ValidationError(_("This question has been answered and cannot be deleted."))
    question.dependent_questions.update(condition_question=None, condition_value="")
    question.delete()


@transaction.atomic
def question_move(*, question: Question, direction: str) -> Question:
    neighbour = _neighbour(Question.objects.filter(page_id=question.page_id), question, direction)
    if neighbour is not None:
        _swap_positions(Question, question, neighbour)
    return question


@transaction.atomic
def question_highlight_set(*, question: Question, is_highlight: bool) -> Question:
    question.is_highlight = is_highlight
    question.save(update_fields=["is_highlight"])
    return question


@transaction.atomic
def answer_quote_set(*, answer: Answer, is_quote: bool) -> Answer:
    """Marks an open answer of a finished response as a quote for the workshop."""
    if answer.question.kind not in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT):
        raise ValidationError(_("Only open answers can be quotes."))
    if answer.response.status != ResponseStatus.COMPLETED:
        raise ValidationError(_("Only answers of sent responses can be quotes."))
    answer.is_quote = is_quote
    answer.save(update_fields=["is_quote"])
    return answer


# --- Invitations ----------------------------------------------------------------------------


def _enqueue_mails(*, invitation_ids: list[int], base_url: str, reminder: bool) -> None:
    """The e-mails go out in the background (the worker), after this transaction commits."""
    if invitation_ids:
        transaction.on_commit(
            lambda: survey_invitations_send.enqueue(invitation_ids, base_url, reminder)
        )


def survey_reminder_schedule(*, survey: Survey, base_url: str) -> datetime.datetime | None:
    """Schedule the automatic reminder for the survey's closing date (see
    engagements/invitations.py); returns when it will run, or None."""
    if survey.status != SurveyStatus.OPEN:
        return None
    return reminder_schedule(
        survey_scheduled_reminder,
        pk=survey.pk,
        deadline=survey.closes_at,
        days=survey.reminder_days_before,
        base_url=base_url,
    )


@transaction.atomic
def invitations_reminded(*, invitation_ids: list[int]) -> None:
    Invitation.objects.filter(pk__in=invitation_ids).update(reminder_count=F("reminder_count") + 1)


@transaction.atomic
def invitations_create(
    *, survey: Survey, people: Iterable[tuple[str, str]], base_url: str, send: bool = True
) -> list[Invitation]:
    """Invites people (name, e-mail) by e-mail; addresses already invited are skipped.

    ``send=False`` records the invitations without e-mail (demo data).
    """
    if survey.is_template:
        raise ValidationError(_("A template cannot be distributed; create a survey from it."))
    if survey.status == SurveyStatus.CLOSED:
        raise ValidationError(_("This survey is closed; reopen it before inviting people."))
    known = {email.casefold() for email in survey.invitations.values_list("email", flat=True)}
    now = timezone.now()
    created = []
    for name, email in people:
        if email.casefold() in known:
            continue
        known.add(email.casefold())
        invitation = Invitation(survey=survey, name=name, email=email)
        invitation.token = new_token()
        invitation.full_clean(exclude=["survey"])
        invitation.save()
        created.append(invitation)
    if send:
        _enqueue_mails(
            invitation_ids=[invitation.pk for invitation in created],
            base_url=base_url,
            reminder=False,
        )
    else:
        Invitation.objects.filter(pk__in=[i.pk for i in created]).update(sent_at=now)
    return created


@transaction.atomic
def invitation_resend(*, invitation: Invitation, base_url: str) -> Invitation:
    """Send someone's invitation again (after a refused address was corrected, or lost mail)."""
    if invitation.status == InvitationStatus.ANSWERED:
        raise ValidationError(_("This person has already answered."))
    _enqueue_mails(invitation_ids=[invitation.pk], base_url=base_url, reminder=False)
    return invitation


@transaction.atomic
def invitation_reminders_send(*, survey: Survey, base_url: str) -> int:
    """Sends a reminder to everyone invited who has not sent their answers."""
    if not survey.accepts_answers(timezone.now()):
        raise ValidationError(_("Reminders can only be sent while the survey is open."))
    pending = survey.invitations.exclude(status=InvitationStatus.ANSWERED).filter(
        sent_at__isnull=False
    )
    ids = list(pending.values_list("pk", flat=True))
    invitations_reminded(invitation_ids=ids)
    _enqueue_mails(invitation_ids=ids, base_url=base_url, reminder=True)
    return len(ids)


@transaction.atomic
def invitation_delete(*, invitation: Invitation) -> None:
    """Withdraws an invitation; an unfinished response made through it is deleted too."""
    if invitation.status == InvitationStatus.ANSWERED:
        raise ValidationError(_("This person has answered; the invitation stays for the count."))
    if invitation.response is not None:
        invitation.response.delete()
    invitation.delete()


# --- Answering ------------------------------------------------------------------------------


class SurveyNotOpen(ValidationError):
    pass


class MissingAnswer(ValidationError):
    """A required question is still open; ``question_id`` names it."""

    def __init__(self, message: str, *, question_id: int):
        super().__init__(message, code="missing")
        self.question_id = question_id


def _require_answerable(survey: Survey) -> None:
    if not survey.accepts_answers(timezone.now()):
        raise SurveyNotOpen(_("This survey is not open."))


@transaction.atomic
def response_start_for_invitation(*, invitation: Invitation) -> Response:
    """The invitation's unfinished response, started on first use."""
    invitation = (
        Invitation.objects.select_for_update().select_related("survey").get(pk=invitation.pk)
    )
    if invitation.status == InvitationStatus.ANSWERED:
        raise ValidationError(_("This link has already been used to send a response."))
    if invitation.response is not None:
        return invitation.response
    _require_answerable(invitation.survey)
    response = Response(survey=invitation.survey, last_activity_at=timezone.now())
    full_save(response)
    invitation.response = response
    invitation.status = InvitationStatus.STARTED
    invitation.save(update_fields=["response", "status"])
    return response


@transaction.atomic
def response_start_open(*, survey: Survey) -> tuple[Response, str]:
    """A new response through the open link, and its own resume token.

    Only the token's hash is stored: the token is for the respondent's link alone."""
    if not survey.open_link_enabled:
        raise ValidationError(_("This survey has no open link."))
    _require_answerable(survey)
    token = new_token()
    response = Response(
        survey=survey, token_hash=token_hash(token), last_activity_at=timezone.now()
    )
    full_save(response)
    return response, token


def _lock_in_progress(response: Response) -> Response:
    """The response, locked, with its survey as it is now; it must be unfinished and the
    survey must accept answers."""
    locked = (
        Response.objects.select_for_update(of=("self",))
        .select_related("survey")
        .filter(pk=response.pk)
        .first()
    )
    if locked is None or locked.status != ResponseStatus.IN_PROGRESS:
        raise ValidationError(_("This response has already been sent."))
    _require_answerable(locked.survey)
    return locked


@transaction.atomic
def answers_save(*, response: Response, values: dict[Question, Any]) -> None:
    """Stores answers of one response (None removes an answer); used by autosave and pages."""
    response = _lock_in_progress(response)
    existing = {
        answer.question_id: answer
        for answer in Answer.objects.filter(
            response=response, question__in=[question.pk for question in values]
        )
    }
    for question, value in values.items():
        if question.page.survey_id != response.survey_id:
            raise ValidationError(_("This question is not part of this survey."))
        answer = existing.get(question.pk)
        if value is None:
            if answer is not None:
                answer.delete()
            continue
        if answer is None:
            answer = Answer(response=response, question=question, value=value)
        elif answer.value == value:
            continue
        answer.value = value
        answer.full_clean(exclude=["response", "question"])
        try:
            with transaction.atomic():
                answer.save()
        except IntegrityError:  # A parallel autosave stored it first: update that one.
            Answer.objects.filter(response=response, question=question).update(value=value)
    Response.objects.filter(pk=response.pk).update(last_activity_at=timezone.now())


@transaction.atomic
def response_submit(*, response: Response) -> Response:
    """Sends a response: checks required answers, then cuts every tie to a person.

    Raises MissingAnswer naming the first required question that is still open.
    """
    response = _lock_in_progress(response)
    questions = list(
        Question.objects.filter(page__survey_id=response.survey_id)
        .select_related("page")
        .order_by("page__position", "position")
    )
    answers = dict(Answer.objects.filter(response=response).values_list("question_id", "value"))
    shown = visible_questions(questions, answers)
    for question in missing_required(shown, answers)[:1]:
        raise MissingAnswer(
            _("Answer the question '%(text)s' first.") % {"text": question.text},
            question_id=question.pk,
        )
    shown_ids = {question.pk for question in shown}
    Answer.objects.filter(response=response).exclude(question_id__in=shown_ids).delete()
    Invitation.objects.filter(response=response).update(
        response=None, status=InvitationStatus.ANSWERED
    )
    response.status = ResponseStatus.COMPLETED
    response.token_hash = None
    response.last_activity_at = None
    return full_save(response)


@transaction.atomic
def responses_purge_unfinished(*, older_than: datetime.datetime) -> int:
    """Deletes unfinished responses without activity since ``older_than`` (retention);
    their invitations go back to "invited", so the person can still start again."""
    stale = Response.objects.filter(
        status=ResponseStatus.IN_PROGRESS, last_activity_at__lt=older_than
    )
    Invitation.objects.filter(response__in=stale).update(
        response=None, status=InvitationStatus.INVITED
    )
    count, _details = stale.delete()
    return count


@transaction.atomic
def invitations_personal_data_purge(*, engagement: Engagement) -> int:
    """Removes invitees' names and e-mail addresses from the engagement's surveys and
    invalidates their personal links (as the nulmeting does).

    The invitations stay (without anything personal) so that the response rate of a
    closed engagement still adds up."""
    invitations = list(Invitation.objects.filter(survey__engagement=engagement))
    for invitation in invitations:
        invitation.name = "—"
        invitation.email = f"verwijderd-{invitation.pk}@example.invalid"
        invitation.token_revoke()
    Invitation.objects.bulk_update(
        invitations, ["name", "email", "token_hash", "token_sealed"], batch_size=500
    )
    return len(invitations)


@transaction.atomic
def responses_bulk_create_completed(
    *, survey: Survey, rows: list[dict[int, Any]], batch_size: int = 2000
) -> int:
    """Creates finished responses with answers in bulk (demo data and benchmarks).

    ``rows`` holds one dict per response of question id → stored value; values are
    trusted (made by code, not typed by a respondent).
    """
    responses = Response.objects.bulk_create(
        [Response(survey=survey, status=ResponseStatus.COMPLETED) for _row in rows],
        batch_size=batch_size,
    )
    answers = [
        Answer(response=response, question_id=question_id, value=value)
        for response, row in zip(responses, rows, strict=True)
        for question_id, value in row.items()
        if value is not None
    ]
    Answer.objects.bulk_create(answers, batch_size=batch_size)
    return len(responses)
