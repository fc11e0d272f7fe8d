"""How this stage reports its status on the engagement page (see engagements.stages)."""

from django.utils.translation import gettext_lazy as _

from engagements.stages import Stage, StageState, StageStatus, register_stage


def status(engagement, user) -> StageStatus:
    return StageStatus(state=StageState.UNAVAILABLE, summary=_("This stage is not available yet."))


def register() -> None:
    register_stage(
        Stage(
            key="baseline",
            order=30,
            title=_("Baseline measurement"),
            description=_(
                "Where the organisation stands now, per dimension of data-driven working."
            ),
            status=status,
        )
    )
