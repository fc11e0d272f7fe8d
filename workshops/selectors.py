"""Reads of the workshop app.

The contracts the roadmap relies on are ``vision_for_roadmap`` and ``session_highlights``.
"""

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypedDict

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from engagements.models import Engagement
from engagements.tokens import token_hash
from reporting.charts import Chart
from workshops.charts import distribution_chart, example_chart, scale_labels, without_toolbar
from workshops.models import (
    MAX_CONTRIBUTIONS_PER_PARTICIPANT,
    PART_ORDER,
    RANKING_PLACES,
    RESPONSE_KINDS,
    AgendaItem,
    Ambassador,
    Contribution,
    Dimension,
    Endorsement,
    Example,
    ExampleMark,
    ItemKind,
    Participant,
    PollVote,
    RankingBallot,
    Session,
    SessionStatus,
    Upvote,
    VisionEndorsement,
    VisionStatement,
    Vote,
)
from workshops.tallies import ranking_order, ranking_points, word_cloud

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    from surveys.selectors import SurveyHighlights


@dataclass(frozen=True)
class VisionStatementSummary:
    text: str
    # A dimension key of the maturity model (baseline.selectors.DEFAULT_DIMENSION_KEYS)
    # when the statement is about one dimension, else None.
    dimension_key: str | None
    agree: int
    agree_with_reservations: int
    disagree: int


@dataclass(frozen=True)
class VisionSummary:
    session_title: str
    adopted_on: object  # datetime.date the vision was adopted
    statements: list[VisionStatementSummary]
    # Dimension keys in the order of priority the session gave them (most important first).
    priorities: list[str] = field(default_factory=list)
    ambassadors: list[str] = field(default_factory=list)  # names of volunteers


@dataclass(frozen=True)
class StatementResult:
    text: str
    round_number: int
    counts: list[int]  # votes for 1 (strongly disagree) .. 5 (strongly agree)
    polarisation: float  # 0 (consensus) .. 1 (split room)
    notes: str


@dataclass(frozen=True)
class SessionHighlights:
    session_title: str
    held_on: object  # datetime.date
    participants: int
    examples_discussed: list[str]
    statements: list[StatementResult]


# --- Statement results ---------------------------------------------------------------------


def polarisation(counts: list[int]) -> float:
    """How divided the room is: the standard deviation of the votes divided by its maximum.

    0 when everyone gave the same answer; 1 when half the room strongly disagrees and half
    strongly agrees (standard deviation 2 on a 1..5 scale).
    """
    total = sum(counts)
    if total < 2:
        return 0.0
    values = [value for value, count in zip(range(1, 6), counts, strict=True) for _ in range(count)]
    return round(min(1.0, statistics.pstdev(values) / 2), 2)


def mean_vote(counts: list[int]) -> float | None:
    total = sum(counts)
    if not total:
        return None
    return round(
        sum(value * count for value, count in zip(range(1, 6), counts, strict=True)) / total, 1
    )


def _vote_counts(items: list[AgendaItem]) -> dict[tuple[int, int], list[int]]:
    """Counts per (item id, round) for the items, in one query."""
    rows = (
        Vote.objects.filter(item__in=items)
        .values("item_id", "round_number", "value")
        .annotate(n=Count("id"))
        .order_by()
    )
    counts: dict[tuple[int, int], list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for row in rows:
        counts[(row["item_id"], row["round_number"])][row["value"] - 1] = row["n"]
    return counts


def statement_results(*, items: list[AgendaItem]) -> dict[int, list[StatementResult]]:
    """Every round of every statement, by item id (rounds without votes left out, except
    the current one)."""
    counts = _vote_counts(items)
    results: dict[int, list[StatementResult]] = {}
    for item in items:
        rounds = []
        for number in range(1, item.round_number + 1):
            round_counts = list(counts.get((item.pk, number), [0, 0, 0, 0, 0]))
            if not sum(round_counts) and number != item.round_number:
                continue
            rounds.append(
                StatementResult(
                    text=item.title,
                    round_number=number,
                    counts=round_counts,
                    polarisation=polarisation(round_counts),
                    notes=item.notes,
                )
            )
        results[item.pk] = rounds
    return results


# --- Sessions ------------------------------------------------------------------------------


class SessionCounts(TypedDict):
    participant_count: int


def session_list_for_engagement(
    *, engagement: Engagement
) -> "QuerySet[WithAnnotations[Session, SessionCounts]]":
    return (
        Session.objects.filter(engagement=engagement)
        .annotate(participant_count=Count("participants", distinct=True))
        .order_by("-held_on", "-pk")
    )


def session_agenda(*, session: Session) -> list[AgendaItem]:
    items = list(session.items.select_related("example").all())
    rank: dict[str, int] = {part: index for index, part in enumerate(PART_ORDER)}
    return sorted(items, key=lambda item: (rank[item.part], item.position))


def session_by_code(*, code: str) -> Session | None:
    return (
        Session.objects.select_related("engagement__organisation", "current_item")
        .filter(join_code=code.strip().upper())
        .first()
    )


def participant_for_token(*, session: Session, token: str | None) -> Participant | None:
    if not token:
        return None
    return Participant.objects.filter(session=session, token_hash=token_hash(token)).first()


def timer_remaining(session: Session) -> int | None:
    if session.timer_ends_at is None:
        return None
    return max(0, int((session.timer_ends_at - timezone.now()).total_seconds()))


def _responses(item: AgendaItem | None) -> int:
    """How many participants answered the current item (this round)."""
    if item is None:
        return 0
    if item.kind == ItemKind.STATEMENT:
        return Vote.objects.filter(item=item, round_number=item.round_number).count()
    if item.kind == ItemKind.EXAMPLE:
        return ExampleMark.objects.filter(item=item).count()
    if item.kind == ItemKind.VISION:
        return (
            VisionEndorsement.objects.filter(statement__session_id=item.session_id)
            .values("participant_id")
            .distinct()
            .count()
        )
    if item.kind == ItemKind.AMBASSADORS:
        return Ambassador.objects.filter(session_id=item.session_id).count()
    if item.kind in RESPONSE_KINDS:
        return kind_responses(item=item)
    return 0


def session_live_state(*, session_id: int) -> dict[str, Any] | None:
    """What every screen needs to know to be up to date; sent over the WebSocket and
    served by the polling endpoint. Three queries."""
    session = Session.objects.select_related("current_item").filter(pk=session_id).first()
    if session is None:
        return None
    item = session.current_item
    return {
        "version": session.version,
        "status": session.status,
        "item": item.pk if item else None,
        "kind": item.kind if item else None,
        "voting_open": bool(item and item.voting_open),
        "opened": bool(item and item.opened_at),
        "revealed": bool(item and item.results_revealed),
        "responses": _responses(item),
        "participants": Participant.objects.filter(session_id=session_id).count(),
        "timer": timer_remaining(session),
    }


@dataclass
class ScreenContext:
    """What the projector, facilitator and participant views show of the current item."""

    session: Session
    item: AgendaItem | None
    state: dict[str, Any]
    results: list[StatementResult] = field(default_factory=list)
    chart: Chart | None = None
    example_chart: Chart | None = None
    vision: list[dict[str, Any]] = field(default_factory=list)
    ambassadors: list[Ambassador] = field(default_factory=list)
    survey: object = None
    agenda: list[AgendaItem] = field(default_factory=list)
    position: int = 0
    # What an open question, ideas, ranking or poll shows (see kind_screen).
    kind: dict[str, Any] = field(default_factory=dict)


def vision_rows(session: Session) -> list[dict[str, Any]]:
    statements = list(
        session.vision_statements.annotate(
            agree=Count("endorsements", filter=Q(endorsements__choice=Endorsement.AGREE)),
            reservations=Count(
                "endorsements",
                filter=Q(endorsements__choice=Endorsement.AGREE_WITH_RESERVATIONS),
            ),
            disagree=Count("endorsements", filter=Q(endorsements__choice=Endorsement.DISAGREE)),
        ).order_by("position")
    )
    rows = []
    for statement in statements:
        total = statement.agree + statement.reservations + statement.disagree
        support = round(100 * (statement.agree + statement.reservations) / total) if total else None
        rows.append({"statement": statement, "total": total, "support": support})
    return rows


def screen_context(*, session: Session, with_agenda: bool = False) -> ScreenContext:
    """The current item with what it shows, in a fixed number of queries."""
    state = session_live_state(session_id=session.pk) or {}
    item = (
        AgendaItem.objects.select_related("example").filter(pk=session.current_item_id).first()
        if session.current_item_id
        else None
    )
    context = ScreenContext(session=session, item=item, state=state)
    if with_agenda:
        context.agenda = session_agenda(session=session)
        ids = [agenda_item.pk for agenda_item in context.agenda]
        context.position = ids.index(item.pk) + 1 if item and item.pk in ids else 0
    if item is None:
        return context
    if item.kind == ItemKind.STATEMENT:
        context.results = statement_results(items=[item])[item.pk]
        context.chart = distribution_chart(key=f"statement-{item.pk}", results=context.results)
    elif item.kind == ItemKind.EXAMPLE and item.example is not None:
        context.example_chart = example_chart(item.example)
    elif item.kind == ItemKind.SURVEY:
        from surveys.selectors import survey_highlights

        context.survey = survey_highlights(engagement=session.engagement)
        for chart in context.survey.charts if context.survey else []:
            without_toolbar(chart)
        context.kind = survey_step_screen(survey=context.survey, step=item.step)
    elif item.kind == ItemKind.VISION:
        context.vision = vision_rows(session)
    elif item.kind == ItemKind.AMBASSADORS:
        context.ambassadors = list(session.ambassadors.order_by("created_at"))
    elif item.kind in RESPONSE_KINDS:
        context.kind = kind_screen(item=item)
    return context


@dataclass
class ParticipantAnswers:
    vote: int | None = None
    marked: bool = False
    endorsements: dict[int, str] = field(default_factory=dict)
    ambassador: Ambassador | None = None


def participant_answers(*, participant: Participant, item: AgendaItem | None) -> ParticipantAnswers:
    answers = ParticipantAnswers()
    if item is None:
        return answers
    if item.kind == ItemKind.STATEMENT:
        answers.vote = (
            Vote.objects.filter(item=item, participant=participant, round_number=item.round_number)
            .values_list("value", flat=True)
            .first()
        )
    elif item.kind == ItemKind.EXAMPLE:
        answers.marked = ExampleMark.objects.filter(item=item, participant=participant).exists()
    elif item.kind == ItemKind.VISION:
        answers.endorsements = dict(
            VisionEndorsement.objects.filter(participant=participant).values_list(
                "statement_id", "choice"
            )
        )
    elif item.kind == ItemKind.AMBASSADORS:
        answers.ambassador = Ambassador.objects.filter(participant=participant).first()
    return answers


def participant_own_state(*, participant: Participant) -> dict[str, Any]:
    """What the participant chose so far, keyed as the shared phone screen's forms say
    (``data-own-key``, see live.py): live.js shows it in the page; the current item's
    answers of the interactive kinds under ``kind-<item id>`` (kinds.js). At most seven queries."""
    own: dict[str, Any] = {}
    for item_id, round_number, value in Vote.objects.filter(participant=participant).values_list(
        "item_id", "round_number", "value"
    ):
        own[f"vote-{item_id}-{round_number}"] = str(value)
    for item_id in ExampleMark.objects.filter(participant=participant).values_list(
        "item_id", flat=True
    ):
        own[f"mark-{item_id}"] = "on"
    for statement_id, choice in VisionEndorsement.objects.filter(
        participant=participant
    ).values_list("statement_id", "choice"):
        own[f"endorse-{statement_id}"] = choice
    ambassador = Ambassador.objects.filter(participant=participant).first()
    if ambassador is not None:
        own["ambassador"] = {"name": ambassador.name, "department": ambassador.department}
    current = (
        AgendaItem.objects.filter(session_id=participant.session_id, session__current_item=F("pk"))
        .select_related("session")
        .first()
    )
    if current is not None and current.kind in RESPONSE_KINDS:
        own[own_kind_key(current)] = participant_kind_state(participant=participant, item=current)
    return own


def own_kind_key(item: AgendaItem) -> str:
    """The key of a participant's answers to an open question, ideas, poll or ranking in
    their own state (kinds.js reads it; see participant_kind_state)."""
    return f"kind-{item.pk}"


# --- Gallery -------------------------------------------------------------------------------


def gallery_examples(
    *, session: Session, task: str = "", complexity: str = ""
) -> list[tuple[Example, bool]]:
    """The shared gallery plus the client's own products, each with whether the session
    shows it; own products first."""
    examples = Example.objects.filter(
        Q(engagement__isnull=True) | Q(engagement_id=session.engagement_id)
    )
    if task:
        examples = examples.filter(task=task)
    if complexity:
        examples = examples.filter(complexity=complexity)
    chosen = set(session.items.filter(example__isnull=False).values_list("example_id", flat=True))
    ordered = sorted(examples, key=lambda e: (e.engagement_id is None, e.title))
    return [(example, example.pk in chosen) for example in ordered]


# --- Report and export ---------------------------------------------------------------------


@dataclass
class SessionReport:
    session: Session
    participants: int
    survey: object
    examples: list[dict[str, Any]]
    statements: list[dict[str, Any]]
    vision: list[dict[str, Any]]
    priorities: list[str]
    ambassadors: list[Ambassador]
    interactions: list[dict[str, Any]] = field(default_factory=list)


def session_report(*, session: Session) -> SessionReport:
    """Everything the session report shows, in a fixed number of queries."""
    from surveys.selectors import survey_highlights

    agenda = session_agenda(session=session)
    example_items = [item for item in agenda if item.kind == ItemKind.EXAMPLE]
    mark_counts = dict(
        ExampleMark.objects.filter(item__in=example_items)
        .values("item_id")
        .annotate(n=Count("id"))
        .values_list("item_id", "n")
    )
    statement_items = [item for item in agenda if item.kind == ItemKind.STATEMENT]
    results = statement_results(items=statement_items)
    statements = []
    for item in statement_items:
        rounds = [result for result in results[item.pk] if sum(result.counts)]
        statements.append(
            {
                "item": item,
                "rounds": [
                    {
                        "result": result,
                        "mean": mean_vote(result.counts),
                        "total": sum(result.counts),
                    }
                    for result in rounds
                ],
                "chart": distribution_chart(key=f"report-{item.pk}", results=rounds, height=280)
                if rounds
                else None,
            }
        )
    labels = dict(Dimension.choices)
    return SessionReport(
        session=session,
        participants=session.participants.count(),
        survey=survey_highlights(engagement=session.engagement),
        examples=[
            {"item": item, "example": item.example, "marks": mark_counts.get(item.pk, 0)}
            for item in example_items
        ],
        statements=statements,
        vision=vision_rows(session),
        priorities=[str(labels.get(key, key)) for key in session.priorities],
        ambassadors=list(session.ambassadors.order_by("created_at")),
        interactions=[
            {"item": item, **kind_screen(item=item, for_report=True)}
            for item in agenda
            if item.kind in RESPONSE_KINDS
        ],
    )


def vote_export_rows(*, session: Session) -> tuple[list[str], list[list[Any]]]:
    """The votes per statement and round, as counts (votes are anonymous)."""
    items = [item for item in session_agenda(session=session) if item.kind == ItemKind.STATEMENT]
    results = statement_results(items=items)
    header = [
        _("Statement"),
        _("Round"),
        *scale_labels(),
        _("Votes"),
        _("Average"),
        _("Polarisation"),
        _("Notes"),
    ]
    rows = []
    for item in items:
        for result in results[item.pk]:
            if not sum(result.counts):
                continue
            rows.append(
                [
                    item.title,
                    result.round_number,
                    *result.counts,
                    sum(result.counts),
                    mean_vote(result.counts),
                    result.polarisation,
                    item.notes,
                ]
            )
    return header, rows


# --- The interactive kinds ----------------------------------------------------------------

# How many ideas the projector lists (the rest are in the report): it must fit one screen.
PROJECTOR_IDEAS = 6


def kind_responses(*, item: AgendaItem) -> int:
    """How many participants answered an open question, ideas, ranking or poll."""
    if item.kind in (ItemKind.QUESTION, ItemKind.IDEAS):
        return Contribution.objects.filter(item=item).values("participant_id").distinct().count()
    if item.kind == ItemKind.POLL:
        return PollVote.objects.filter(item=item).count()
    if item.kind == ItemKind.RANKING:
        return RankingBallot.objects.filter(item=item).count()
    return 0


def _bars(rows: list[tuple[str, int]]) -> list[dict[str, Any]]:
    """Label, count, share of the total and width relative to the largest, for HTML bars."""
    total = sum(count for _label, count in rows)
    top = max((count for _label, count in rows), default=0)
    return [
        {
            "label": label,
            "count": count,
            "percent": round(100 * count / total) if total else 0,
            "width": round(100 * count / top) if top else 0,
        }
        for label, count in rows
    ]


def poll_result(*, item: AgendaItem) -> list[dict[str, Any]]:
    counts = dict(
        PollVote.objects.filter(item=item)
        .values("option")
        .annotate(n=Count("id"))
        .values_list("option", "n")
    )
    return _bars([(label, counts.get(index, 0)) for index, label in enumerate(item.options)])


def ranking_result(*, item: AgendaItem) -> list[dict[str, Any]]:
    """The dimensions by the room's points (3 for a first place, 2 for a second, 1 for a
    third), each with how many put it first."""
    orders = list(RankingBallot.objects.filter(item=item).values_list("order", flat=True))
    points = ranking_points(orders, places=RANKING_PLACES)
    firsts = Counter(order[0] for order in orders if order)
    labels = dict(Dimension.choices)
    rows = _bars(
        [(str(labels[key]), points.get(key, 0)) for key in ranking_order(points, Dimension.values)]
    )
    for row, key in zip(rows, ranking_order(points, Dimension.values), strict=True):
        row["key"] = key
        row["firsts"] = firsts.get(key, 0)
    return rows


def ideas_ranked(*, item: AgendaItem, include_hidden: bool = False) -> list[Contribution]:
    ideas = Contribution.objects.filter(item=item).annotate(votes=Count("upvotes"))
    if not include_hidden:
        ideas = ideas.filter(hidden=False)
    return list(ideas.order_by("-votes", "created_at", "pk"))


def kind_screen(*, item: AgendaItem, for_report: bool = False) -> dict[str, Any]:
    """What the screens (and the report) show of an open question, ideas, ranking or poll.
    Hidden answers never reach the word cloud or the projector; the facilitator's list and
    the report hold them, marked."""
    data: dict[str, Any] = {"kind": item.kind}
    if item.kind == ItemKind.QUESTION:
        answers = list(Contribution.objects.filter(item=item).order_by("created_at", "pk"))
        data["answers"] = answers
        data["cloud"] = word_cloud(answer.text for answer in answers if not answer.hidden)
        data["total"] = sum(1 for answer in answers if not answer.hidden)
        data["max"] = MAX_CONTRIBUTIONS_PER_PARTICIPANT
    elif item.kind == ItemKind.IDEAS:
        ideas = ideas_ranked(item=item, include_hidden=True)
        shown = [idea for idea in ideas if not idea.hidden]
        data["ideas"] = ideas
        data["top"] = shown[:PROJECTOR_IDEAS]
        data["more"] = max(0, len(shown) - PROJECTOR_IDEAS)
        data["total"] = len(shown)
        # Phones list the ideas in the order they came: a button does not jump away.
        data["by_time"] = sorted(shown, key=lambda idea: (idea.created_at, idea.pk))
    elif item.kind == ItemKind.POLL:
        data["rows"] = poll_result(item=item)
        data["total"] = sum(row["count"] for row in data["rows"])
    elif item.kind == ItemKind.RANKING:
        data["rows"] = ranking_result(item=item)
        data["total"] = RankingBallot.objects.filter(item=item).count()
        data["places"] = RANKING_PLACES
        data["place_numbers"] = list(range(1, RANKING_PLACES + 1))
        data["dimensions"] = Dimension.choices
        labels = dict(Dimension.choices)
        data["priority_labels"] = [str(labels.get(key, key)) for key in item.session.priorities]
    if for_report and item.kind == ItemKind.QUESTION:
        data["cloud_top"] = sorted(data["cloud"], key=lambda w: (-w.count, w.word))[:15]
    return data


def survey_step_screen(*, survey: "SurveyHighlights | None", step: int) -> dict[str, Any]:
    """Which highlighted survey question (or the quotes) the projector shows, "2 of 6"."""
    if survey is None:
        return {"steps": 0}
    steps = len(survey.charts) + (1 if survey.quotes else 0)
    step = min(step, max(0, steps - 1))
    return {
        "steps": steps,
        "step": step,
        "number": step + 1,
        "chart": survey.charts[step] if step < len(survey.charts) else None,
        "quotes": step >= len(survey.charts),
    }


def participant_kind_state(*, participant: Participant, item: AgendaItem | None) -> dict[str, Any]:
    """A participant's own answers to the current item, as JSON for their phone: the phone's
    HTML is the same for everyone and this small state marks what is theirs."""
    if item is None or item.kind not in RESPONSE_KINDS:
        return {"item": item.pk if item else None}
    state: dict[str, Any] = {"item": item.pk, "kind": item.kind}
    if item.kind in (ItemKind.QUESTION, ItemKind.IDEAS):
        state["contributions"] = list(
            Contribution.objects.filter(item=item, participant=participant)
            .order_by("created_at", "pk")
            .values_list("text", flat=True)
        )
    if item.kind == ItemKind.IDEAS:
        state["upvoted"] = list(
            Upvote.objects.filter(contribution__item=item, participant=participant).values_list(
                "contribution_id", flat=True
            )
        )
    if item.kind == ItemKind.POLL:
        state["option"] = (
            PollVote.objects.filter(item=item, participant=participant)
            .values_list("option", flat=True)
            .first()
        )
    if item.kind == ItemKind.RANKING:
        state["order"] = (
            RankingBallot.objects.filter(item=item, participant=participant)
            .values_list("order", flat=True)
            .first()
            or []
        )
    return state


def _export_rows(item: AgendaItem) -> list[list[Any]]:
    """The rows of one interactive item: text, count, share, points, firsts, hidden."""
    data = kind_screen(item=item)
    hidden = {True: _("yes"), False: _("no")}
    if item.kind == ItemKind.QUESTION:
        return [[a.text, 1, "", "", "", hidden[a.hidden]] for a in data["answers"]]
    if item.kind == ItemKind.IDEAS:
        return [[i.text, i.votes, "", "", "", hidden[i.hidden]] for i in data["ideas"]]
    if item.kind == ItemKind.POLL:
        return [[r["label"], r["count"], r["percent"], "", "", ""] for r in data["rows"]]
    return [[r["label"], data["total"], "", r["count"], r["firsts"], ""] for r in data["rows"]]


def interaction_export_rows(*, session: Session) -> tuple[list[str], list[list[Any]]]:
    """One row per answer, idea, poll option and dimension of the session's interactive
    items (anonymous: no participant), in agenda order."""
    header = [
        _("Agenda item"),
        _("Kind"),
        _("Answer, idea or option"),
        _("Count"),
        _("Share (%)"),
        _("Points"),
        _("Ranked first"),
        _("Hidden by the facilitator"),
    ]
    rows = [
        [item.title, str(item.get_kind_display()), *row]
        for item in session_agenda(session=session)
        if item.kind in RESPONSE_KINDS
        for row in _export_rows(item)
    ]
    return header, rows


# --- Contracts for later stages ------------------------------------------------------------


def vision_for_roadmap(*, engagement: Engagement) -> VisionSummary | None:
    """The adopted vision of the engagement's latest session with one, or None."""
    session = (
        Session.objects.filter(engagement=engagement, vision_adopted_at__isnull=False)
        .order_by("-vision_adopted_at")
        .prefetch_related(
            Prefetch(
                "vision_statements",
                queryset=VisionStatement.objects.order_by("position").prefetch_related(
                    "endorsements"
                ),
            ),
            Prefetch("ambassadors", queryset=Ambassador.objects.order_by("created_at")),
        )
        .first()
    )
    if session is None:
        return None
    statements = []
    for statement in session.vision_statements.all():
        tally = Counter(endorsement.choice for endorsement in statement.endorsements.all())
        statements.append(
            VisionStatementSummary(
                text=statement.text,
                dimension_key=statement.dimension_key or None,
                agree=tally[Endorsement.AGREE],
                agree_with_reservations=tally[Endorsement.AGREE_WITH_RESERVATIONS],
                disagree=tally[Endorsement.DISAGREE],
            )
        )
    return VisionSummary(
        session_title=session.title,
        adopted_on=timezone.localdate(session.vision_adopted_at),
        statements=statements,
        priorities=list(session.priorities),
        ambassadors=[ambassador.name for ambassador in session.ambassadors.all()],
    )


def session_highlights(*, engagement: Engagement) -> SessionHighlights | None:
    """The results of the engagement's latest finished session, or None."""
    session = (
        Session.objects.filter(engagement=engagement, status=SessionStatus.FINISHED)
        .order_by("-held_on", "-pk")
        .first()
    )
    if session is None:
        return None
    agenda = session_agenda(session=session)
    statement_items = [item for item in agenda if item.kind == ItemKind.STATEMENT]
    results = statement_results(items=statement_items)
    return SessionHighlights(
        session_title=session.title,
        held_on=session.held_on,
        participants=session.participants.count(),
        examples_discussed=[
            item.example.title
            for item in agenda
            if item.kind == ItemKind.EXAMPLE and item.example is not None
        ],
        statements=[
            result for item in statement_items for result in results[item.pk] if sum(result.counts)
        ],
    )


def engagement_export(*, engagement: Engagement) -> dict[str, Any]:
    """The engagement's workshop data for the privacy archive (no tokens, names only where
    participants chose to give them)."""
    sessions = []
    for session in Session.objects.filter(engagement=engagement).order_by("held_on", "pk"):
        report = session_report(session=session)
        sessions.append(
            {
                "title": session.title,
                "held_on": session.held_on,
                "status": session.status,
                "participants": list(
                    session.participants.order_by("joined_at").values(
                        "name", "department", "joined_at"
                    )
                ),
                "examples": [
                    {"title": row["example"].title, "relevant_for": row["marks"]}
                    for row in report.examples
                ],
                "statements": [
                    {
                        "text": row["item"].title,
                        "notes": row["item"].notes,
                        "rounds": [
                            {
                                "round": r["result"].round_number,
                                "counts": r["result"].counts,
                                "polarisation": r["result"].polarisation,
                            }
                            for r in row["rounds"]
                        ],
                    }
                    for row in report.statements
                ],
                "vision_adopted_at": session.vision_adopted_at,
                "vision": [
                    {
                        "text": row["statement"].text,
                        "dimension": row["statement"].dimension_key,
                        "agree": row["statement"].agree,
                        "agree_with_reservations": row["statement"].reservations,
                        "disagree": row["statement"].disagree,
                    }
                    for row in report.vision
                ],
                "priorities": list(session.priorities),
                "ambassadors": [
                    {"name": a.name, "department": a.department} for a in report.ambassadors
                ],
            }
        )
    own = Example.objects.filter(engagement=engagement).order_by("title")
    return {
        "sessions": sessions,
        "own_products": [{"title": e.title, "summary": e.summary} for e in own],
    }
