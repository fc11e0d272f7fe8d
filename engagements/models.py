from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from engagements.anonymity import DEFAULT_MIN_GROUP_SIZE, LOWEST_MIN_GROUP_SIZE
from engagements.validators import date_range_constraint, validate_logo, validate_sane_date


class Organisation(models.Model):
    """A municipality or other public body that is the client of an engagement."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    cbs_code = models.CharField(
        _("CBS municipality code"),
        max_length=6,
        blank=True,
        validators=[
            RegexValidator(r"^GM\d{4}$", _("Enter a CBS code such as GM0840 (GM and four digits)."))
        ],
        help_text=_("Optional, for example GM0840 for Rucphen."),
    )
    logo = models.ImageField(
        _("logo"),
        upload_to="logos/",
        blank=True,
        validators=[validate_logo],
        help_text=_("PNG or JPEG, at most 2 MB. Shown on the reports."),
    )
    is_client = models.BooleanField(
        _("client"),
        default=False,
        help_text=_(
            "Set by an administrator for real clients. Only clients count in the anonymous "
            "peer comparison of the baseline."
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["cbs_code"],
                condition=~models.Q(cbs_code=""),
                name="engagements_organisation_unique_cbs_code",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("engagements:organisation_detail", kwargs={"pk": self.pk})


class Membership(models.Model):
    """Links a staff member's account to their organisation."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    job_title = models.CharField(_("job title"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="engagements_membership_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation}"


class StaffInvitationStatus(models.TextChoices):
    NOT_SENT = "not_sent", _("Not sent yet")
    SENT = "sent", _("Sent, no password chosen yet")
    ACCEPTED = "accepted", _("Accepted")
    REVOKED = "revoked", _("Revoked")


class StaffInvitation(models.Model):
    """An invitation for a staff member to their organisation's pages.

    The account exists from the moment of inviting (without a usable password); the e-mail
    carries a one-time link (Django's password-reset tokens) to choose a password. Whether
    it was accepted follows from the account: a usable password means the person chose one.
    """

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="staff_invitations",
        verbose_name=_("organisation"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="staff_invitations",
        verbose_name=_("invited person"),
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("invited at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("last e-mail sent at"), null=True, blank=True)
    send_count = models.PositiveSmallIntegerField(_("e-mails sent"), default=0)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("staff invitation")
        verbose_name_plural = _("staff invitations")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"], name="engagements_staffinvitation_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation}"

    @property
    def status(self) -> StaffInvitationStatus:
        if self.revoked_at:
            return StaffInvitationStatus.REVOKED
        if self.user.has_usable_password():
            return StaffInvitationStatus.ACCEPTED
        if self.sent_at:
            return StaffInvitationStatus.SENT
        return StaffInvitationStatus.NOT_SENT


class EngagementStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    ARCHIVED = "archived", _("Archived")


class Engagement(models.Model):
    """One organisation's trajectory: survey, workshop, baseline and roadmap."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="engagements",
        verbose_name=_("organisation"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=5000)
    starts_on = models.DateField(_("start date"), validators=[validate_sane_date])
    ends_on = models.DateField(
        _("end date"), null=True, blank=True, validators=[validate_sane_date]
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=EngagementStatus.choices,
        default=EngagementStatus.PLANNED,
    )
    consultants = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="consulted_engagements",
        verbose_name=_("consultants"),
        blank=True,
    )
    min_group_size = models.PositiveSmallIntegerField(
        _("minimum group size"),
        default=DEFAULT_MIN_GROUP_SIZE,
        validators=[MinValueValidator(LOWEST_MIN_GROUP_SIZE), MaxValueValidator(50)],
        help_text=_(
            "Results and breakdowns are only shown when they rest on at least this many "
            "responses, so that no one can be recognised."
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    closed_at = models.DateTimeField(
        _("closed at"),
        null=True,
        blank=True,
        help_text=_(
            "Set when the engagement is completed or archived; starts the retention period."
        ),
    )
    personal_data_purged_at = models.DateTimeField(
        _("personal data deleted at"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("engagement")
        verbose_name_plural = _("engagements")
        ordering = ["-starts_on", "title"]
        constraints = [
            date_range_constraint("starts_on", name="engagements_engagement_starts_on_range"),
            date_range_constraint("ends_on", name="engagements_engagement_ends_on_range"),
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="engagements_engagement_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=EngagementStatus.values),
                name="engagements_engagement_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(min_group_size__gte=LOWEST_MIN_GROUP_SIZE)
                & models.Q(min_group_size__lte=50),
                name="engagements_engagement_min_group_size_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("engagements:engagement_detail", kwargs={"pk": self.pk})


class AuditAction(models.TextChoices):
    EXPORT = "export", _("Exported")
    DELETE = "delete", _("Deleted")
    PURGE_PERSONAL_DATA = "purge_personal_data", _("Personal data deleted")
    PURGE_UNFINISHED = "purge_unfinished", _("Unfinished responses deleted")


class AuditEvent(models.Model):
    """Who did what to an engagement's data, and when. Outlives the engagement."""

    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    actor_name = models.CharField(_("who (name)"), max_length=200)
    action = models.CharField(_("what"), max_length=40, choices=AuditAction.choices)
    engagement = models.ForeignKey(
        Engagement,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_events",
        verbose_name=_("engagement"),
    )
    engagement_label = models.CharField(_("engagement (name)"), max_length=400, blank=True)
    detail = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit log")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(action__in=AuditAction.values),
                name="engagements_auditevent_action_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_name}: {self.get_action_display()}"
