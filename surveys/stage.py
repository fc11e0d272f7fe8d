"""How this stage reports its status on the engagement page (see engagements.stages)."""

from django.utils.translation import gettext_lazy as _

from engagements.stages import Stage, StageState, StageStatus, register_stage


def status(engagement, user) -> StageStatus:
    return StageStatus(state=StageState.UNAVAILABLE, summary=_("This stage is not available yet."))


def register() -> None:
    register_stage(
        Stage(
            key="surveys",
            order=10,
            title=_("Survey"),
            description=_("A short survey for the management team before the workshop."),
            status=status,
        )
    )
