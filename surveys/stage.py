"""How this stage reports its status on the engagement page (see engagements.stages)."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from engagements.access import can_manage_engagement
from engagements.stages import Stage, StageLink, StageState, StageStatus, register_stage
from surveys.models import ResponseStatus, Survey, SurveyStatus


def status(engagement, user) -> StageStatus:
    survey = (
        Survey.objects.filter(engagement=engagement)
        .annotate(
            invited=Count("invitations", distinct=True),
            completed=Count(
                "responses", filter=Q(responses__status=ResponseStatus.COMPLETED), distinct=True
            ),
        )
        .order_by("-created_at", "-pk")
        .first()
    )
    list_link = StageLink(
        label=_("Surveys"),
        url=reverse("surveys:survey_list", kwargs={"engagement_pk": engagement.pk}),
    )
    if survey is None:
        return StageStatus(
            state=StageState.NOT_STARTED,
            summary=_("No survey has been made yet."),
            links=(list_link,),
        )
    links = [list_link]
    if can_manage_engagement(user, engagement):
        links.insert(0, StageLink(label=_("Edit survey"), url=survey.get_absolute_url()))
    if survey.status != SurveyStatus.DRAFT:
        links.insert(
            0,
            StageLink(label=_("Results"), url=reverse("surveys:results", kwargs={"pk": survey.pk})),
        )
    if survey.status == SurveyStatus.DRAFT:
        return StageStatus(
            state=StageState.IN_PROGRESS,
            summary=_("'%(title)s' is being prepared.") % {"title": survey.title},
            progress=0.1,
            links=tuple(links),
        )
    counts = {"completed": survey.completed, "invited": survey.invited}
    if survey.invited:
        summary = _("%(completed)s of %(invited)s invited people have answered.") % counts
        progress = min(1.0, survey.completed / survey.invited)
    else:
        summary = _("%(completed)s people have answered.") % counts
        progress = 0.5
    finished = survey.status == SurveyStatus.CLOSED or (
        survey.closes_at is not None and survey.closes_at <= timezone.now()
    )
    return StageStatus(
        state=StageState.DONE if finished else StageState.IN_PROGRESS,
        summary=summary,
        progress=1.0 if finished else 0.2 + 0.8 * progress,
        links=tuple(links),
    )


def export(engagement) -> list[dict]:
    """The archive: each survey's definition and its anonymised answers."""
    from surveys.models import Survey
    from surveys.selectors import survey_definition, survey_export_rows

    surveys = []
    for survey in Survey.objects.filter(engagement=engagement).order_by("pk"):
        headers, rows = survey_export_rows(survey=survey)
        surveys.append(
            {
                "definition": survey_definition(survey=survey),
                "answers": {"columns": headers, "rows": rows},
            }
        )
    return surveys


def reports(engagement, user) -> list[tuple[str, bytes]]:
    from surveys.models import Survey
    from surveys.reports import survey_report_pdf_bytes

    return [
        (f"enquete-{survey.pk}.pdf", survey_report_pdf_bytes(survey=survey))
        for survey in Survey.objects.filter(engagement=engagement).order_by("pk")
    ]


def purge_unfinished(cutoff) -> int:
    from surveys.services import responses_purge_unfinished

    return responses_purge_unfinished(older_than=cutoff)


def purge_personal_data(engagement) -> int:
    from surveys.services import invitations_personal_data_purge

    return invitations_personal_data_purge(engagement=engagement)


def register() -> None:
    register_stage(
        Stage(
            key="surveys",
            order=10,
            title=gettext_lazy("Survey"),
            description=gettext_lazy("A short survey for the management team before the workshop."),
            status=status,
            export=export,
            reports=reports,
            purge_unfinished=purge_unfinished,
            purge_personal_data=purge_personal_data,
        )
    )
