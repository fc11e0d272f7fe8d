"""The roadmap (routeplan): an action catalogue per maturity model version, and a
roadmap per engagement with its generated and hand-edited actions.

An ``ActionCatalogue`` belongs to one ``baseline.ModelVersion`` and names dimensions by
their stable keys. A ``Roadmap`` keeps a snapshot of the current and target level per
dimension (``RoadmapDimension``) taken from the baseline and editable by the consultant,
and the generated plan as ``RoadmapItem``s. Items the consultant changed are pinned: a
regeneration keeps them (see ``roadmap.services.roadmap_generate``).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from roadmap.generator import MAX_LEVEL, MIN_LEVEL, Effort, Quarter

MAX_DURATION_QUARTERS = 12
MAX_HORIZON_YEARS = 10
MAX_CAPACITY = 20


def _level_range(field: str, name: str, *, low: int = MIN_LEVEL, nullable: bool = False):
    condition = models.Q(**{f"{field}__gte": low}) & models.Q(**{f"{field}__lte": MAX_LEVEL})
    if nullable:
        condition = models.Q(**{f"{field}__isnull": True}) | condition
    return models.CheckConstraint(condition=condition, name=name)


class ActionCatalogue(models.Model):
    """The actions a roadmap is built from, for one version of the maturity model."""

    model_version = models.OneToOneField(
        "baseline.ModelVersion",
        on_delete=models.PROTECT,
        related_name="action_catalogue",
        verbose_name=_("maturity model version"),
    )
    name = models.CharField(_("name"), max_length=200)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("action catalogue")
        verbose_name_plural = _("action catalogues")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("roadmap:catalogue_detail", kwargs={"pk": self.pk})


class CatalogueAction(models.Model):
    """One action: a step of one dimension from one level to the next."""

    dimension_name: str  # set by the catalogue view, not a field

    catalogue = models.ForeignKey(
        ActionCatalogue,
        on_delete=models.CASCADE,
        related_name="actions",
        verbose_name=_("catalogue"),
    )
    key = models.SlugField(
        _("key"),
        max_length=80,
        help_text=_("A short, stable identifier such as kwaliteit-23-meten."),
    )
    dimension_key = models.SlugField(_("dimension"), max_length=40)
    from_level = models.PositiveSmallIntegerField(
        _("from level"), help_text=_("The action helps to go from this level to the next.")
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    effort = models.CharField(
        _("effort"), max_length=1, choices=Effort.choices, default=Effort.MEDIUM
    )
    duration_quarters = models.PositiveSmallIntegerField(_("duration in quarters"), default=1)
    owner_role = models.CharField(
        _("owner role"),
        max_length=120,
        blank=True,
        help_text=_("Who usually carries the action, for example the information manager."),
    )
    met_by_vision = models.BooleanField(
        _("met by an adopted vision"),
        default=False,
        help_text=_(
            "Done as soon as the vision session has adopted a vision; never planned for an "
            "engagement with an adopted vision."
        ),
    )
    prerequisites = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="dependents",
        verbose_name=_("prerequisites"),
        help_text=_("Actions that must be finished before this one starts."),
    )

    class Meta:
        verbose_name = _("catalogue action")
        verbose_name_plural = _("catalogue actions")
        ordering = ["dimension_key", "from_level", "key"]
        constraints = [
            models.UniqueConstraint(fields=["catalogue", "key"], name="roadmap_action_unique_key"),
            models.CheckConstraint(
                condition=models.Q(from_level__gte=MIN_LEVEL) & models.Q(from_level__lt=MAX_LEVEL),
                name="roadmap_action_from_level_range",
            ),
            models.CheckConstraint(
                condition=models.Q(duration_quarters__gte=1)
                & models.Q(duration_quarters__lte=MAX_DURATION_QUARTERS),
                name="roadmap_action_duration_range",
            ),
            models.CheckConstraint(
                condition=models.Q(effort__in=Effort.values), name="roadmap_action_effort_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("roadmap:catalogue_action_update", kwargs={"pk": self.pk})

    @property
    def to_level(self) -> int:
        return self.from_level + 1


class LevelRule(models.Model):
    """A cross-dimension rule: the action starts only once a dimension reaches a level."""

    dimension_name: str  # set by the catalogue view, not a field

    action = models.ForeignKey(
        CatalogueAction,
        on_delete=models.CASCADE,
        related_name="level_rules",
        verbose_name=_("action"),
    )
    dimension_key = models.SlugField(_("dimension"), max_length=40)
    level = models.PositiveSmallIntegerField(_("minimum level"))

    class Meta:
        verbose_name = _("level rule")
        verbose_name_plural = _("level rules")
        ordering = ["dimension_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["action", "dimension_key"], name="roadmap_levelrule_unique"
            ),
            _level_range("level", "roadmap_levelrule_level_range", low=MIN_LEVEL + 1),
        ]

    def __str__(self) -> str:
        return f"{self.dimension_key} ≥ {self.level}"


class DocumentStatus(models.TextChoices):
    CONCEPT = "concept", pgettext_lazy("document status", "Draft")
    FINAL = "final", pgettext_lazy("document status", "Final")


# The narrative sections of "Visie en routeplan", in the order of a collegevoorstel. Each is
# stored on the roadmap; an empty text means "use the default drafted from the data"
# (roadmap.narrative).
NARRATIVE_FIELDS = (
    "text_summary",
    "text_decision",
    "text_occasion",
    "text_vision",
    "text_ambition",
    "text_organisation",
    "text_resources",
    "text_risks",
)


class Roadmap(models.Model):
    """The roadmap of one engagement, and the decision document built on it."""

    engagement = models.OneToOneField(
        "engagements.Engagement",
        on_delete=models.CASCADE,
        related_name="roadmap",
        verbose_name=_("engagement"),
    )
    catalogue = models.ForeignKey(
        ActionCatalogue,
        on_delete=models.PROTECT,
        related_name="roadmaps",
        verbose_name=_("action catalogue"),
    )
    start_year = models.PositiveSmallIntegerField(_("first year"))
    start_quarter = models.PositiveSmallIntegerField(_("first quarter"), default=1)
    horizon_years = models.PositiveSmallIntegerField(
        _("horizon in years"), default=3, help_text=_("How many years the roadmap covers.")
    )
    capacity = models.PositiveSmallIntegerField(
        _("capacity"),
        default=3,
        help_text=_("How many actions the organisation can run at the same time."),
    )
    warnings = models.JSONField(_("warnings"), default=list, blank=True)
    document_status = models.CharField(
        _("document status"),
        max_length=10,
        choices=DocumentStatus.choices,
        default=DocumentStatus.CONCEPT,
    )
    document_version = models.CharField(
        _("version"), max_length=20, default="0.1", help_text=_("Shown on the cover, e.g. 0.3.")
    )
    text_summary = models.TextField(_("summary"), blank=True)
    text_decision = models.TextField(_("proposed decision"), blank=True)
    text_occasion = models.TextField(_("occasion"), blank=True)
    text_vision = models.TextField(_("vision"), blank=True)
    text_ambition = models.TextField(_("ambition per dimension"), blank=True)
    text_organisation = models.TextField(_("organisation and roles"), blank=True)
    text_resources = models.TextField(_("resources"), blank=True)
    text_risks = models.TextField(_("risks and privacy"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    generated_at = models.DateTimeField(_("generated at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("roadmap")
        verbose_name_plural = _("roadmaps")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start_quarter__gte=1) & models.Q(start_quarter__lte=4),
                name="roadmap_roadmap_start_quarter_range",
            ),
            models.CheckConstraint(
                condition=models.Q(start_year__gte=2000) & models.Q(start_year__lte=2100),
                name="roadmap_roadmap_start_year_range",
            ),
            models.CheckConstraint(
                condition=models.Q(horizon_years__gte=1)
                & models.Q(horizon_years__lte=MAX_HORIZON_YEARS),
                name="roadmap_roadmap_horizon_range",
            ),
            models.CheckConstraint(
                condition=models.Q(capacity__gte=1) & models.Q(capacity__lte=MAX_CAPACITY),
                name="roadmap_roadmap_capacity_range",
            ),
            models.CheckConstraint(
                condition=models.Q(document_status__in=DocumentStatus.values),
                name="roadmap_roadmap_document_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return _("Roadmap of %(engagement)s") % {"engagement": self.engagement}

    def get_absolute_url(self) -> str:
        return reverse("roadmap:roadmap_detail", kwargs={"engagement_pk": self.engagement_id})

    @property
    def start(self) -> Quarter:
        return Quarter(self.start_year, self.start_quarter)

    @property
    def horizon_end(self) -> Quarter:
        return self.start.plus(self.horizon_years * 4 - 1)


class RoadmapDimension(models.Model):
    """Where a dimension stands and where it should go: taken from the baseline, editable."""

    roadmap = models.ForeignKey(
        Roadmap, on_delete=models.CASCADE, related_name="dimensions", verbose_name=_("roadmap")
    )
    key = models.SlugField(_("key"), max_length=40)
    name = models.CharField(_("name"), max_length=120)
    order = models.PositiveSmallIntegerField(_("order"))
    current_level = models.PositiveSmallIntegerField(_("current level"), null=True, blank=True)
    target_level = models.PositiveSmallIntegerField(_("target level"), null=True, blank=True)

    class Meta:
        verbose_name = _("roadmap dimension")
        verbose_name_plural = _("roadmap dimensions")
        ordering = ["roadmap", "order"]
        constraints = [
            models.UniqueConstraint(fields=["roadmap", "key"], name="roadmap_dimension_unique_key"),
            _level_range("current_level", "roadmap_dimension_current_range", nullable=True),
            _level_range("target_level", "roadmap_dimension_target_range", nullable=True),
        ]

    def __str__(self) -> str:
        return self.name


class ItemStatus(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("action status", "Planned")
    IN_PROGRESS = "in_progress", pgettext_lazy("action status", "In progress")
    DONE = "done", pgettext_lazy("action status", "Done")
    DROPPED = "dropped", pgettext_lazy("action status", "Dropped")


class RoadmapItem(models.Model):
    """One action on the roadmap: generated from the catalogue or added by hand."""

    dimension_name: str  # set by selectors.roadmap_items(), not a field
    public_reasons: list[str]  # set by reports.vision_roadmap_context(), not a field

    roadmap = models.ForeignKey(
        Roadmap, on_delete=models.CASCADE, related_name="items", verbose_name=_("roadmap")
    )
    action_key = models.SlugField(
        _("catalogue key"),
        max_length=80,
        blank=True,
        help_text=_("Empty for actions added by hand."),
    )
    dimension_key = models.SlugField(_("dimension"), max_length=40)
    from_level = models.PositiveSmallIntegerField(_("from level"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    effort = models.CharField(
        _("effort"), max_length=1, choices=Effort.choices, default=Effort.MEDIUM
    )
    owner = models.CharField(_("owner"), max_length=120, blank=True)
    start_year = models.PositiveSmallIntegerField(_("year"))
    start_quarter = models.PositiveSmallIntegerField(_("quarter"))
    duration_quarters = models.PositiveSmallIntegerField(_("duration in quarters"), default=1)
    status = models.CharField(
        _("status"), max_length=20, choices=ItemStatus.choices, default=ItemStatus.PLANNED
    )
    reasons = models.JSONField(_("why"), default=list, blank=True)
    cost_euros = models.PositiveIntegerField(
        _("cost estimate (euros)"), null=True, blank=True, help_text=_("Optional; one-off.")
    )
    fte = models.DecimalField(
        _("FTE estimate"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        help_text=_("Optional; staff capacity while the action runs."),
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    is_pinned = models.BooleanField(
        _("pinned"),
        default=False,
        help_text=_("Changed by hand: kept as it is when the roadmap is generated again."),
    )
    is_removed = models.BooleanField(_("removed"), default=False)
    status_changed_at = models.DateTimeField(_("status changed at"), null=True, blank=True)
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("status changed by"),
    )

    class Meta:
        verbose_name = _("roadmap action")
        verbose_name_plural = _("roadmap actions")
        ordering = ["start_year", "start_quarter", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["roadmap", "action_key"],
                condition=~models.Q(action_key=""),
                name="roadmap_item_unique_action",
            ),
            models.CheckConstraint(
                condition=models.Q(start_quarter__gte=1) & models.Q(start_quarter__lte=4),
                name="roadmap_item_quarter_range",
            ),
            models.CheckConstraint(
                condition=models.Q(duration_quarters__gte=1)
                & models.Q(duration_quarters__lte=MAX_DURATION_QUARTERS),
                name="roadmap_item_duration_range",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=ItemStatus.values), name="roadmap_item_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(fte__isnull=True) | models.Q(fte__gte=0),
                name="roadmap_item_fte_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(effort__in=Effort.values), name="roadmap_item_effort_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(from_level__isnull=True)
                | (models.Q(from_level__gte=MIN_LEVEL) & models.Q(from_level__lt=MAX_LEVEL)),
                name="roadmap_item_from_level_range",
            ),
            # Hand-made actions are pinned: a regeneration never touches them.
            models.CheckConstraint(
                condition=~models.Q(action_key="") | models.Q(is_pinned=True),
                name="roadmap_item_custom_is_pinned",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("roadmap:item_update", kwargs={"pk": self.pk})

    @property
    def is_custom(self) -> bool:
        return not self.action_key

    @property
    def start(self) -> Quarter:
        return Quarter(self.start_year, self.start_quarter)

    @property
    def end(self) -> Quarter:
        return self.start.plus(self.duration_quarters - 1)

    @property
    def to_level(self) -> int | None:
        return None if self.from_level is None else self.from_level + 1


class DocumentKind(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", "Word (.docx)"


class ExportStatus(models.TextChoices):
    QUEUED = "queued", pgettext_lazy("export status", "Queued")
    RUNNING = "running", pgettext_lazy("export status", "Being made")
    DONE = "done", pgettext_lazy("export status", "Ready")
    FAILED = "failed", pgettext_lazy("export status", "Failed")


class DocumentExport(models.Model):
    """A "Visie en routeplan" document made in the background, reused while its data (the
    fingerprint) stay the same."""

    roadmap = models.ForeignKey(
        Roadmap, on_delete=models.CASCADE, related_name="exports", verbose_name=_("roadmap")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=DocumentKind.choices)
    fingerprint = models.CharField(_("fingerprint"), max_length=64)
    status = models.CharField(
        _("status"), max_length=10, choices=ExportStatus.choices, default=ExportStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress"), default=0)
    content = models.BinaryField(_("content"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("document export")
        verbose_name_plural = _("document exports")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["roadmap", "kind", "fingerprint"], name="roadmap_export_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=DocumentKind.values), name="roadmap_export_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=ExportStatus.values),
                name="roadmap_export_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="roadmap_export_progress_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.roadmap} ({self.kind}, {self.status})"
