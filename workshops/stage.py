"""How this stage reports its status on the engagement page (see engagements.stages)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from engagements.stages import Stage, StageLink, StageState, StageStatus, register_stage


def status(engagement, user) -> StageStatus:
    from workshops.access import can_manage
    from workshops.models import SessionStatus
    from workshops.selectors import session_list_for_engagement

    sessions = list(session_list_for_engagement(engagement=engagement)[:5])
    links = [
        StageLink(
            label=_("Sessions"),
            url=reverse("workshops:session_list", kwargs={"engagement_pk": engagement.pk}),
        )
    ]
    if not sessions:
        return StageStatus(
            state=StageState.NOT_STARTED,
            summary=_("No session has been planned yet."),
            links=tuple(links),
        )
    latest = sessions[0]
    if can_manage(user, engagement) and latest.status != SessionStatus.FINISHED:
        links.append(
            StageLink(
                label=_("Run the session"),
                url=reverse("workshops:facilitator", kwargs={"pk": latest.pk}),
            )
        )
    finished = [session for session in sessions if session.status == SessionStatus.FINISHED]
    if finished:
        done = finished[0]
        links.append(
            StageLink(
                label=_("Session report (PDF)"),
                url=reverse("workshops:report_pdf", kwargs={"pk": done.pk}),
            )
        )
        return StageStatus(
            state=StageState.DONE,
            summary=_("%(title)s held on %(date)s with %(count)s participants.")
            % {
                "title": done.title,
                "date": done.held_on.strftime("%d-%m-%Y"),
                "count": done.participant_count,
            },
            progress=1.0,
            links=tuple(links),
        )
    if latest.status == SessionStatus.LIVE:
        summary = _("%(title)s is running now.") % {"title": latest.title}
        progress = 0.6
    else:
        summary = _("%(title)s is prepared for %(date)s.") % {
            "title": latest.title,
            "date": latest.held_on.strftime("%d-%m-%Y"),
        }
        progress = 0.3
    return StageStatus(
        state=StageState.IN_PROGRESS, summary=summary, progress=progress, links=tuple(links)
    )


def register() -> None:
    register_stage(
        Stage(
            key="workshops",
            order=20,
            title=gettext_lazy("Inspiration and vision session"),
            description=gettext_lazy(
                "The live workshop: what data-driven working is, inspiring examples, "
                "statements and a shared vision."
            ),
            status=status,
            export=_export,
            reports=_reports,
            purge_personal_data=_purge_personal_data,
        )
    )


def _export(engagement) -> dict:
    from workshops.selectors import engagement_export

    return engagement_export(engagement=engagement)


def _reports(engagement, user) -> list[tuple[str, bytes]]:
    from workshops.models import Session, SessionStatus
    from workshops.reports import session_report_filename, session_report_pdf_bytes

    sessions = Session.objects.filter(engagement=engagement, status=SessionStatus.FINISHED)
    return [
        (session_report_filename(session, "pdf"), session_report_pdf_bytes(session=session))
        for session in sessions.select_related("engagement__organisation")
    ]


def _purge_personal_data(engagement) -> int:
    from workshops.services import personal_data_purge

    return personal_data_purge(engagement=engagement)
