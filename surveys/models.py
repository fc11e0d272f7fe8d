"""The pre-workshop management survey (enquête).

A ``Survey`` belongs to an engagement; a survey without an engagement is a *template*
that consultants copy into engagements (the shipped Dutch template has a ``template_key``).
A survey has ``Page``s (sections) of ``Question``s. People answer through a personal
``Invitation`` (an unguessable link sent by e-mail) or through the survey's open link
(optionally with an access code); each way makes one ``Response`` with its ``Answer``s.

Anonymity: while a response is unfinished its invitation points to it, so the same link
resumes it on any device. On submission that tie is cut (``Invitation.response`` is
cleared and the invitation only records that it was answered), the response's resume
token and last-activity time are cleared, and nothing in the database links the response
to a person. No IP address or user agent is ever stored.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import Exact
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from engagements.invitations import DEFAULT_REMINDER_DAYS, PLACEHOLDER_HELP
from engagements.tokens import PersonalLinkToken
from engagements.validators import date_range_constraint, validate_sane_date

DEFAULT_MAX_LENGTH = 5000
SCALE_MIN, SCALE_MAX = 0, 10


class SurveyStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class QuestionKind(models.TextChoices):
    LIKERT = "likert", _("Agree or disagree (5 points)")
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    SCALE = "scale", _("Scale from 0 to 10")
    SHORT_TEXT = "short_text", _("Short open answer")
    LONG_TEXT = "long_text", _("Long open answer")
    RANKING = "ranking", _("Ranking")


CHOICE_KINDS = {QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.RANKING}
TEXT_KINDS = {QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT}
NUMBER_KINDS = {QuestionKind.LIKERT, QuestionKind.SCALE}
# The key a condition stores for the "other, namely" option of a choice question.
OTHER_KEY = "__other__"

LIKERT_LABELS = [
    (1, _("Strongly disagree")),
    (2, _("Disagree")),
    (3, _("Neutral")),
    (4, _("Agree")),
    (5, _("Strongly agree")),
]


class Survey(PersonalLinkToken):
    """A survey; ``token`` is its open link's token, stored hashed and sealed like a personal
    link's (engagements/tokens.py), so the consultant can copy the link again."""

    engagement = models.ForeignKey(
        "engagements.Engagement",
        on_delete=models.CASCADE,
        related_name="surveys",
        verbose_name=_("engagement"),
        null=True,
        blank=True,
        help_text=_("Empty for a template."),
    )
    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=5000,
        help_text=_("Shown to respondents before the first page."),
    )
    thank_you_text = models.TextField(
        _("thank-you text"),
        blank=True,
        max_length=5000,
        help_text=_("Shown after the survey has been sent."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=SurveyStatus.choices, default=SurveyStatus.DRAFT
    )
    opens_at = models.DateTimeField(
        _("opens at"),
        null=True,
        blank=True,
        help_text=_("Empty: open as soon as it is opened."),
        validators=[validate_sane_date],
    )
    closes_at = models.DateTimeField(
        _("closes at"),
        null=True,
        blank=True,
        help_text=_("Empty: open until it is closed."),
        validators=[validate_sane_date],
    )
    open_link_enabled = models.BooleanField(
        _("open link"),
        default=False,
        help_text=_("Anyone with the open link can answer, for when the client distributes it."),
    )
    access_code = models.CharField(
        _("access code"),
        max_length=40,
        blank=True,
        help_text=_("Optional: people who use the open link must enter this code first."),
    )
    invitation_subject = models.CharField(_("invitation subject"), max_length=200, blank=True)
    invitation_message = models.TextField(
        _("invitation message"), blank=True, max_length=5000, help_text=PLACEHOLDER_HELP
    )
    reminder_message = models.TextField(
        _("reminder message"), blank=True, max_length=5000, help_text=PLACEHOLDER_HELP
    )
    reminder_days_before = models.PositiveSmallIntegerField(
        _("automatic reminder (days before closing)"),
        null=True,
        blank=True,
        default=DEFAULT_REMINDER_DAYS,
        validators=[MaxValueValidator(60)],
        help_text=_(
            "Everyone invited who has not sent their answers gets a reminder this many days "
            "before the closing date. Empty: no automatic reminder."
        ),
    )
    template_key = models.SlugField(
        _("template key"),
        max_length=60,
        blank=True,
        help_text=_("Set on the templates the portal ships, so they are created only once."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        ordering = ["-created_at", "-pk"]
        constraints = [
            *PersonalLinkToken.Meta.constraints,
            models.CheckConstraint(
                condition=models.Q(status__in=SurveyStatus.values),
                name="surveys_survey_status_valid",
            ),
            date_range_constraint("opens_at", name="surveys_survey_opens_at_range", moment=True),
            date_range_constraint("closes_at", name="surveys_survey_closes_at_range", moment=True),
            models.CheckConstraint(
                condition=models.Q(engagement__isnull=False) | models.Q(status=SurveyStatus.DRAFT),
                name="surveys_survey_template_is_draft",
            ),
            models.CheckConstraint(
                condition=models.Q(opens_at__isnull=True)
                | models.Q(closes_at__isnull=True)
                | models.Q(closes_at__gt=models.F("opens_at")),
                name="surveys_survey_closes_after_opening",
            ),
            models.UniqueConstraint(
                fields=["template_key"],
                condition=~models.Q(template_key=""),
                name="surveys_survey_unique_template_key",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("surveys:survey_detail", kwargs={"pk": self.pk})

    @property
    def is_template(self) -> bool:
        return self.engagement_id is None

    def accepts_answers(self, now) -> bool:
        return (
            self.status == SurveyStatus.OPEN
            and (self.opens_at is None or self.opens_at <= now)
            and (self.closes_at is None or now < self.closes_at)
        )


class Page(models.Model):
    question_list: list["Question"]  # set by selectors.survey_pages(), not a field
    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="pages", verbose_name=_("survey")
    )
    position = models.IntegerField(_("position"))
    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(_("introduction"), blank=True, max_length=5000)

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["survey", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "position"], name="surveys_page_unique_position"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("surveys:survey_detail", kwargs={"pk": self.survey_id}) + f"#page-{self.pk}"


class Question(models.Model):
    page = models.ForeignKey(
        Page, on_delete=models.CASCADE, related_name="questions", verbose_name=_("page")
    )
    position = models.IntegerField(_("position"))
    kind = models.CharField(_("type"), max_length=20, choices=QuestionKind.choices)
    text = models.CharField(_("question"), max_length=500)
    help_text = models.TextField(_("help text"), blank=True, max_length=2000)
    required = models.BooleanField(_("required"), default=False)
    options = models.JSONField(
        _("options"),
        default=list,
        blank=True,
        help_text=_("The answer options of a choice or ranking question, in order."),
    )
    # A stable key per option, in the same order as ``options`` ("o1", "o2", ...): a
    # condition refers to an option by its key, so renaming the option keeps it working.
    option_keys = models.JSONField(_("option keys"), default=list, blank=True, editable=False)
    allow_other = models.BooleanField(
        _("'other, namely' option"),
        default=False,
        help_text=_("Adds an option with a text field for an answer that is not in the list."),
    )
    max_length = models.PositiveIntegerField(
        _("maximum length"),
        default=DEFAULT_MAX_LENGTH,
        help_text=_("The most characters an open answer may have."),
    )
    ranking_top = models.PositiveSmallIntegerField(
        _("top"),
        default=0,
        help_text=_("For a ranking: 0 orders the whole list; 3 asks for a top 3."),
    )
    condition_question = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="dependent_questions",
        verbose_name=_("show only when question"),
        help_text=_("An earlier question whose answer decides whether this one is shown."),
    )
    condition_value = models.CharField(
        _("has the answer"),
        max_length=200,
        blank=True,
        help_text=_(
            "For a choice: the option's key (see option_keys); for a scale or agree question: "
            "the number."
        ),
    )
    is_highlight = models.BooleanField(
        _("show in the workshop"),
        default=False,
        help_text=_("The result of this question is shown in part 1 of the workshop."),
    )

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["page__position", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "position"], name="surveys_question_unique_position"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=QuestionKind.values),
                name="surveys_question_kind_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(max_length__gte=1) & models.Q(max_length__lte=20000),
                name="surveys_question_max_length_range",
            ),
            models.CheckConstraint(
                condition=models.Q(condition_question__isnull=True, condition_value="")
                | (models.Q(condition_question__isnull=False) & ~models.Q(condition_value="")),
                name="surveys_question_condition_complete",
            ),
            models.CheckConstraint(
                condition=models.Q(ranking_top__lte=20), name="surveys_question_ranking_top_max"
            ),
        ]

    def __str__(self) -> str:
        return self.text

    def get_absolute_url(self) -> str:
        return reverse("surveys:question_update", kwargs={"pk": self.pk})

    @property
    def field_name(self) -> str:
        return f"q{self.pk}"

    @property
    def is_choice(self) -> bool:
        return self.kind in CHOICE_KINDS

    @property
    def is_text(self) -> bool:
        return self.kind in TEXT_KINDS

    def option_label(self, value: str) -> str | None:
        """The text of this question's answer ``value`` as a condition stores it (an
        option's key, ``OTHER_KEY``, or a number), or None when it is none of them."""
        if self.kind in CHOICE_KINDS:
            if value == OTHER_KEY and self.allow_other:
                return str(_("Other"))
            return dict(zip(self.option_keys, self.options, strict=False)).get(value)
        if self.kind == QuestionKind.LIKERT and value.isascii() and value.isdigit():
            label = dict(LIKERT_LABELS).get(int(value))
            return f"{value} – {label}" if label else None
        if self.kind == QuestionKind.SCALE and value.isascii() and value.isdigit():
            return value if SCALE_MIN <= int(value) <= SCALE_MAX else None
        return None

    @property
    def condition_label(self) -> str:
        """The answer that shows this question, as the consultant reads it."""
        if self.condition_question is None:
            return ""
        return self.condition_question.option_label(self.condition_value) or self.condition_value

    @property
    def ranking_places(self) -> int:
        """How many places a ranking asks for: the top, or every option."""
        count = len(self.options)
        return min(self.ranking_top, count) if self.ranking_top else count


class InvitationStatus(models.TextChoices):
    INVITED = "invited", _("Invited")
    STARTED = "started", _("Started")
    ANSWERED = "answered", _("Answered")


class Invitation(PersonalLinkToken):
    """A personal invitation; its link's token is stored hashed and sealed (see tokens.py)."""

    link: str  # set by views.invitations(), not a field

    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("survey")
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=InvitationStatus.choices,
        default=InvitationStatus.INVITED,
    )
    # Only while the response is unfinished; cleared on submission (see the module docstring).
    response = models.OneToOneField(
        "Response",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitation",
        verbose_name=_("unfinished response"),
    )
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("last reminder at"), null=True, blank=True)
    reminder_count = models.PositiveSmallIntegerField(_("reminders sent"), default=0)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["name", "pk"]
        constraints = [
            *PersonalLinkToken.Meta.constraints,
            models.UniqueConstraint(
                fields=["survey", "email"], name="surveys_invitation_unique_email"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=InvitationStatus.values),
                name="surveys_invitation_status_valid",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=InvitationStatus.ANSWERED)
                | models.Q(response__isnull=True),
                name="surveys_invitation_answered_is_unlinked",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"

    def get_absolute_url(self) -> str:
        return reverse("surveys:respond", kwargs={"token": self.token})


class ResponseStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")


class Response(models.Model):
    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="responses", verbose_name=_("survey")
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=ResponseStatus.choices,
        default=ResponseStatus.IN_PROGRESS,
    )
    # The SHA-256 hash (engagements/tokens.py) of the resume token of an unfinished
    # open-link response; cleared on submission. Only the respondent's link and session hold
    # the token itself: nobody needs to be shown it again.
    token_hash = models.CharField(
        _("token hash"), max_length=64, unique=True, null=True, blank=True, editable=False
    )
    # For the retention of unfinished responses; cleared on submission so that no
    # timestamp links a finished response to an invitation.
    last_activity_at = models.DateTimeField(_("last activity"), null=True, blank=True)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=ResponseStatus.values),
                name="surveys_response_status_valid",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=ResponseStatus.COMPLETED)
                | models.Q(token_hash__isnull=True, last_activity_at__isnull=True),
                name="surveys_response_completed_is_anonymous",
            ),
            models.CheckConstraint(
                condition=models.Q(token_hash__isnull=True)
                | models.Q(Exact(Length("token_hash"), 64)),
                name="surveys_response_token_hash_is_sha256",
            ),
        ]
        indexes = [models.Index(fields=["survey", "status"], name="surveys_resp_survey_status")]

    def __str__(self) -> str:
        return f"{self.survey} #{self.pk}"

    def get_absolute_url(self) -> str:
        # The respondent's own pages need the token, which only the respondent holds.
        return reverse("surveys:results", kwargs={"pk": self.survey_id})


class Answer(models.Model):
    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="answers", verbose_name=_("response")
    )
    question = models.ForeignKey(
        Question, on_delete=models.PROTECT, related_name="answers", verbose_name=_("question")
    )
    # likert/scale: int; single/multiple: {"choices": [...], "other": str};
    # short/long text: str; ranking: [option, ...] in order.
    value = models.JSONField(_("value"))
    is_quote = models.BooleanField(
        _("quote"), default=False, help_text=_("Shown without a name in part 1 of the workshop.")
    )

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question"], name="surveys_answer_unique_per_question"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question}: {self.value}"

    def get_absolute_url(self) -> str:
        return reverse("surveys:results", kwargs={"pk": self.response.survey_id})
