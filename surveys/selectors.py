"""Reads of the survey app.

The contract other stages rely on is ``survey_highlights``: the workshop's part 1
("herkenning") and the roadmap's combined PDF read the survey only through it.
"""

from collections import Counter, defaultdict
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.utils.translation import gettext as _

from engagements.anonymity import SmallGroupRule, small_group_rule
from engagements.models import Engagement
from reporting.charts import Chart
from surveys.answers import matches_condition
from surveys.models import (
    CHOICE_KINDS,
    SCALE_MAX,
    SCALE_MIN,
    TEXT_KINDS,
    Answer,
    Invitation,
    InvitationStatus,
    Page,
    Question,
    QuestionKind,
    Response,
    ResponseStatus,
    Survey,
)

# Open answers shown per question on the results page; the rest are one click away.
TEXTS_ON_RESULTS_PAGE = 20


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


@dataclass(frozen=True)
class TextAnswer:
    answer_id: int
    text: str
    is_quote: bool


@dataclass
class QuestionResult:
    question: Question
    number: int  # position in the survey, 1-based
    answered: int  # completed responses that answered this question
    hidden: bool  # fewer answers than the minimum group size
    counts: dict[Hashable, int] = field(default_factory=dict)  # value (JSON-able) → responses
    texts: list[TextAnswer] = field(default_factory=list)
    more_texts: int = 0
    chart: Chart | None = None
    # A conditional question that no sent response's answers showed: nobody got it (not
    # hidden for anonymity, there is nothing to hide).
    nobody_got_it: bool = False


@dataclass
class SurveyResults:
    survey: Survey
    response_rate: ResponseRate
    min_group_size: int
    questions: list[QuestionResult]

    @property
    def shown(self) -> list[QuestionResult]:
        return [result for result in self.questions if not result.hidden]


# --- Lists and structure -----------------------------------------------------------------------


def survey_list_for_engagement(*, engagement: Engagement) -> QuerySet[Survey]:
    return (
        Survey.objects.filter(engagement=engagement)
        .annotate(
            completed_count=Count(
                "responses", filter=Q(responses__status=ResponseStatus.COMPLETED), distinct=True
            ),
            question_count=Count("pages__questions", distinct=True),
        )
        .order_by("-created_at", "-pk")
    )


def template_list() -> QuerySet[Survey]:
    return (
        Survey.objects.filter(engagement__isnull=True)
        .annotate(question_count=Count("pages__questions"))
        .order_by("title", "pk")
    )


def survey_pages(*, survey: Survey, with_answered: bool = False) -> list[Page]:
    """The survey's pages in order, each with ``page.question_list`` in order (2 queries).

    ``with_answered`` marks each question ``is_answered`` (the editor offers no delete then).
    """
    pages = list(Page.objects.filter(survey=survey).order_by("position"))
    by_page: dict[int, list[Question]] = defaultdict(list)
    questions = (
        Question.objects.filter(page__survey=survey)
        .select_related("condition_question")
        .order_by("page__position", "position")
    )
    if with_answered:
        questions = questions.annotate(
            is_answered=Exists(Answer.objects.filter(question=OuterRef("pk")))
        )
    for question in questions:
        by_page[question.page_id].append(question)
    for page in pages:
        for question in by_page[page.pk]:
            question.page = page
        page.question_list = by_page[page.pk]
    return pages


def survey_questions(*, survey: Survey) -> list[Question]:
    return [question for page in survey_pages(survey=survey) for question in page.question_list]


def survey_question(*, survey: Survey, pk: int) -> Question | None:
    """One question of the survey (with its page), or None."""
    return Question.objects.select_related("page").filter(pk=pk, page__survey=survey).first()


def _condition_export_value(question: Question) -> str:
    """A condition in the export names the option's text (keys are this portal's own)."""
    condition = question.condition_question
    if condition is not None and condition.kind in CHOICE_KINDS:
        return condition.option_label(question.condition_value) or question.condition_value
    return question.condition_value


def survey_definition(*, survey: Survey) -> dict[str, Any]:
    """The survey as plain data (the JSON export format, see surveys.definitions)."""
    pages = survey_pages(survey=survey)
    keys = {
        question.pk: f"v{number}"
        for number, question in enumerate(
            (q for page in pages for q in page.question_list), start=1
        )
    }
    return {
        "format": "rucphen-survey",
        "version": 1,
        "title": survey.title,
        "intro": survey.intro,
        "thank_you_text": survey.thank_you_text,
        "invitation_subject": survey.invitation_subject,
        "invitation_message": survey.invitation_message,
        "reminder_message": survey.reminder_message,
        "pages": [
            {
                "title": page.title,
                "intro": page.intro,
                "questions": [
                    {
                        "key": keys[question.pk],
                        "kind": question.kind,
                        "text": question.text,
                        "help_text": question.help_text,
                        "required": question.required,
                        "options": list(question.options),
                        "allow_other": question.allow_other,
                        "max_length": question.max_length,
                        "ranking_top": question.ranking_top,
                        "is_highlight": question.is_highlight,
                        "condition": (
                            {
                                "question": keys[question.condition_question_id],
                                "value": _condition_export_value(question),
                            }
                            if question.condition_question_id in keys
                            else None
                        ),
                    }
                    for question in page.question_list
                ],
            }
            for page in pages
        ],
    }


def response_answers(*, response: Response) -> dict[int, Any]:
    """A response's stored answers by question id."""
    return dict(Answer.objects.filter(response=response).values_list("question_id", "value"))


def invitation_list(*, survey: Survey) -> QuerySet[Invitation]:
    return survey.invitations.order_by("name", "pk")


# --- Results -------------------------------------------------------------------------------------


def survey_response_rate(*, survey: Survey) -> ResponseRate:
    counts = Response.objects.filter(survey=survey).aggregate(
        started=Count("pk"), completed=Count("pk", filter=Q(status=ResponseStatus.COMPLETED))
    )
    invited = Invitation.objects.filter(survey=survey).count()
    return ResponseRate(invited=invited, started=counts["started"], completed=counts["completed"])


def _hashable(value: Any) -> Hashable:
    if isinstance(value, dict):
        return ("dict", tuple(value.get("choices", [])), value.get("other", ""))
    if isinstance(value, list):
        return ("list", tuple(value))
    scalar: Hashable = value  # the other JSON values: text, numbers, booleans, null
    return scalar


def _unhashed(value: Any) -> Any:
    """The stored answer back from ``_hashable``'s form."""
    if isinstance(value, tuple) and value and value[0] == "dict":
        return {"choices": list(value[1]), "other": value[2]}
    if isinstance(value, tuple) and value and value[0] == "list":
        return list(value[1])
    return value


def survey_results(
    *,
    survey: Survey,
    with_charts: bool = True,
    only_highlights: bool = False,
    texts_per_question: int | None = TEXTS_ON_RESULTS_PAGE,
) -> SurveyResults:
    """Per question the distribution, the open answers and a chart, in a fixed number of
    queries whatever the number of responses or questions."""
    from surveys.charts import question_chart

    rule = small_group_rule(survey.engagement if survey.engagement_id else None)
    questions = survey_questions(survey=survey)
    if only_highlights:
        questions = [question for question in questions if question.is_highlight]
    completed = Answer.objects.filter(
        response__survey=survey, response__status=ResponseStatus.COMPLETED
    )
    counts: dict[int, Counter[Hashable]] = defaultdict(Counter)
    rows = (
        completed.exclude(question__kind__in=TEXT_KINDS)
        .values("question_id", "value")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in rows:
        counts[row["question_id"]][_hashable(row["value"])] += row["n"]
    text_counts = dict(
        completed.filter(question__kind__in=TEXT_KINDS)
        .values("question_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("question_id", "n")
    )
    texts: dict[int, list[TextAnswer]] = defaultdict(list)
    text_rows = completed.filter(question__kind__in=TEXT_KINDS)
    if texts_per_question is not None:
        text_rows = text_rows.annotate(
            row=Window(
                RowNumber(),
                partition_by=[F("question_id")],
                order_by=[F("is_quote").desc(), F("pk").asc()],
            )
        ).filter(row__lte=texts_per_question)
    for answer_id, question_id, value, is_quote in text_rows.order_by(
        "question_id", "-is_quote", "pk"
    ).values_list("pk", "question_id", "value", "is_quote"):
        texts[question_id].append(TextAnswer(answer_id=answer_id, text=value, is_quote=is_quote))

    results = []
    for number, question in enumerate(questions, start=1):
        if question.kind in TEXT_KINDS:
            answered = text_counts.get(question.pk, 0)
        else:
            answered = sum(counts[question.pk].values())
        hidden = rule.hides(answered)
        result = QuestionResult(
            question=question,
            number=number,
            answered=answered,
            hidden=hidden,
            counts={} if hidden else dict(counts[question.pk]),
            texts=[] if hidden else texts[question.pk],
        )
        if answered == 0 and question.condition_question_id is not None:
            result.nobody_got_it = not any(
                matches_condition(question, _unhashed(value))
                for value in counts[question.condition_question_id]
            )
        if not hidden and question.kind in TEXT_KINDS:
            result.more_texts = answered - len(result.texts)
        if with_charts and not hidden and question.kind not in TEXT_KINDS:
            result.chart = question_chart(question=question, counts=counts[question.pk], rule=rule)
        results.append(result)
    return SurveyResults(
        survey=survey,
        response_rate=survey_response_rate(survey=survey),
        min_group_size=rule.minimum,
        questions=results,
    )


def question_text_answers(*, question: Question) -> QuerySet[Answer]:
    """Every open answer to a question in sent responses, quotes first."""
    return (
        Answer.objects.filter(question=question, response__status=ResponseStatus.COMPLETED)
        .order_by("-is_quote", "pk")
        .only("pk", "value", "is_quote")
    )


def question_answered_count(*, question: Question) -> int:
    return Answer.objects.filter(
        question=question, response__status=ResponseStatus.COMPLETED
    ).count()


def _categories(question: Question) -> list[Any]:
    """The categories a question's answers fall in, for the small-group rule in exports."""
    if question.kind == QuestionKind.LIKERT:
        return list(range(1, 6))
    if question.kind == QuestionKind.SCALE:
        return list(range(SCALE_MIN, SCALE_MAX + 1))
    if question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        return list(question.options)
    return []


def _picked(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return list(value.get("choices", []))
    return [value] if isinstance(value, int) else []


def _merged_categories(
    questions: list[Question], by_response: dict[int, dict[int, Any]], rule: SmallGroupRule
) -> dict[int, set[Any]]:
    """Per question, the categories (options, numbers) the rule shows only together."""
    picks: dict[int, Counter[Any]] = defaultdict(Counter)
    for values in by_response.values():
        for question_id, value in values.items():
            picks[question_id].update(_picked(value))
    merged: dict[int, set[Any]] = {}
    for question in questions:
        categories = _categories(question)
        rows = [(category, picks[question.pk][category]) for category in categories]
        merged[question.pk] = set(rule.merge_small(rows)[1])
    return merged


def _export_value(value: Any, merged: set[Any], placeholder: str) -> Any:
    if not merged:
        return value
    if isinstance(value, dict):
        choices = [placeholder if choice in merged else choice for choice in value["choices"]]
        return {**value, "choices": list(dict.fromkeys(choices))}
    if isinstance(value, int) and value in merged:
        return placeholder
    return value


def survey_export_rows(*, survey: Survey) -> tuple[list[str], list[list[str]]]:
    """The anonymised answers: one row per sent response, one column per question.

    Columns of questions answered by fewer people than the minimum group size stay empty;
    an answer (option or number) given by fewer people than the minimum is replaced by a
    placeholder, together with as many other answers as the rule needs (``merge_small``).
    """
    from surveys.answers import answer_text

    rule = small_group_rule(survey.engagement if survey.engagement_id else None)
    questions = survey_questions(survey=survey)
    answers = Answer.objects.filter(
        response__survey=survey, response__status=ResponseStatus.COMPLETED
    ).order_by("response_id")
    by_response: dict[int, dict[int, Any]] = defaultdict(dict)
    per_question: Counter[int] = Counter()
    for response_id, question_id, value in answers.values_list(
        "response_id", "question_id", "value"
    ):
        by_response[response_id][question_id] = value
        per_question[question_id] += 1
    if rule.hides(len(by_response)):
        return [], []
    shown = [q for q in questions if rule.shows(per_question[q.pk])]
    merged = _merged_categories(shown, by_response, rule)
    placeholder = _("(an answer given by fewer than %(minimum)s people)") % {
        "minimum": rule.minimum
    }
    headers = [f"{number}. {question.text}" for number, question in enumerate(shown, start=1)]
    rows = [
        [
            answer_text(
                question, _export_value(values.get(question.pk), merged[question.pk], placeholder)
            )
            for question in shown
        ]
        for values in by_response.values()
    ]
    return headers, rows


# --- The contract for the workshop and the roadmap ------------------------------------------


def latest_survey(*, engagement: Engagement) -> Survey | None:
    return (
        Survey.objects.filter(engagement=engagement)
        .exclude(status="draft")
        .select_related("engagement")
        .order_by("-created_at", "-pk")
        .first()
    )


def survey_highlights(*, engagement: Engagement) -> SurveyHighlights | None:
    """The highlights of the engagement's most recent survey, or None without one.

    The most recent survey that has been opened (drafts are left out). Charts only for
    the questions the consultant chose, and only when they rest on at least the
    engagement's minimum group size; quotes only from such questions.
    """
    survey = latest_survey(engagement=engagement)
    if survey is None:
        return None
    results = survey_results(survey=survey, texts_per_question=0)
    charts = [
        result.chart
        for result in results.shown
        if result.question.is_highlight and result.chart is not None
    ]
    shown_ids = [result.question.pk for result in results.shown]
    quotes = list(
        Answer.objects.filter(
            question_id__in=shown_ids,
            is_quote=True,
            response__status=ResponseStatus.COMPLETED,
        )
        .order_by("question__page__position", "question__position", "pk")
        .values_list("value", flat=True)
    )
    return SurveyHighlights(
        survey_title=survey.title,
        response_rate=results.response_rate,
        charts=charts,
        quotes=quotes,
    )


def invitation_counts(*, survey: Survey) -> dict[str, int]:
    rows = survey.invitations.values("status").annotate(n=Count("pk")).order_by()
    counts = {status: 0 for status in InvitationStatus.values}
    counts.update({row["status"]: row["n"] for row in rows})
    return counts
