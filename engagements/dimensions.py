"""The seven dimensions of data-driven working: defined once, read by every stage.

The maturity model's dimensions (baseline), the vision's priorities and statements
(workshops) and the roadmap's goals and actions refer to a dimension by its key. The
default maturity model (``baseline/default_model.py``) uses these keys in this order.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Dimension(models.TextChoices):
    STRATEGY = "strategy", _("Strategy and leadership")
    PEOPLE = "people", _("People and culture")
    GOVERNANCE = "governance", _("Governance and ownership")
    QUALITY = "quality", _("Data quality")
    PLATFORM = "platform", _("Tools and platform")
    USE = "use", _("Use and analytics")
    RESPONSIBLE = "responsible", _("Responsible use")


# The keys in the model's order.
DIMENSION_KEYS: tuple[str, ...] = tuple(Dimension.values)
