from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CONSULTANT = "consultant", _("Consultant")
    ORGANISATION_STAFF = "staff", _("Organisation staff")
    ADMINISTRATOR = "administrator", _("Administrator")


class User(AbstractUser):
    """A person with an account: a consultant, organisation staff or an administrator.

    Participants and respondents never have an account.
    """

    role = models.CharField(
        _("role"),
        max_length=20,
        choices=Role.choices,
        default=Role.ORGANISATION_STAFF,
        help_text=_("Consultants manage their engagements; staff see their own organisation."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role__in=Role.values), name="accounts_user_role_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_administrator(self) -> bool:
        return self.is_superuser or self.role == Role.ADMINISTRATOR

    @property
    def is_consultant(self) -> bool:
        return self.role == Role.CONSULTANT
