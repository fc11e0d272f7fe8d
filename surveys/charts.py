"""One chart per question, through the foundation's chart pipeline (page and PDF alike)."""

import statistics
from collections import Counter
from dataclasses import dataclass

import plotly.graph_objects as go
from django.utils.translation import gettext as _

from engagements.anonymity import SmallGroupRule
from reporting.charts import PALETTE, Chart, ChartTable, base_layout, count_axis
from reporting.formatting import format_number
from surveys.answers import likert_label
from surveys.models import SCALE_MAX, SCALE_MIN, Question, QuestionKind

LIKERT_COLOURS = ["#b2182b", "#e08a6b", "#8c8c8c", "#5b9bc4", "#1f5f8b"]


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "0%"


def _bar_figure(labels: list[str], values: list[int], *, colours=None, height=None) -> go.Figure:
    bar = {
        "type": "bar",
        "orientation": "h",
        "x": values,
        "y": labels,
        "text": [str(value) for value in values],
        "textposition": "auto",
        "marker": {"color": colours or PALETTE[0]},
        "hovertemplate": "%{y}: %{x}<extra></extra>",
        "cliponaxis": False,
    }
    layout = base_layout(height=height or max(160, 46 * len(labels) + 60))
    layout["margin"] = {"l": 10, "r": 30, "t": 10, "b": 40}
    layout["yaxis"] = {"autorange": "reversed", "automargin": True}
    layout["xaxis"] = count_axis(max(values, default=0), title=_("Number of responses"))
    layout["yaxis"]["fixedrange"] = True
    layout["dragmode"] = False
    return go.Figure({"data": [bar], "layout": layout})


MERGED_COLOUR = "#6c757d"


@dataclass
class _Rows:
    """A chart's categories after the small-group rule (engagements/anonymity.py)."""

    labels: list[str]
    values: list[int]
    kept: list[int]  # the indexes of the original categories still shown on their own
    note: str = ""


def _small_groups_merged(labels: list[str], values: list[int], rule: SmallGroupRule) -> _Rows:
    """Categories with fewer answers than the minimum are shown together, as one row."""
    kept, merged = rule.merge_small(list(zip(range(len(labels)), values, strict=True)))
    if not merged:
        return _Rows(labels=list(labels), values=list(values), kept=list(range(len(labels))))
    indexes = [index for index, _count in kept]
    together = ", ".join(labels[index] for index in merged)
    return _Rows(
        labels=[labels[index] for index in indexes]
        + [_("Together: %(answers)s") % {"answers": together}],
        values=[values[index] for index in indexes] + [sum(values[index] for index in merged)],
        kept=indexes,
        note=_(
            "Answers given by fewer than %(minimum)s people are shown together, so that no "
            "one can be recognised."
        )
        % {"minimum": rule.minimum},
    )


def _with_note(description: str, rows: _Rows) -> str:
    return f"{description} {rows.note}" if rows.note else description


def _spread(numbers: Counter) -> tuple[float, float]:
    values = list(numbers.elements())
    mean = statistics.fmean(values) if values else 0.0
    spread = statistics.pstdev(values) if len(values) > 1 else 0.0
    return mean, spread


def _number_chart(question: Question, counts: Counter, rule: SmallGroupRule) -> Chart:
    """Agree (Likert) and scale questions: the distribution with mean and spread."""
    key = f"q{question.pk}"
    title = question.text
    total_responses = sum(counts.values())
    numbers: Counter = Counter()
    for value, n in counts.items():
        if isinstance(value, int):
            numbers[value] += n
    if question.kind == QuestionKind.LIKERT:
        scale = list(range(1, 6))
        labels = [likert_label(number) for number in scale]
        colours = LIKERT_COLOURS
    else:
        scale = list(range(SCALE_MIN, SCALE_MAX + 1))
        labels = [str(number) for number in scale]
        colours = None
    rows = _small_groups_merged(labels, [numbers[number] for number in scale], rule)
    if colours and rows.note:
        colours = [colours[index] for index in rows.kept] + [MERGED_COLOUR]
    labels, values = rows.labels, rows.values
    mean, spread = _spread(numbers)
    description = _(
        "Mean %(mean)s, spread (standard deviation) %(spread)s, %(count)s responses."
    ) % {
        "mean": format_number(mean, 1),
        "spread": format_number(spread, 1),
        "count": total_responses,
    }
    description = _with_note(description, rows)
    figure = _bar_figure(labels, values, colours=colours)
    table = ChartTable(
        columns=[_("Answer"), _("Responses"), _("Share")],
        rows=[
            [label, value, _percent(value, total_responses)]
            for label, value in zip(labels, values, strict=True)
        ],
    )
    return Chart(
        key=key,
        title=title,
        figure=figure,
        table=table,
        description=description,
        extra={"mean": mean, "spread": spread, "responses": total_responses},
    )


def _ranking_chart(question: Question, counts: Counter, rule: SmallGroupRule) -> Chart:
    """Ranking questions: points per option (first place most)."""
    key = f"q{question.pk}"
    title = question.text
    total_responses = sum(counts.values())
    places = question.ranking_places
    points: Counter = Counter()
    firsts: Counter = Counter()
    chosen: Counter = Counter()
    for value, n in counts.items():
        items = value[1] if isinstance(value, tuple) else ()
        for index, item in enumerate(items):
            points[item] += (places - index) * n
            chosen[item] += n
            if index == 0:
                firsts[item] += n
    options = sorted(
        question.options + [item for item in points if item not in question.options],
        key=lambda item: -points[item],
    )
    # Who chose an option (and who put it first) is a category of people: options chosen
    # by fewer than the minimum are shown together; "ranked first" only from the minimum.
    rows = _small_groups_merged(options, [chosen[item] for item in options], rule)
    shown = [options[index] for index in rows.kept]
    merged = [item for item in options if item not in shown]
    labels = rows.labels
    values = [points[item] for item in shown] + ([sum(points[i] for i in merged)] if merged else [])
    firsts_shown = [firsts[item] for item in shown] + (
        [sum(firsts[i] for i in merged)] if merged else []
    )
    figure = _bar_figure(labels, values)
    figure.update_layout(xaxis={"title": {"text": _("Points")}})
    fewer = _("fewer than %(minimum)s") % {"minimum": rule.minimum}
    # Every response ranks one option first: a single hidden count would be the total minus
    # the others, so a second one is hidden with it.
    withheld = _("hidden, so that a smaller number cannot be worked out")
    hidden = rule.hidden_cells(firsts_shown)
    table = ChartTable(
        columns=[_("Option"), _("Points"), _("Chosen"), _("Ranked first")],
        rows=[
            [label, value, count, (fewer if rule.hides(first) else withheld) if hide else first]
            for label, value, count, first, hide in zip(
                labels, values, rows.values, firsts_shown, hidden, strict=True
            )
        ],
    )
    description = _(
        "An option gets %(places)s points for first place, one point less for each place "
        "lower; %(count)s responses."
    ) % {"places": places, "count": total_responses}
    description = _with_note(description, rows)
    return Chart(key=key, title=title, figure=figure, table=table, description=description)


def _choice_chart(question: Question, counts: Counter, rule: SmallGroupRule) -> Chart:
    """Single and multiple choice questions: how often each answer was picked."""
    key = f"q{question.pk}"
    title = question.text
    total_responses = sum(counts.values())
    picked: Counter = Counter()
    others = 0
    for value, n in counts.items():
        if isinstance(value, tuple) and value[0] == "dict":
            for item in value[1]:
                picked[item] += n
            if value[2]:
                others += n
    options = list(question.options) + [item for item in picked if item not in question.options]
    labels = list(options)
    values = [picked[item] for item in options]
    if question.allow_other or others:
        labels.append(_("Other"))
        values.append(others)
    rows = _small_groups_merged(labels, values, rule)
    labels, values = rows.labels, rows.values
    figure = _bar_figure(labels, values)
    table = ChartTable(
        columns=[_("Answer"), _("Responses"), _("Share")],
        rows=[
            [label, value, _percent(value, total_responses)]
            for label, value in zip(labels, values, strict=True)
        ],
    )
    if question.kind == QuestionKind.MULTIPLE:
        description = _(
            "More than one answer was possible; shares are of the %(count)s responses."
        ) % {"count": total_responses}
    else:
        description = _("%(count)s responses.") % {"count": total_responses}
    description = _with_note(description, rows)
    return Chart(key=key, title=title, figure=figure, table=table, description=description)


def question_chart(*, question: Question, counts: Counter, rule: SmallGroupRule) -> Chart:
    """The distribution of one question's answers as a chart with its table; categories
    below the minimum group size are shown together (``rule.merge_small``)."""
    if question.kind in (QuestionKind.LIKERT, QuestionKind.SCALE):
        return _number_chart(question, counts, rule)
    if question.kind == QuestionKind.RANKING:
        return _ranking_chart(question, counts, rule)
    return _choice_chart(question, counts, rule)


def response_rate_chart(*, invited: int, started: int, completed: int) -> Chart:
    labels = [_("Invited"), _("Started"), _("Sent")]
    values = [invited, started, completed]
    figure = _bar_figure(labels, values, height=200)
    table = ChartTable(
        columns=[_("Stage"), _("Number")],
        rows=[list(pair) for pair in zip(labels, values, strict=True)],
    )
    return Chart(key="response-rate", title=_("Response"), figure=figure, table=table)
