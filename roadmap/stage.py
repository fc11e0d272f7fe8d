"""How this stage reports its status on the engagement page (see engagements.stages)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from engagements.stages import Stage, StageLink, StageState, StageStatus, register_stage


def status(engagement, user) -> StageStatus:
    from roadmap.access import can_manage
    from roadmap.selectors import roadmap_progress_summary

    summary = roadmap_progress_summary(engagement=engagement)
    page = StageLink(_("Open the roadmap"), reverse("roadmap:roadmap_detail", args=[engagement.pk]))
    if summary is None:
        if can_manage(user, engagement):
            return StageStatus(
                state=StageState.NOT_STARTED,
                summary=_("No roadmap yet: generate one from the baseline and the vision."),
                links=(StageLink(_("Draw up the roadmap"), page.url),),
            )
        return StageStatus(
            state=StageState.NOT_STARTED,
            summary=_("The consultant has not drawn up the roadmap yet."),
        )
    total, done = summary
    state = StageState.DONE if total and done == total else StageState.IN_PROGRESS
    return StageStatus(
        state=state,
        summary=_("%(done)s of %(total)s actions done.") % {"done": done, "total": total},
        progress=done / total if total else 0.0,
        links=(
            page,
            StageLink(
                _("Download vision and roadmap (PDF)"),
                reverse("roadmap:report_pdf", args=[engagement.pk]),
            ),
            StageLink(
                _("Download vision and roadmap (Word)"),
                reverse("roadmap:report_docx", args=[engagement.pk]),
            ),
        ),
    )


def export(engagement) -> dict | None:
    """The archive: the roadmap's settings and every action with its reasons."""
    from roadmap.selectors import roadmap_for_engagement, roadmap_items

    roadmap = roadmap_for_engagement(engagement=engagement)
    if roadmap is None:
        return None
    fields = (
        "dimension_key", "from_level", "title", "description", "effort", "owner",
        "start_year", "start_quarter", "duration_quarters", "status", "reasons",
        "is_pinned", "is_removed",
    )  # fmt: skip
    return {
        "items": [
            {name: getattr(item, name) for name in fields}
            for item in roadmap_items(roadmap=roadmap, include_removed=True)
        ]
    }


def reports(engagement, user) -> list[tuple[str, bytes]]:
    from roadmap.reports import vision_roadmap_pdf_bytes
    from roadmap.selectors import roadmap_for_engagement

    roadmap = roadmap_for_engagement(engagement=engagement)
    if roadmap is None:
        return []
    return [("visie-en-routeplan.pdf", vision_roadmap_pdf_bytes(roadmap=roadmap))]


def register() -> None:
    register_stage(
        Stage(
            key="roadmap",
            order=40,
            title=gettext_lazy("Roadmap"),
            description=gettext_lazy(
                "Practical steps for the coming years, from the baseline to the vision."
            ),
            status=status,
            export=export,
            reports=reports,
        )
    )
