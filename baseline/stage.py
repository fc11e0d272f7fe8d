"""How this stage reports its status on the engagement page (see engagements.stages)."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from engagements.access import can_manage_engagement
from engagements.stages import Stage, StageLink, StageState, StageStatus, register_stage


def status(engagement, user) -> StageStatus:
    from baseline.models import Assessment, AssessmentStatus

    latest = (
        Assessment.objects.filter(engagement=engagement)
        .annotate(
            invited=Count("respondents"),
            submitted=Count("respondents", filter=Q(respondents__submitted_at__isnull=False)),
        )
        .order_by("-measured_on", "-pk")
        .first()
    )
    list_link = StageLink(
        label=_("Measurements"),
        url=reverse("baseline:assessment_list", kwargs={"engagement_pk": engagement.pk}),
    )
    if latest is None:
        links = (list_link,) if can_manage_engagement(user, engagement) else ()
        return StageStatus(
            state=StageState.NOT_STARTED,
            summary=_("No measurement has been started yet."),
            links=links,
        )
    results_link = StageLink(
        label=_("Results"),
        url=reverse("baseline:assessment_results", kwargs={"pk": latest.pk}),
    )
    if latest.status == AssessmentStatus.CLOSED:
        return StageStatus(
            state=StageState.DONE,
            summary=_("%(title)s completed by %(count)s respondents.")
            % {"title": latest.title, "count": latest.submitted},
            progress=1.0,
            links=(
                results_link,
                StageLink(
                    label=_("Baseline report (PDF)"),
                    url=reverse("baseline:assessment_report", kwargs={"pk": latest.pk}),
                ),
                list_link,
            ),
        )
    progress = latest.submitted / latest.invited if latest.invited else 0.0
    return StageStatus(
        state=StageState.IN_PROGRESS,
        summary=_("%(submitted)s of %(invited)s respondents have completed %(title)s.")
        % {"submitted": latest.submitted, "invited": latest.invited, "title": latest.title},
        progress=min(progress, 0.95),
        links=(
            StageLink(label=_("Measurement"), url=latest.get_absolute_url()),
            results_link,
        ),
    )


def export(engagement) -> dict:
    """The stage's data for the engagement archive: results per measurement, anonymous."""
    from baseline.models import Assessment
    from baseline.selectors import assessment_results

    data = []
    for assessment in Assessment.objects.filter(engagement=engagement).select_related(
        "version__model", "engagement"
    ):
        results = assessment_results(assessment=assessment)
        data.append(
            {
                "title": assessment.title,
                "measured_on": assessment.measured_on,
                "status": assessment.status,
                "model": assessment.version.model.key,
                "model_version": assessment.version.number,
                "respondents": results.respondent_count,
                "completed": results.submitted_count,
                "dimensions": [
                    {
                        "key": result.dimension.key,
                        "median": result.median,
                        "spread": [result.spread_min, result.spread_max],
                        "dont_know": result.dont_know_count,
                        "consensus_level": result.consensus_level,
                        "consensus_reason": result.consensus_reason,
                        "target_level": result.target_level,
                        "respondent_medians": dict(result.respondent_medians),
                    }
                    for result in results.dimensions
                ],
            }
        )
    return {"assessments": data}


def reports(engagement, user) -> list[tuple[str, bytes]]:
    """The report PDF of every completed measurement, for the engagement archive."""
    from baseline.models import Assessment, AssessmentStatus
    from baseline.reports import baseline_report_pdf

    return [
        (
            f"nulmeting-{assessment.measured_on}-{assessment.pk}.pdf",
            baseline_report_pdf(assessment=assessment),
        )
        for assessment in Assessment.objects.filter(
            engagement=engagement, status=AssessmentStatus.CLOSED
        ).select_related("engagement__organisation", "version__model")
    ]


def purge_unfinished(older_than) -> int:
    from baseline.services import unfinished_answers_purge

    return unfinished_answers_purge(older_than=older_than)


def purge_personal_data(engagement) -> int:
    from baseline.services import respondent_personal_data_purge

    return respondent_personal_data_purge(engagement=engagement)


def register() -> None:
    register_stage(
        Stage(
            key="baseline",
            order=30,
            title=gettext_lazy("Baseline measurement"),
            description=gettext_lazy(
                "Where the organisation stands now, per dimension of data-driven working."
            ),
            status=status,
            export=export,
            reports=reports,
            purge_unfinished=purge_unfinished,
            purge_personal_data=purge_personal_data,
        )
    )
