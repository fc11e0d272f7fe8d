"""The maturity baseline (nulmeting): a versioned maturity model and assessments on it.

A ``MaturityModel`` is a named series of ``ModelVersion``s. A version holds the
``Level``s (1..n, shared by all dimensions), the ``Dimension``s (with a stable ``key``
other stages refer to), a ``LevelDescriptor`` per dimension and level, and the
``Question``s of each dimension with one ``AnswerOption`` per level ("level-anchored").
A published version is never changed: editing a model makes a new version, so past
assessments keep the questions they were answered on.

An ``Assessment`` belongs to an engagement and a model version. ``Respondent``s answer it
through a personal link (an unguessable token) or as logged-in organisation staff; each
``Answer`` is a level, "weet ik niet" or still open, with an optional comment. The
consultant records a target and, after a joint session, a consensus level per dimension
(``DimensionScore``).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from engagements.invitations import DEFAULT_REMINDER_DAYS, PLACEHOLDER_HELP
from engagements.tokens import (
    PersonalLinkToken,
    new_token,  # noqa: F401 (migration 0001 names baseline.models.new_token)
)
from engagements.validators import date_range_constraint, validate_sane_date

MAX_LEVELS = 9

# The "format" field of a maturity model's JSON export (written by selectors, checked on import).
EXCHANGE_FORMAT = "rucphen-maturity-model"


class MaturityModel(models.Model):
    """A maturity model, as a series of versions."""

    key = models.SlugField(
        _("key"),
        max_length=60,
        unique=True,
        help_text=_("A short, stable identifier, for example gemeente-datavolwassenheid."),
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("maturity model")
        verbose_name_plural = _("maturity models")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("baseline:model_detail", kwargs={"pk": self.pk})


class ModelVersion(models.Model):
    """One frozen version of a maturity model; assessments are taken on a version.

    Other stages (the roadmap's action catalogue) point to a ``ModelVersion`` and name
    its dimensions by ``Dimension.key``.
    """

    model = models.ForeignKey(
        MaturityModel,
        on_delete=models.CASCADE,
        related_name="versions",
        verbose_name=_("maturity model"),
    )
    number = models.PositiveIntegerField(_("version number"))
    changelog = models.TextField(
        _("what changed"), blank=True, help_text=_("What is different from the previous version.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("model version")
        verbose_name_plural = _("model versions")
        ordering = ["model__name", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["model", "number"], name="baseline_modelversion_unique_number"
            ),
            models.CheckConstraint(
                condition=models.Q(number__gte=1), name="baseline_modelversion_number_positive"
            ),
        ]

    def __str__(self) -> str:
        return _("%(model)s, version %(number)s") % {"model": self.model, "number": self.number}

    def get_absolute_url(self) -> str:
        return reverse("baseline:version_detail", kwargs={"pk": self.pk})


class Level(models.Model):
    """A maturity level of a version, numbered 1 (lowest) upwards."""

    version = models.ForeignKey(
        ModelVersion, on_delete=models.CASCADE, related_name="levels", verbose_name=_("version")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=80)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("level")
        verbose_name_plural = _("levels")
        ordering = ["version", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "number"], name="baseline_level_unique_number"
            ),
            models.CheckConstraint(
                condition=models.Q(number__gte=1) & models.Q(number__lte=MAX_LEVELS),
                name="baseline_level_number_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"


class Dimension(models.Model):
    """A dimension of data-driven working, such as data quality."""

    version = models.ForeignKey(
        ModelVersion,
        on_delete=models.CASCADE,
        related_name="dimensions",
        verbose_name=_("version"),
    )
    key = models.SlugField(
        _("key"),
        max_length=40,
        help_text=_("Stable across versions; other stages refer to a dimension by its key."),
    )
    order = models.PositiveSmallIntegerField(_("order"))
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    sources = models.TextField(
        _("draws from"),
        blank=True,
        help_text=_("The frameworks this dimension is based on."),
    )

    class Meta:
        verbose_name = _("dimension")
        verbose_name_plural = _("dimensions")
        ordering = ["version", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "key"], name="baseline_dimension_unique_key"
            ),
            models.UniqueConstraint(
                fields=["version", "order"], name="baseline_dimension_unique_order"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class LevelDescriptor(models.Model):
    """What a level looks like within one dimension."""

    dimension = models.ForeignKey(
        Dimension,
        on_delete=models.CASCADE,
        related_name="descriptors",
        verbose_name=_("dimension"),
    )
    level = models.PositiveSmallIntegerField(_("level"))
    description = models.TextField(_("description"))

    class Meta:
        verbose_name = _("level description")
        verbose_name_plural = _("level descriptions")
        ordering = ["dimension", "level"]
        constraints = [
            models.UniqueConstraint(
                fields=["dimension", "level"], name="baseline_leveldescriptor_unique_level"
            ),
            models.CheckConstraint(
                condition=models.Q(level__gte=1) & models.Q(level__lte=MAX_LEVELS),
                name="baseline_leveldescriptor_level_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.dimension}: {self.level}"


class Question(models.Model):
    """A level-anchored question: each answer option describes one level."""

    dimension = models.ForeignKey(
        Dimension,
        on_delete=models.CASCADE,
        related_name="questions",
        verbose_name=_("dimension"),
    )
    key = models.SlugField(_("key"), max_length=60)
    order = models.PositiveSmallIntegerField(_("order"))
    text = models.CharField(_("question"), max_length=500)
    help_text = models.TextField(_("explanation"), blank=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["dimension", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["dimension", "key"], name="baseline_question_unique_key"
            ),
            models.UniqueConstraint(
                fields=["dimension", "order"], name="baseline_question_unique_order"
            ),
        ]

    def __str__(self) -> str:
        return self.text


class AnswerOption(models.Model):
    """The answer that places the organisation at one level for one question."""

    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="options", verbose_name=_("question")
    )
    level = models.PositiveSmallIntegerField(_("level"))
    text = models.CharField(_("text"), max_length=500)

    class Meta:
        verbose_name = _("answer option")
        verbose_name_plural = _("answer options")
        ordering = ["question", "level"]
        constraints = [
            models.UniqueConstraint(
                fields=["question", "level"], name="baseline_answeroption_unique_level"
            ),
            models.CheckConstraint(
                condition=models.Q(level__gte=1) & models.Q(level__lte=MAX_LEVELS),
                name="baseline_answeroption_level_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.level}: {self.text}"


class AssessmentStatus(models.TextChoices):
    OPEN = "open", _("Open for answers")
    CLOSED = "closed", _("Completed")


class Assessment(models.Model):
    """One measurement of an engagement's organisation on a model version."""

    engagement = models.ForeignKey(
        "engagements.Engagement",
        on_delete=models.CASCADE,
        related_name="assessments",
        verbose_name=_("engagement"),
    )
    version = models.ForeignKey(
        ModelVersion,
        on_delete=models.PROTECT,
        related_name="assessments",
        verbose_name=_("model version"),
    )
    title = models.CharField(_("title"), max_length=200)
    measured_on = models.DateField(
        _("measurement date"),
        help_text=_("The date the measurement refers to."),
        validators=[validate_sane_date],
    )
    status = models.CharField(
        _("status"), max_length=20, choices=AssessmentStatus.choices, default=AssessmentStatus.OPEN
    )
    closed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    deadline = models.DateTimeField(
        _("answer before"),
        null=True,
        blank=True,
        validators=[validate_sane_date],
        help_text=_("Named in the invitations; the automatic reminder is counted from it."),
    )
    reminder_days_before = models.PositiveSmallIntegerField(
        _("automatic reminder (days before the deadline)"),
        null=True,
        blank=True,
        default=DEFAULT_REMINDER_DAYS,
        validators=[MaxValueValidator(60)],
        help_text=_(
            "Everyone invited who has not completed the questionnaire gets a reminder this "
            "many days before the deadline. Empty: no automatic reminder."
        ),
    )
    invitation_message = models.TextField(
        _("invitation message"),
        blank=True,
        max_length=5000,
        help_text=format_lazy("{} {}", _("Empty: the standard text."), PLACEHOLDER_HELP),
    )
    respondent_chart_announced = models.BooleanField(
        _("chart per respondent in the report"),
        default=False,
        help_text=_(
            "Respondents are told, before they answer, that the report for the organisation "
            "shows each respondent's levels under a number (never a name). Only then, and "
            "only with at least the minimum group size of respondents, the report includes "
            "that chart."
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["-measured_on", "-pk"]
        constraints = [
            date_range_constraint("measured_on", name="baseline_assessment_measured_on_range"),
            date_range_constraint(
                "deadline", name="baseline_assessment_deadline_range", moment=True
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=AssessmentStatus.values),
                name="baseline_assessment_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(status=AssessmentStatus.OPEN, closed_at__isnull=True)
                | models.Q(status=AssessmentStatus.CLOSED, closed_at__isnull=False),
                name="baseline_assessment_closed_at_matches_status",
            ),
        ]
        indexes = [models.Index(fields=["version", "status"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("baseline:assessment_detail", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status == AssessmentStatus.OPEN


class RespondentRole(models.TextChoices):
    MANAGEMENT = "management", _("Management")
    INFORMATION_MANAGEMENT = "information", _("Information management")
    IT = "it", _("IT")
    POLICY = "policy", _("Policy")
    DATA_TEAM = "data", _("Data team")
    OTHER = "other", _("Other")


class Respondent(PersonalLinkToken):
    """Someone invited to answer an assessment, by personal link or with an account.

    The link's token is stored hashed and sealed (engagements/tokens.py).

    In results a respondent appears only by ``number`` ("Respondent 3"), never by name.
    """

    link: str  # the personal link, set by the respondents view, not a field

    assessment = models.ForeignKey(
        Assessment,
        on_delete=models.CASCADE,
        related_name="respondents",
        verbose_name=_("assessment"),
    )
    number = models.PositiveIntegerField(_("number"))
    name = models.CharField(
        _("name"), max_length=200, blank=True, help_text=_("Only the consultant sees the name.")
    )
    email = models.EmailField(_("e-mail address"), blank=True)
    role = models.CharField(
        _("role"), max_length=20, choices=RespondentRole.choices, default=RespondentRole.OTHER
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="baseline_respondents",
        verbose_name=_("account"),
        help_text=_("Set when the respondent answers as logged-in organisation staff."),
    )
    invited_at = models.DateTimeField(_("invited at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("invitation e-mailed at"), null=True, blank=True)
    reminder_count = models.PositiveSmallIntegerField(_("reminders sent"), default=0)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("respondent")
        verbose_name_plural = _("respondents")
        ordering = ["assessment", "number"]
        constraints = [
            *PersonalLinkToken.Meta.constraints,
            models.UniqueConstraint(
                fields=["assessment", "number"], name="baseline_respondent_unique_number"
            ),
            models.UniqueConstraint(
                fields=["assessment", "user"],
                condition=models.Q(user__isnull=False),
                name="baseline_respondent_unique_user",
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=RespondentRole.values),
                name="baseline_respondent_role_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.label

    def get_absolute_url(self) -> str:
        return reverse("baseline:respond_start", kwargs={"token": self.token})

    @property
    def label(self) -> str:
        return self.label_for(self.number)

    @staticmethod
    def label_for(number: int) -> str:
        """The anonymous label under which a respondent appears in results."""
        return _("Respondent %(number)s") % {"number": number}


class Answer(models.Model):
    """A respondent's answer to one question: a level, "don't know", or not yet chosen."""

    respondent = models.ForeignKey(
        Respondent, on_delete=models.CASCADE, related_name="answers", verbose_name=_("respondent")
    )
    question = models.ForeignKey(
        Question, on_delete=models.PROTECT, related_name="answers", verbose_name=_("question")
    )
    level = models.PositiveSmallIntegerField(_("level"), null=True, blank=True)
    dont_know = models.BooleanField(_("don't know"), default=False)
    comment = models.TextField(
        _("comment or evidence"),
        blank=True,
        max_length=4000,
    )
    may_quote = models.BooleanField(
        _("may be quoted"),
        default=False,
        help_text=_("The comment may be quoted anonymously in the report."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["respondent", "question"], name="baseline_answer_unique_question"
            ),
            models.CheckConstraint(
                condition=~models.Q(level__isnull=False, dont_know=True),
                name="baseline_answer_level_or_dont_know",
            ),
            models.CheckConstraint(
                condition=models.Q(level__isnull=True)
                | (models.Q(level__gte=1) & models.Q(level__lte=MAX_LEVELS)),
                name="baseline_answer_level_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.respondent} – {self.question_id}"


class DimensionScore(models.Model):
    """The consultant's target and agreed (consensus) level for one dimension."""

    assessment = models.ForeignKey(
        Assessment,
        on_delete=models.CASCADE,
        related_name="scores",
        verbose_name=_("assessment"),
    )
    dimension = models.ForeignKey(
        Dimension, on_delete=models.PROTECT, related_name="scores", verbose_name=_("dimension")
    )
    target_level = models.PositiveSmallIntegerField(
        _("target level"),
        null=True,
        blank=True,
        help_text=_("The level the organisation aims for, agreed with the client."),
    )
    consensus_level = models.PositiveSmallIntegerField(
        _("consensus level"),
        null=True,
        blank=True,
        help_text=_("The level agreed in a joint session."),
    )
    consensus_reason = models.TextField(
        _("reason"), blank=True, help_text=_("Why the group agreed on this level.")
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("dimension score")
        verbose_name_plural = _("dimension scores")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "dimension"], name="baseline_dimensionscore_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(target_level__isnull=True)
                | (models.Q(target_level__gte=1) & models.Q(target_level__lte=MAX_LEVELS)),
                name="baseline_dimensionscore_target_range",
            ),
            models.CheckConstraint(
                condition=models.Q(consensus_level__isnull=True)
                | (models.Q(consensus_level__gte=1) & models.Q(consensus_level__lte=MAX_LEVELS)),
                name="baseline_dimensionscore_consensus_range",
            ),
            models.CheckConstraint(
                condition=models.Q(consensus_level__isnull=True) | ~models.Q(consensus_reason=""),
                name="baseline_dimensionscore_consensus_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.assessment} – {self.dimension}"
