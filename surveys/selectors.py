"""Reads of the survey app.

The contract other stages rely on is ``survey_highlights``: the workshop's part 1
("herkenning") and the roadmap's combined PDF read the survey only through it.
"""

from dataclasses import dataclass, field

from reporting.charts import Chart


@dataclass(frozen=True)
class ResponseRate:
    invited: int  # personal invitations sent (0 when only an open link was used)
    started: int  # responses begun, finished or not
    completed: int  # responses submitted


@dataclass(frozen=True)
class SurveyHighlights:
    survey_title: str
    response_rate: ResponseRate
    # One chart per question the consultant chose to show in the workshop; questions whose
    # results rest on fewer responses than the engagement's min_group_size are left out.
    charts: list[Chart] = field(default_factory=list)
    # Open answers the consultant marked as quotes, without names, plain text.
    quotes: list[str] = field(default_factory=list)


def survey_highlights(*, engagement) -> SurveyHighlights | None:
    """The highlights of the engagement's most recent survey, or None without one.

    Implemented by the survey issue; until then no engagement has a survey.
    """
    return None
