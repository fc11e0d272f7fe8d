"""The live workshop: sessions, their agenda, the example gallery and what participants send.

All state of a running session lives here (current item, open voting, revealed results,
timer), so a restarted server or a reconnecting screen picks up exactly where it was.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from engagements.dimensions import Dimension  # re-exported: the app's forms and selectors use it
from engagements.models import Engagement
from engagements.validators import date_range_constraint, validate_sane_date


class SessionStatus(models.TextChoices):
    PREPARED = "prepared", _("Prepared")
    LIVE = "live", _("Live")
    FINISHED = "finished", _("Finished")


class Part(models.TextChoices):
    INTRODUCTION = "introduction", _("What is data-driven working?")
    EXAMPLES = "examples", _("Inspiring examples")
    STATEMENTS = "statements", _("Statements")
    VISION = "vision", _("Vision")
    AMBASSADORS = "ambassadors", _("Ambassadors")


# The order of the parts in a session (agenda, projector, report).
PART_ORDER = [Part.INTRODUCTION, Part.EXAMPLES, Part.STATEMENTS, Part.VISION, Part.AMBASSADORS]


class ItemKind(models.TextChoices):
    SLIDE = "slide", _("Slide")
    SURVEY = "survey", _("Survey results")
    EXAMPLE = "example", _("Example")
    STATEMENT = "statement", _("Statement")
    VISION = "vision", _("Vision")
    AMBASSADORS = "ambassadors", _("Ambassadors")
    QUESTION = "question", _("Open question (word cloud)")
    IDEAS = "ideas", _("Ideas with upvotes")
    RANKING = "ranking", _("Ranking of the dimensions")
    POLL = "poll", _("Multiple-choice poll")


# The kinds participants answer on their phone while voting is open.
RESPONSE_KINDS = (ItemKind.QUESTION, ItemKind.IDEAS, ItemKind.RANKING, ItemKind.POLL)
# How many places of the ranking a participant fills: the top three become the priorities.
RANKING_PLACES = 3
MAX_POLL_OPTIONS = 8
MAX_CONTRIBUTION_LENGTH = 200
MAX_CONTRIBUTIONS_PER_PARTICIPANT = 3  # answers or ideas per participant and item


class MunicipalTask(models.TextChoices):
    PUBLIC_SPACE = "public_space", _("Public space")
    WASTE = "waste", _("Waste")
    SAFETY = "safety", _("Safety and enforcement")
    SOCIAL = "social", _("Social domain")
    EDUCATION = "education", _("Education")
    MOBILITY = "mobility", _("Mobility and parking")
    HOUSING = "housing", _("Housing")
    OPERATIONS = "operations", _("Management and operations")


class Complexity(models.TextChoices):
    SIMPLE = "simple", _("Simple")
    ADVANCED = "advanced", _("Advanced")


class Endorsement(models.TextChoices):
    AGREE = "agree", _("Agree")
    AGREE_WITH_RESERVATIONS = "reservations", _("Agree with reservations")
    DISAGREE = "disagree", _("Disagree")


SCALE = (1, 2, 3, 4, 5)


class Example(models.Model):
    """An inspiring example: shared across engagements, or a client's own product."""

    engagement = models.ForeignKey(
        Engagement,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="workshop_examples",
        verbose_name=_("engagement"),
        help_text=_("Set for the client's own products; empty for the shared gallery."),
    )
    title = models.CharField(_("title"), max_length=200)
    municipality = models.CharField(_("municipality"), max_length=200)
    task = models.CharField(_("municipal task"), max_length=20, choices=MunicipalTask.choices)
    complexity = models.CharField(_("complexity"), max_length=10, choices=Complexity.choices)
    summary = models.TextField(_("what it is"), max_length=5000)
    data_used = models.TextField(_("data used"), blank=True, max_length=5000)
    benefits = models.TextField(_("what it brought"), blank=True, max_length=5000)
    source_name = models.CharField(_("source"), max_length=300, blank=True)
    source_url = models.URLField(_("source link"), blank=True)
    sample_chart = models.JSONField(
        _("sample chart"),
        default=dict,
        blank=True,
        help_text=_("Sample data for a live chart: title, labels, values and axis titles."),
    )
    picture = models.ImageField(
        _("picture"),
        upload_to="workshops/examples/",
        blank=True,
        help_text=_("Optional: a screenshot or photo (PNG or JPEG), resized on upload."),
    )
    picture_alt = models.CharField(
        _("description of the picture"),
        max_length=300,
        blank=True,
        help_text=_(
            "What the picture shows, for people who cannot see it. Required with a picture."
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("example")
        verbose_name_plural = _("examples")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(
                fields=["title"],
                condition=models.Q(engagement__isnull=True),
                name="workshops_example_unique_shared_title",
            ),
            models.UniqueConstraint(
                fields=["engagement", "title"], name="workshops_example_unique_own_title"
            ),
            models.CheckConstraint(
                condition=models.Q(task__in=MunicipalTask.values),
                name="workshops_example_task_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(complexity__in=Complexity.values),
                name="workshops_example_complexity_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(picture="") | ~models.Q(picture_alt=""),
                name="workshops_example_picture_has_alt",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.municipality})"

    @property
    def is_own_product(self) -> bool:
        return self.engagement_id is not None


class Session(models.Model):
    """One inspiration and vision session of an engagement."""

    engagement = models.ForeignKey(
        Engagement,
        on_delete=models.CASCADE,
        related_name="workshop_sessions",
        verbose_name=_("engagement"),
    )
    title = models.CharField(_("title"), max_length=200)
    held_on = models.DateField(_("date"), validators=[validate_sane_date])
    status = models.CharField(
        _("status"), max_length=10, choices=SessionStatus.choices, default=SessionStatus.PREPARED
    )
    join_code = models.CharField(
        _("join code"),
        max_length=8,
        unique=True,
        help_text=_("The short code participants type to join."),
    )
    current_item = models.ForeignKey(
        "AgendaItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("current item"),
    )
    timer_ends_at = models.DateTimeField(_("timer ends at"), null=True, blank=True)
    vision_adopted_at = models.DateTimeField(_("vision adopted at"), null=True, blank=True)
    priorities = models.JSONField(
        _("priority dimensions"),
        default=list,
        blank=True,
        help_text=_("Dimension keys of the maturity model, most important first."),
    )
    version = models.PositiveIntegerField(
        _("version"), default=0, help_text=_("Raised on every change the screens must show.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=SessionStatus.values),
                name="workshops_session_status_valid",
            ),
            date_range_constraint("held_on", name="workshops_session_held_on_range"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("workshops:session_detail", kwargs={"pk": self.pk})


class AgendaItem(models.Model):
    """One screen of the session: a slide, survey results, an example, a statement, ..."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="items", verbose_name=_("session")
    )
    position = models.PositiveSmallIntegerField(_("position"))
    part = models.CharField(_("part"), max_length=20, choices=Part.choices)
    kind = models.CharField(_("kind"), max_length=20, choices=ItemKind.choices)
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(
        _("text"), blank=True, help_text=_("Markdown: headings, lists, bold and links.")
    )
    example = models.ForeignKey(
        Example,
        # An example shown in a session stays; it goes only with the session's engagement.
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="agenda_items",
        verbose_name=_("example"),
    )
    voting_open = models.BooleanField(_("voting open"), default=False)
    # When answering last opened in this round: empty means it has not been open yet, so a
    # closed item without answers says "closed", not "not open yet".
    opened_at = models.DateTimeField(
        _("answering opened at"), null=True, blank=True, editable=False
    )
    results_revealed = models.BooleanField(_("results revealed"), default=False)
    round_number = models.PositiveSmallIntegerField(_("voting round"), default=1)
    notes = models.TextField(_("discussion notes"), blank=True)
    presenter_notes = models.TextField(
        _("presenter notes"),
        blank=True,
        max_length=5000,
        help_text=_(
            "Prepared for the facilitator only (what to say, which question to ask); shown on "
            "the facilitator page, never on the projector or the phones."
        ),
    )
    options = models.JSONField(
        _("answer options"),
        default=list,
        blank=True,
        help_text=_("The options of a multiple-choice poll, in order."),
    )
    step = models.PositiveSmallIntegerField(
        _("step"),
        default=0,
        help_text=_("Which part of the item the projector highlights (survey results)."),
    )

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["session", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "position"], name="workshops_item_unique_position"
            ),
            models.UniqueConstraint(
                fields=["session", "example"],
                condition=models.Q(example__isnull=False),
                name="workshops_item_unique_example",
            ),
            models.CheckConstraint(
                condition=models.Q(kind=ItemKind.EXAMPLE, example__isnull=False)
                | (~models.Q(kind=ItemKind.EXAMPLE) & models.Q(example__isnull=True)),
                name="workshops_item_example_iff_kind",
            ),
            models.CheckConstraint(
                condition=models.Q(round_number__gte=1), name="workshops_item_round_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(part__in=Part.values), name="workshops_item_part_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=ItemKind.values), name="workshops_item_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("workshops:item_update", kwargs={"pk": self.session_id, "item_pk": self.pk})

    @property
    def answering_closed(self) -> bool:
        """Answering was open in this round and is closed now (as opposed to not open yet)."""
        return not self.voting_open and self.opened_at is not None

    @property
    def is_statement(self) -> bool:
        return self.kind == ItemKind.STATEMENT


class Participant(models.Model):
    """A phone in the room. Known by a server-issued token in a cookie; anonymous by default."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="participants", verbose_name=_("session")
    )
    # SHA-256 of the cookie's token: a leaked database does not let anyone vote as another.
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True)
    name = models.CharField(_("name"), max_length=100, blank=True)
    department = models.CharField(_("department"), max_length=100, blank=True)
    joined_at = models.DateTimeField(_("joined at"), auto_now_add=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self) -> str:
        return self.name or str(_("Anonymous participant"))


class Vote(models.Model):
    """One participant's vote on one statement in one round; changing it replaces it."""

    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="votes", verbose_name=_("statement")
    )
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="votes", verbose_name=_("participant")
    )
    round_number = models.PositiveSmallIntegerField(_("round"))
    value = models.PositiveSmallIntegerField(
        _("vote"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(
                fields=["item", "participant", "round_number"], name="workshops_vote_once_per_round"
            ),
            models.CheckConstraint(
                condition=models.Q(value__gte=1) & models.Q(value__lte=5),
                name="workshops_vote_value_range",
            ),
            models.CheckConstraint(
                condition=models.Q(round_number__gte=1), name="workshops_vote_round_positive"
            ),
        ]
        indexes = [models.Index(fields=["item", "round_number"])]

    def __str__(self) -> str:
        return f"{self.item} · {self.round_number} · {self.value}"


class ExampleMark(models.Model):
    """A participant finds an example relevant for their own department."""

    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="marks", verbose_name=_("example")
    )
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="marks", verbose_name=_("participant")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("relevance mark")
        verbose_name_plural = _("relevance marks")
        constraints = [
            models.UniqueConstraint(fields=["item", "participant"], name="workshops_mark_once"),
        ]

    def __str__(self) -> str:
        return str(self.item)


class VisionStatement(models.Model):
    """A statement of the vision, drafted by the facilitator from the discussion."""

    session = models.ForeignKey(
        Session,
        on_delete=models.CASCADE,
        related_name="vision_statements",
        verbose_name=_("session"),
    )
    position = models.PositiveSmallIntegerField(_("position"))
    text = models.TextField(_("text"))
    dimension_key = models.CharField(
        _("dimension"),
        max_length=20,
        choices=Dimension.choices,
        blank=True,
        help_text=_("Optional: the dimension of the maturity model this statement is about."),
    )

    class Meta:
        verbose_name = _("vision statement")
        verbose_name_plural = _("vision statements")
        ordering = ["session", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "position"], name="workshops_vision_unique_position"
            ),
            models.CheckConstraint(
                condition=models.Q(dimension_key="") | models.Q(dimension_key__in=Dimension.values),
                name="workshops_vision_dimension_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.text


class VisionEndorsement(models.Model):
    statement = models.ForeignKey(
        VisionStatement,
        on_delete=models.CASCADE,
        related_name="endorsements",
        verbose_name=_("vision statement"),
    )
    participant = models.ForeignKey(
        Participant,
        on_delete=models.CASCADE,
        related_name="endorsements",
        verbose_name=_("participant"),
    )
    choice = models.CharField(_("choice"), max_length=20, choices=Endorsement.choices)

    class Meta:
        verbose_name = _("endorsement")
        verbose_name_plural = _("endorsements")
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "participant"], name="workshops_endorsement_once"
            ),
            models.CheckConstraint(
                condition=models.Q(choice__in=Endorsement.values),
                name="workshops_endorsement_choice_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.statement} · {self.get_choice_display()}"


class Ambassador(models.Model):
    """A participant who volunteers to champion data-driven working; named by choice."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="ambassadors", verbose_name=_("session")
    )
    participant = models.OneToOneField(
        Participant,
        on_delete=models.CASCADE,
        related_name="ambassador",
        verbose_name=_("participant"),
    )
    name = models.CharField(_("name"), max_length=100)
    department = models.CharField(_("department"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("ambassador")
        verbose_name_plural = _("ambassadors")
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(name=""), name="workshops_ambassador_name_required"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Contribution(models.Model):
    """A participant's answer to an open question, or an idea others can upvote."""

    item = models.ForeignKey(
        AgendaItem,
        on_delete=models.CASCADE,
        related_name="contributions",
        verbose_name=_("agenda item"),
    )
    participant = models.ForeignKey(
        Participant,
        on_delete=models.CASCADE,
        related_name="contributions",
        verbose_name=_("participant"),
    )
    text = models.CharField(_("text"), max_length=MAX_CONTRIBUTION_LENGTH)
    hidden = models.BooleanField(
        _("hidden"), default=False, help_text=_("Hidden by the facilitator: not on the screen.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("answer or idea")
        verbose_name_plural = _("answers and ideas")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(text=""), name="workshops_contribution_text_required"
            ),
        ]
        indexes = [models.Index(fields=["item", "hidden"])]

    def __str__(self) -> str:
        return self.text


class Upvote(models.Model):
    """A participant supports an idea; once per idea."""

    contribution = models.ForeignKey(
        Contribution, on_delete=models.CASCADE, related_name="upvotes", verbose_name=_("idea")
    )
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="upvotes", verbose_name=_("participant")
    )

    class Meta:
        verbose_name = _("upvote")
        verbose_name_plural = _("upvotes")
        constraints = [
            models.UniqueConstraint(
                fields=["contribution", "participant"], name="workshops_upvote_once"
            ),
        ]

    def __str__(self) -> str:
        return str(self.contribution)


class PollVote(models.Model):
    """A participant's choice in a multiple-choice poll; changing it replaces it."""

    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="poll_votes", verbose_name=_("poll")
    )
    participant = models.ForeignKey(
        Participant,
        on_delete=models.CASCADE,
        related_name="poll_votes",
        verbose_name=_("participant"),
    )
    option = models.PositiveSmallIntegerField(_("option"))
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("poll vote")
        verbose_name_plural = _("poll votes")
        constraints = [
            models.UniqueConstraint(
                fields=["item", "participant"], name="workshops_poll_vote_once"
            ),
            models.CheckConstraint(
                condition=models.Q(option__lt=MAX_POLL_OPTIONS),
                name="workshops_poll_vote_option_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item} · {self.option}"


class RankingBallot(models.Model):
    """A participant's top dimensions, most important first; changing it replaces it."""

    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="ballots", verbose_name=_("ranking")
    )
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="ballots", verbose_name=_("participant")
    )
    order = models.JSONField(_("order"), help_text=_("Dimension keys, most important first."))
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("ranking ballot")
        verbose_name_plural = _("ranking ballots")
        constraints = [
            models.UniqueConstraint(fields=["item", "participant"], name="workshops_ballot_once"),
        ]

    def __str__(self) -> str:
        return f"{self.item} · {', '.join(self.order)}"
