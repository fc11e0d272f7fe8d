"""What an answer looks like per question type: checking, conditions, and plain text.

Values as stored in ``Answer.value``:
- agree/disagree (likert): an int 1..5; scale: an int 0..10;
- single and multiple choice: ``{"choices": [option, ...], "other": "text"}``;
- short and long text: a str;
- ranking: a list of options, best first.
Choices are stored as the option text the respondent saw, so editing a question's
options later never changes an answer already given.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import gettext as _

from surveys.models import (
    LIKERT_LABELS,
    OTHER_KEY,
    SCALE_MAX,
    SCALE_MIN,
    Question,
    QuestionKind,
)
from surveys.options import normal

OTHER = "__other__"


@dataclass
class ParsedAnswer:
    """A respondent's input for one question: the value to store, or an error.

    ``display`` is what the page shows again when there is an error, so that nothing a
    user typed is lost.
    """

    value: Any = None
    error: str = ""
    display: Any = None


def _int_in_range(raw: str, low: int, high: int) -> int | None:
    try:
        number = int(raw)
    except (TypeError, ValueError):
        return None
    return number if low <= number <= high else None


def _parse_number(question: Question, data: QueryDict) -> ParsedAnswer:
    raw = (data.get(question.field_name) or "").strip()
    if not raw:
        return ParsedAnswer()
    low, high = (1, 5) if question.kind == QuestionKind.LIKERT else (SCALE_MIN, SCALE_MAX)
    number = _int_in_range(raw, low, high)
    if number is None:
        return ParsedAnswer(error=_("Choose one of the answers in the list."))
    return ParsedAnswer(value=number, display=number)


def _choice_error(question: Question, picked: list[str], other: str) -> str:
    if question.kind == QuestionKind.SINGLE and len(picked) > 1:
        return _("Choose only one answer.")
    allowed = set(question.options) | ({OTHER} if question.allow_other else set())
    if any(item not in allowed for item in picked):
        return _("Choose one of the answers in the list.")
    if OTHER in picked and not other:
        return _("Fill in what you mean by 'other, namely'.")
    if len(other) > question.max_length:
        return _too_long(question, other)
    return ""


def _parse_choice(question: Question, data: QueryDict) -> ParsedAnswer:
    name = question.field_name
    picked = [item for item in data.getlist(name) if item]
    other = (data.get(f"{name}_other") or "").strip()
    display = {
        "choices": [p for p in picked if p != OTHER],
        "other": other,
        "other_picked": OTHER in picked,
    }
    error = _choice_error(question, picked, other)
    if error:
        return ParsedAnswer(error=error, display=display)
    if not picked:
        return ParsedAnswer(display=display)
    value = {
        "choices": [item for item in question.options if item in picked],
        "other": other if OTHER in picked else "",
    }
    return ParsedAnswer(value=value, display=display)


def _parse_text(question: Question, data: QueryDict) -> ParsedAnswer:
    text = (data.get(question.field_name) or "").replace("\r\n", "\n").strip()
    if "\x00" in text:
        text = text.replace("\x00", "")
    if len(text) > question.max_length:
        return ParsedAnswer(error=_too_long(question, text), display=text)
    return ParsedAnswer(value=text or None, display=text)


def _ranking_error(question: Question, places: list[str], chosen: list[str]) -> str:
    if any(item and item not in question.options for item in places):
        return _("Choose one of the answers in the list.")
    if len(set(chosen)) != len(chosen):
        return _("Choose each option only once.")
    if chosen and places[: len(chosen)] != chosen:
        return _("Fill in the places from the top, without gaps.")
    return ""


def _parse_ranking(question: Question, data: QueryDict) -> ParsedAnswer:
    places = [
        (data.get(f"{question.field_name}_{place}") or "").strip()
        for place in range(1, question.ranking_places + 1)
    ]
    chosen = [item for item in places if item]
    error = _ranking_error(question, places, chosen)
    if error:
        return ParsedAnswer(error=error, display=places)
    return ParsedAnswer(value=chosen or None, display=places)


_PARSERS: dict[str, Callable[[Question, QueryDict], ParsedAnswer]] = {
    QuestionKind.LIKERT: _parse_number,
    QuestionKind.SCALE: _parse_number,
    QuestionKind.SINGLE: _parse_choice,
    QuestionKind.MULTIPLE: _parse_choice,
    QuestionKind.SHORT_TEXT: _parse_text,
    QuestionKind.LONG_TEXT: _parse_text,
    QuestionKind.RANKING: _parse_ranking,
}


def parse_answer(question: Question, data: QueryDict) -> ParsedAnswer:
    """Read one question's answer from POST data (a QueryDict); never raises."""
    parser = _PARSERS.get(question.kind)
    if parser is None:
        return ParsedAnswer(error=_("Choose one of the answers in the list."))
    return parser(question, data)


def _too_long(question: Question, text: str) -> str:
    return _(
        "Your answer is %(length)s characters long; at most %(limit)s characters fit here."
    ) % {"length": len(text), "limit": question.max_length}


def is_complete(question: Question, value: Any) -> bool:
    """Whether a value answers the question fully (for required questions)."""
    if value is None or value == "" or value == []:
        return False
    if question.kind == QuestionKind.RANKING:
        return len(value) >= question.ranking_places
    if isinstance(value, dict):
        return bool(value.get("choices") or value.get("other"))
    return True


def missing_required(questions: list[Question], answers: dict[int, Any]) -> list[Question]:
    """The required questions among ``questions`` that ``answers`` (by id) leave open; the
    one rule for a page's "next" and for sending a response."""
    return [
        question
        for question in questions
        if question.required and not is_complete(question, answers.get(question.pk))
    ]


OTHER_CONDITION_WORDS = {"anders", "other", OTHER_KEY}


def _choice_condition(condition_question: Question, value: str) -> str:
    if value in condition_question.option_keys:
        return value
    wanted = normal(value)
    for option, key in zip(
        condition_question.options, condition_question.option_keys, strict=False
    ):
        if normal(option) == wanted:
            return key
    if condition_question.allow_other and wanted in OTHER_CONDITION_WORDS:
        return OTHER_KEY
    raise ValidationError(
        _("Choose one of the options of that question: %(options)s.")
        % {"options": ", ".join(f"“{option}”" for option in condition_question.options)}
    )


def condition_value_for(condition_question: Question, value: str) -> str:
    """The stored form of a condition on ``condition_question``'s answer ``value``.

    For a choice question: the key of one of its options, given as the key or as the
    option's text in any case or spacing (a JSON import names the text), so the condition
    keeps working whatever the case and when the option is renamed. For a scale or agree
    question: a number in range. Raises ValidationError (with the valid answers) otherwise.
    """
    kind = condition_question.kind
    if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        return _choice_condition(condition_question, value)
    wanted = normal(value)
    if kind in (QuestionKind.LIKERT, QuestionKind.SCALE):
        low, high = (1, 5) if kind == QuestionKind.LIKERT else (SCALE_MIN, SCALE_MAX)
        if wanted.isascii() and wanted.isdigit() and low <= int(wanted) <= high:
            return str(int(wanted))
        raise ValidationError(
            _("Enter a number from %(low)s to %(high)s.") % {"low": low, "high": high}
        )
    raise ValidationError(
        _("Only a choice, scale or agree question can decide whether another is shown.")
    )


def matches_condition(question: Question, value: Any) -> bool:
    """Whether the answer ``value`` to ``question.condition_question`` shows ``question``.

    A choice condition holds an option's key; the answer holds the option's text, so the
    key is looked up in the question's options (compared without regard to case)."""
    condition = question.condition_question
    if value is None or condition is None:
        return False
    if isinstance(value, dict):
        if question.condition_value == OTHER_KEY:
            return bool(value.get("other"))
        text = dict(zip(condition.option_keys, condition.options, strict=False)).get(
            question.condition_value
        )
        return text is not None and normal(text) in {
            normal(choice) for choice in value.get("choices", [])
        }
    if isinstance(value, list):
        return False
    return str(value).strip() == question.condition_value


def visible_questions(questions: list[Question], answers: dict[int, Any]) -> list[Question]:
    """The questions a respondent sees, given their answers so far (by question id)."""
    return [
        question
        for question in questions
        if question.condition_question_id is None
        or matches_condition(question, answers.get(question.condition_question_id))
    ]


def likert_label(number: int) -> str:
    return str(dict(LIKERT_LABELS).get(number, number))


def answer_text(question: Question, value: Any) -> str:
    """An answer as plain text, for exports and lists."""
    if value is None:
        return ""
    if question.kind == QuestionKind.LIKERT and isinstance(value, int):
        return f"{value} – {likert_label(value)}"
    if isinstance(value, dict):
        parts = list(value.get("choices", []))
        if value.get("other"):
            parts.append(_("Other: %(text)s") % {"text": value["other"]})
        return "; ".join(parts)
    if isinstance(value, list):
        return "; ".join(f"{index}. {item}" for index, item in enumerate(value, start=1))
    return str(value)
