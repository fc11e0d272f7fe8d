"""Reads of the baseline app.

The contract the roadmap relies on is ``baseline_for_roadmap``. Results are computed in a
fixed number of queries, whatever the number of respondents: answers are read as plain
value rows and aggregated in Python.
"""

import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.crypto import salted_hmac

from baseline.models import (
    EXCHANGE_FORMAT,
    Answer,
    AnswerOption,
    Assessment,
    AssessmentStatus,
    Dimension,
    DimensionScore,
    Level,
    MaturityModel,
    ModelVersion,
    Question,
    Respondent,
    RespondentRole,
)
from engagements.anonymity import SmallGroupRule, small_group_rule
from engagements.dimensions import DIMENSION_KEYS
from engagements.models import Engagement
from engagements.tokens import token_hash

# The keys of the default maturity model's seven dimensions, in order (engagements.dimensions).
DEFAULT_DIMENSION_KEYS = DIMENSION_KEYS

# Respondents whose own medians for a dimension lie this many levels apart disagree.
DISAGREEMENT_RANGE = 2
# Peer comparison is shown only with at least this many other organisations.
MIN_PEER_ORGANISATIONS = 3


@dataclass(frozen=True)
class DimensionLevel:
    key: str
    name: str  # Dutch display name
    current_level: int | None  # 1..5, the consensus score if set, else the rounded median
    target_level: int | None  # 1..5, set by the consultant with the client


@dataclass(frozen=True)
class BaselineForRoadmap:
    model_version_id: int
    assessment_id: int
    dimensions: list[DimensionLevel]
    measured_on: object = None  # datetime.date the measurement refers to


# --- Models ----------------------------------------------------------------------------


def model_list() -> QuerySet[MaturityModel]:
    return MaturityModel.objects.annotate(version_count=Count("versions")).order_by("name")


def model_versions(*, model: MaturityModel) -> QuerySet[ModelVersion]:
    return model.versions.annotate(assessment_count=Count("assessments")).order_by("-number")


def version_list() -> QuerySet[ModelVersion]:
    return ModelVersion.objects.select_related("model").order_by("model__name", "-number")


def dimension_names(*, version: ModelVersion) -> list[tuple[str, str]]:
    """The version's dimensions as (key, name), in their order."""
    return list(version.dimensions.order_by("order").values_list("key", "name"))


def version_structure(*, version_id: int) -> ModelVersion:
    """A version with its levels, dimensions, descriptors, questions and options prefetched."""
    return (
        ModelVersion.objects.select_related("model")
        .prefetch_related(
            Prefetch("levels", queryset=Level.objects.order_by("number")),
            Prefetch(
                "dimensions",
                queryset=Dimension.objects.order_by("order").prefetch_related(
                    "descriptors",
                    Prefetch(
                        "questions",
                        queryset=Question.objects.order_by("order").prefetch_related(
                            Prefetch("options", queryset=AnswerOption.objects.order_by("level"))
                        ),
                    ),
                ),
            ),
        )
        .get(pk=version_id)
    )


def model_version_export(*, version: ModelVersion) -> dict[str, Any]:
    """The version in the JSON exchange format that ``model_import`` reads."""
    version = version_structure(version_id=version.pk)
    return {
        "format": EXCHANGE_FORMAT,
        "format_version": 1,
        "model": {
            "key": version.model.key,
            "name": version.model.name,
            "description": version.model.description,
        },
        "version": {"number": version.number, "changelog": version.changelog},
        "levels": [
            {"number": level.number, "name": level.name, "description": level.description}
            for level in version.levels.all()
        ],
        "dimensions": [
            {
                "key": dimension.key,
                "name": dimension.name,
                "description": dimension.description,
                "sources": dimension.sources,
                "descriptors": [
                    descriptor.description
                    for descriptor in sorted(dimension.descriptors.all(), key=lambda d: d.level)
                ],
                "questions": [
                    {
                        "key": question.key,
                        "text": question.text,
                        "help_text": question.help_text,
                        "options": [option.text for option in question.options.all()],
                    }
                    for question in dimension.questions.all()
                ],
            }
            for dimension in version.dimensions.all()
        ],
    }


# --- Assessments -----------------------------------------------------------------------


def assessment_list(*, engagement: Engagement) -> QuerySet[Assessment]:
    return (
        Assessment.objects.filter(engagement=engagement)
        .select_related("version__model")
        .annotate(
            respondent_count=Count("respondents", distinct=True),
            submitted_count=Count(
                "respondents", filter=Q(respondents__submitted_at__isnull=False), distinct=True
            ),
        )
        .order_by("-measured_on", "-pk")
    )


def assessment_respondents(*, assessment: Assessment) -> list[Respondent]:
    return list(
        assessment.respondents.annotate(
            answer_count=Count("answers", filter=Q(answers__level__isnull=False))
            + Count("answers", filter=Q(answers__dont_know=True))
        ).order_by("name", "pk")
    )


@dataclass
class RespondentProgress:
    respondent: Respondent
    dimensions: list[Dimension]
    answers: dict[int, Answer]  # by question id
    question_count: int
    answered_count: int

    def dimension_done(self, dimension: Dimension) -> bool:
        return all(self.is_answered(question.pk) for question in dimension.questions.all())

    def is_answered(self, question_id: int) -> bool:
        answer = self.answers.get(question_id)
        return answer is not None and (answer.level is not None or answer.dont_know)

    def first_open_dimension(self) -> Dimension | None:
        for dimension in self.dimensions:
            if not self.dimension_done(dimension):
                return dimension
        return None

    def unanswered(self) -> list[tuple[Dimension, Question]]:
        return [
            (dimension, question)
            for dimension in self.dimensions
            for question in dimension.questions.all()
            if not self.is_answered(question.pk)
        ]


def respondent_by_token(*, token: str) -> Respondent | None:
    return (
        Respondent.objects.select_related("assessment__engagement__organisation", "assessment")
        .filter(token_hash=token_hash(token))
        .first()
    )


def respondent_progress(*, respondent: Respondent) -> RespondentProgress:
    dimensions = list(
        Dimension.objects.filter(version_id=respondent.assessment.version_id)
        .order_by("order")
        .prefetch_related(
            Prefetch(
                "questions",
                queryset=Question.objects.order_by("order").prefetch_related(
                    Prefetch("options", queryset=AnswerOption.objects.order_by("level"))
                ),
            )
        )
    )
    answers = {answer.question_id: answer for answer in respondent.answers.all()}
    question_count = sum(len(dimension.questions.all()) for dimension in dimensions)
    progress = RespondentProgress(
        respondent=respondent,
        dimensions=dimensions,
        answers=answers,
        question_count=question_count,
        answered_count=0,
    )
    progress.answered_count = sum(1 for qid in answers if progress.is_answered(qid))
    return progress


# --- Results ---------------------------------------------------------------------------


def _median(values: Sequence[float]) -> float | None:
    return _median_of(values) if values else None


def _median_of(values: Sequence[float]) -> float:
    """The median of values there are (one at least)."""
    return float(statistics.median(values))


def _round_level(value: float | None) -> int | None:
    # Round half up (2.5 → 3): Python's round() would round half to even.
    return None if value is None else int(value + 0.5)


@dataclass
class DimensionResult:
    dimension: Dimension
    median: float | None
    respondent_medians: list[tuple[str, float]]  # (anonymous label, median)
    spread_min: float | None
    spread_max: float | None
    dont_know_count: int
    answer_count: int
    target_level: int | None
    consensus_level: int | None
    consensus_reason: str
    previous_level: int | None = None
    peer_median: float | None = None
    descriptors: dict[int, str] = field(default_factory=dict)
    quotes: list[str] = field(default_factory=list)
    level_names: dict[int, str] = field(default_factory=dict)

    @property
    def median_level(self) -> int | None:
        return _round_level(self.median)

    @property
    def current_level(self) -> int | None:
        """The agreed level when there is one, else the rounded median."""
        return self.consensus_level if self.consensus_level is not None else self.median_level

    @property
    def current_description(self) -> str:
        return self.descriptors.get(self.current_level, "") if self.current_level else ""

    @property
    def current_level_name(self) -> str:
        return self.level_names.get(self.current_level, "") if self.current_level else ""

    @property
    def spread(self) -> float | None:
        if self.spread_min is None or self.spread_max is None:
            return None
        return self.spread_max - self.spread_min

    @property
    def disagreement(self) -> bool:
        return self.spread is not None and self.spread >= DISAGREEMENT_RANGE

    @property
    def gap(self) -> int | None:
        if self.target_level is None or self.current_level is None:
            return None
        return self.target_level - self.current_level

    @property
    def progress(self) -> int | None:
        if self.previous_level is None or self.current_level is None:
            return None
        return self.current_level - self.previous_level


@dataclass
class RoleBreakdown:
    role_label: str
    respondent_count: int
    medians: list[float | None]  # per dimension, in order


@dataclass
class AssessmentResults:
    assessment: Assessment
    levels: list[Level]
    dimensions: list[DimensionResult]
    respondent_count: int  # invited
    submitted_count: int
    previous: Assessment | None
    peer_organisation_count: int
    role_breakdown: list[RoleBreakdown]
    hidden_role_count: int  # roles left out by the small-group rule
    min_group_size: int

    @property
    def peer_shown(self) -> bool:
        return self.peer_organisation_count >= MIN_PEER_ORGANISATIONS

    @property
    def overall_level(self) -> float | None:
        """A secondary figure only: the median of the dimensions' current levels."""
        values = [d.current_level for d in self.dimensions if d.current_level is not None]
        return _median(values)

    @property
    def respondent_chart_in_report(self) -> bool:
        """A figure per respondent goes into a client document only when respondents were
        told so and the group is at least the minimum group size."""
        return self.assessment.respondent_chart_announced and small_group_rule(
            self.assessment.engagement
        ).shows(self.submitted_count)

    @property
    def respondent_labels(self) -> list[str]:
        labels: list[str] = []
        for result in self.dimensions:
            for label, _value in result.respondent_medians:
                if label not in labels:
                    labels.append(label)
        return labels

    @property
    def disagreements(self) -> list[DimensionResult]:
        return [result for result in self.dimensions if result.disagreement]

    @property
    def has_targets(self) -> bool:
        return any(result.target_level is not None for result in self.dimensions)

    @property
    def level_names(self) -> dict[int, str]:
        return {level.number: level.name for level in self.levels}


# (assessment id, respondent id, respondent number, role, dimension id, level, don't know,
# comment, may quote) of one answer of a submitted respondent.
AnswerRow = tuple[int, int, int, str, int, int | None, bool, str, bool]


def _answer_rows(assessment_ids: list[int]) -> list[AnswerRow]:
    """The answers of submitted respondents of these assessments, in one query."""
    if not assessment_ids:
        return []
    return list(
        Answer.objects.filter(
            respondent__assessment_id__in=assessment_ids,
            respondent__submitted_at__isnull=False,
        ).values_list(
            "respondent__assessment_id",
            "respondent_id",
            "respondent__number",
            "respondent__role",
            "question__dimension_id",
            "level",
            "dont_know",
            "comment",
            "may_quote",
        )
    )


def _dimension_medians(rows: list[AnswerRow], dimension_ids: list[int]) -> dict[int, float | None]:
    levels: dict[int, list[int]] = defaultdict(list)
    for row in rows:
        if row[5] is not None:
            levels[row[4]].append(row[5])
    return {dimension_id: _median(levels[dimension_id]) for dimension_id in dimension_ids}


def _current_levels(
    rows: list[AnswerRow], dimensions: list[Dimension], consensus: dict[int, int | None]
) -> dict[str, int | None]:
    """Per dimension key: the consensus level if set, else the rounded median."""
    medians = _dimension_medians(rows, [d.pk for d in dimensions])
    result = {}
    for dimension in dimensions:
        agreed = consensus.get(dimension.pk)
        result[dimension.key] = (
            agreed if agreed is not None else _round_level(medians[dimension.pk])
        )
    return result


def previous_assessment(*, assessment: Assessment) -> Assessment | None:
    """The latest completed earlier measurement of the same engagement and model version."""
    return (
        Assessment.objects.filter(
            engagement_id=assessment.engagement_id,
            version_id=assessment.version_id,
            status=AssessmentStatus.CLOSED,
            measured_on__lt=assessment.measured_on,
        )
        .order_by("-measured_on", "-pk")
        .first()
    )


def _peer_assessment_ids(assessment: Assessment) -> list[int]:
    """Each other client's latest completed assessment on the same version.

    Only organisations an administrator marked as clients count: an organisation any
    consultant can create must not move, or by adding fakes reveal, other clients' levels."""
    rows = (
        Assessment.objects.filter(
            version_id=assessment.version_id,
            status=AssessmentStatus.CLOSED,
            engagement__organisation__is_client=True,
        )
        .exclude(engagement__organisation_id=assessment.engagement.organisation_id)
        .order_by("engagement__organisation_id", "-measured_on", "-pk")
        .values_list("pk", "engagement__organisation_id")
    )
    latest: dict[int, int] = {}
    for pk, organisation_id in rows:
        latest.setdefault(organisation_id, pk)
    return list(latest.values())


def _anonymous_order(assessment_id: int, respondent_ids: Iterable[int]) -> list[int]:
    """The respondents in an order unrelated to when or by whom they were invited.

    Results number respondents in this order, so the consultant, who knows the order of
    invitation, cannot tell who "Respondent 1" is. Stable for an assessment (a keyed hash).
    """
    return sorted(
        respondent_ids,
        key=lambda rid: salted_hmac(
            "baseline.respondent-order", f"{assessment_id}:{rid}", algorithm="sha256"
        ).digest(),
    )


def assessment_results(*, assessment: Assessment) -> AssessmentResults:
    """Everything the results page, the report and the roadmap need, in a fixed number of
    queries."""
    version_id = assessment.version_id
    levels = list(Level.objects.filter(version_id=version_id).order_by("number"))
    dimensions = list(
        Dimension.objects.filter(version_id=version_id)
        .order_by("order")
        .prefetch_related("descriptors")
    )
    scores = {s.dimension_id: s for s in DimensionScore.objects.filter(assessment=assessment)}
    counts = assessment.respondents.aggregate(
        invited=Count("pk"), submitted=Count("pk", filter=Q(submitted_at__isnull=False))
    )

    previous = previous_assessment(assessment=assessment)
    peer_ids = _peer_assessment_ids(assessment)
    other_ids = ([previous.pk] if previous else []) + peer_ids
    rows_by_assessment = _rows_by_assessment([assessment.pk, *other_ids])
    other_consensus = _consensus_levels(other_ids)

    answers = _gather_answers(rows_by_assessment[assessment.pk])
    respondent_ids = _anonymous_order(assessment.pk, answers.numbers)
    level_names = {level.number: level.name for level in levels}
    previous_levels = (
        _current_levels(rows_by_assessment[previous.pk], dimensions, other_consensus[previous.pk])
        if previous
        else {}
    )
    peer_levels = _peer_levels(peer_ids, rows_by_assessment, dimensions, other_consensus)
    peer_shown = len(peer_ids) >= MIN_PEER_ORGANISATIONS

    results = [
        _dimension_result(
            dimension,
            answers,
            respondent_ids,
            score=scores.get(dimension.pk),
            previous_level=previous_levels.get(dimension.key),
            peer_median=_median(peer_levels[dimension.key]) if peer_shown else None,
            level_names=level_names,
        )
        for dimension in dimensions
    ]
    rule = small_group_rule(assessment.engagement)
    breakdown, hidden = _role_breakdown(rule, answers, respondent_ids, [d.pk for d in dimensions])

    return AssessmentResults(
        assessment=assessment,
        levels=levels,
        dimensions=results,
        respondent_count=counts["invited"],
        submitted_count=counts["submitted"],
        previous=previous,
        peer_organisation_count=len(peer_ids),
        role_breakdown=breakdown,
        hidden_role_count=hidden,
        min_group_size=rule.minimum,
    )


def _rows_by_assessment(assessment_ids: list[int]) -> dict[int, list[AnswerRow]]:
    rows_by_assessment: dict[int, list[AnswerRow]] = defaultdict(list)
    for row in _answer_rows(assessment_ids):
        rows_by_assessment[row[0]].append(row)
    return rows_by_assessment


def _consensus_levels(assessment_ids: list[int]) -> dict[int, dict[int, int | None]]:
    """Per assessment, the agreed level per dimension id."""
    consensus: dict[int, dict[int, int | None]] = defaultdict(dict)
    for assessment_id, dimension_id, level in DimensionScore.objects.filter(
        assessment_id__in=assessment_ids
    ).values_list("assessment_id", "dimension_id", "consensus_level"):
        consensus[assessment_id][dimension_id] = level
    return consensus


@dataclass
class _Answers:
    """One assessment's submitted answers, gathered per dimension and respondent."""

    levels: defaultdict[int, list[int]]  # by dimension id
    levels_by_respondent: defaultdict[tuple[int, int], list[int]]  # (dimension, respondent)
    numbers: dict[int, int]  # respondent number by respondent id
    roles: dict[int, str]  # by respondent id
    dont_know: defaultdict[int, int]  # by dimension id
    quotes: defaultdict[int, list[str]]  # by dimension id


def _gather_answers(rows: list[AnswerRow]) -> _Answers:
    answers = _Answers(
        defaultdict(list), defaultdict(list), {}, {}, defaultdict(int), defaultdict(list)
    )
    for _aid, respondent_id, number, role, dimension_id, level, unknown, comment, quote in rows:
        answers.numbers[respondent_id] = number
        answers.roles[respondent_id] = role
        if level is not None:
            answers.levels[dimension_id].append(level)
            answers.levels_by_respondent[(dimension_id, respondent_id)].append(level)
        if unknown:
            answers.dont_know[dimension_id] += 1
        if quote and comment:
            answers.quotes[dimension_id].append(comment)
    return answers


def _peer_levels(
    peer_ids: list[int],
    rows_by_assessment: dict[int, list[AnswerRow]],
    dimensions: list[Dimension],
    consensus: dict[int, dict[int, int | None]],
) -> dict[str, list[int]]:
    """Per dimension key, the current level of each peer that has one."""
    peer_levels: dict[str, list[int]] = defaultdict(list)
    for peer_id in peer_ids:
        for key, level in _current_levels(
            rows_by_assessment[peer_id], dimensions, consensus[peer_id]
        ).items():
            if level is not None:
                peer_levels[key].append(level)
    return peer_levels


def _dimension_result(
    dimension: Dimension,
    answers: _Answers,
    respondent_ids: list[int],
    *,
    score: DimensionScore | None,
    previous_level: int | None,
    peer_median: float | None,
    level_names: dict[int, str],
) -> DimensionResult:
    respondent_medians = [
        (Respondent.label_for(position), _median_of(values))
        for position, respondent_id in enumerate(respondent_ids, start=1)
        if (values := answers.levels_by_respondent.get((dimension.pk, respondent_id)))
    ]
    medians_only = [value for _label, value in respondent_medians]
    levels = answers.levels[dimension.pk]
    return DimensionResult(
        dimension=dimension,
        median=_median(levels),
        respondent_medians=respondent_medians,
        spread_min=min(medians_only) if medians_only else None,
        spread_max=max(medians_only) if medians_only else None,
        dont_know_count=answers.dont_know[dimension.pk],
        answer_count=len(levels) + answers.dont_know[dimension.pk],
        target_level=score.target_level if score else None,
        consensus_level=score.consensus_level if score else None,
        consensus_reason=score.consensus_reason if score else "",
        previous_level=previous_level,
        peer_median=peer_median,
        descriptors={d.level: d.description for d in dimension.descriptors.all()},
        quotes=answers.quotes[dimension.pk],
        level_names=level_names,
    )


def _role_breakdown(
    rule: SmallGroupRule, answers: _Answers, respondent_ids: list[int], dimension_ids: list[int]
) -> tuple[list[RoleBreakdown], int]:
    """The medians per role, only for groups of at least the engagement's minimum size; and
    how many roles were left out for being smaller."""
    members: dict[str, list[int]] = defaultdict(list)
    for respondent_id in respondent_ids:
        members[answers.roles[respondent_id]].append(respondent_id)
    breakdown = []
    hidden = 0
    for role in RespondentRole:
        group = members.get(role.value, [])
        if not group:
            continue
        if rule.hides(len(group)):
            hidden += 1
            continue
        medians = [
            _median(
                [
                    level
                    for respondent_id in group
                    for level in answers.levels_by_respondent.get((dimension_id, respondent_id), [])
                ]
            )
            for dimension_id in dimension_ids
        ]
        breakdown.append(
            RoleBreakdown(role_label=str(role.label), respondent_count=len(group), medians=medians)
        )
    return breakdown, hidden


def latest_completed_assessment(*, engagement: Engagement) -> Assessment | None:
    return (
        Assessment.objects.filter(engagement=engagement, status=AssessmentStatus.CLOSED)
        .select_related("engagement__organisation", "version")
        .order_by("-measured_on", "-pk")
        .first()
    )


def baseline_for_roadmap(*, engagement: Engagement) -> BaselineForRoadmap | None:
    """Current and target level per dimension of the engagement's latest completed
    assessment, or None without one."""
    assessment = latest_completed_assessment(engagement=engagement)
    if assessment is None:
        return None
    results = assessment_results(assessment=assessment)
    return BaselineForRoadmap(
        model_version_id=assessment.version_id,
        assessment_id=assessment.pk,
        dimensions=[
            DimensionLevel(
                key=result.dimension.key,
                name=result.dimension.name,
                current_level=result.current_level,
                target_level=result.target_level,
            )
            for result in results.dimensions
        ],
        measured_on=assessment.measured_on,
    )
