"""Writes of the baseline app: maturity models, assessments, respondents and answers."""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts.models import User
from baseline.default_model import DEFAULT_MODEL, DEFAULT_MODEL_KEY
from baseline.models import (
    EXCHANGE_FORMAT,
    MAX_LEVELS,
    Answer,
    AnswerOption,
    Assessment,
    AssessmentStatus,
    Dimension,
    DimensionScore,
    Level,
    LevelDescriptor,
    MaturityModel,
    ModelVersion,
    Question,
    Respondent,
    RespondentRole,
)
from baseline.selectors import model_version_export
from baseline.tasks import assessment_scheduled_reminder, respondent_invitations_send
from engagements.invitations import DEFAULT_REMINDER_DAYS, reminder_schedule
from engagements.models import Engagement
from engagements.saving import full_save
from engagements.tokens import new_token

# --- Maturity models -----------------------------------------------------------------


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise ValidationError(message)


def _text(value: Any, what: str, *, required: bool = True) -> str:
    if value is None and not required:
        return ""
    _require(isinstance(value, str), _("%(what)s must be text.") % {"what": what})
    text = str(value).strip()
    _require(not required or bool(text), _("%(what)s is missing.") % {"what": what})
    return text


def model_data_validate(*, data: Any) -> None:
    """Check the structure of a model in the JSON exchange format; ValidationError if wrong.

    Every dimension needs a description per level and every question one option per
    level, so that each answer anchors to exactly one level.
    """
    _require(isinstance(data, dict), _("The file does not contain a maturity model."))
    _require(
        data.get("format") == EXCHANGE_FORMAT,
        _("The file is not a maturity model export of this portal."),
    )
    model = data.get("model")
    _require(isinstance(model, dict), _("The model's name and key are missing."))
    _text(model.get("key"), _("The model's key"))
    _text(model.get("name"), _("The model's name"))
    levels = data.get("levels")
    _require(
        isinstance(levels, list) and 2 <= len(levels) <= 9,
        _("A model needs between 2 and 9 levels."),
    )
    numbers = [level.get("number") if isinstance(level, dict) else None for level in levels]
    _require(
        numbers == list(range(1, len(levels) + 1)),
        _("Levels must be numbered 1, 2, 3 … in order."),
    )
    for level in levels:
        _text(level.get("name"), _("The name of level %(number)s") % {"number": level["number"]})
    dimensions = data.get("dimensions")
    _require(
        isinstance(dimensions, list) and len(dimensions) >= 1,
        _("A model needs at least one dimension."),
    )
    keys = set()
    for dimension in dimensions:
        _require(isinstance(dimension, dict), _("A dimension is not described correctly."))
        key = _text(dimension.get("key"), _("A dimension's key"))
        _require(key not in keys, _("The dimension key %(key)s appears twice.") % {"key": key})
        keys.add(key)
        name = _text(dimension.get("name"), _("The name of dimension %(key)s") % {"key": key})
        descriptors = dimension.get("descriptors")
        _require(
            isinstance(descriptors, list) and len(descriptors) == len(levels),
            _("Dimension %(name)s needs one description per level.") % {"name": name},
        )
        questions = dimension.get("questions")
        _require(
            isinstance(questions, list) and len(questions) >= 1,
            _("Dimension %(name)s needs at least one question.") % {"name": name},
        )
        question_keys = set()
        for question in questions:
            _require(isinstance(question, dict), _("A question is not described correctly."))
            text = _text(question.get("text"), _("A question of %(name)s") % {"name": name})
            question_key = _text(question.get("key"), _("The key of “%(text)s”") % {"text": text})
            _require(
                question_key not in question_keys,
                _("The question key %(key)s appears twice in %(name)s.")
                % {"key": question_key, "name": name},
            )
            question_keys.add(question_key)
            options = question.get("options")
            _require(
                isinstance(options, list)
                and len(options) == len(levels)
                and all(isinstance(option, str) and option.strip() for option in options),
                _("Question “%(text)s” needs one answer option per level.") % {"text": text},
            )


@transaction.atomic
def model_import(*, data: dict[str, Any], changelog: str = "") -> ModelVersion:
    """Create a model version from the JSON exchange format.

    A new key creates a new model; a known key adds the next version to that model, so
    importing (or editing) never changes a version that assessments were taken on.
    """
    model_data_validate(data=data)
    model_info = data["model"]
    model = MaturityModel.objects.select_for_update().filter(key=model_info["key"]).first()
    if model is None:
        model = full_save(
            MaturityModel(
                key=model_info["key"],
                name=model_info["name"].strip(),
                description=(model_info.get("description") or "").strip(),
            )
        )
    else:
        model.name = model_info["name"].strip()
        model.description = (model_info.get("description") or "").strip()
        full_save(model)
    number = (model.versions.aggregate(highest=Max("number"))["highest"] or 0) + 1
    version = full_save(
        ModelVersion(
            model=model,
            number=number,
            changelog=changelog or (data.get("version") or {}).get("changelog", ""),
        )
    )
    for level in data["levels"]:
        full_save(
            Level(
                version=version,
                number=level["number"],
                name=level["name"].strip(),
                description=(level.get("description") or "").strip(),
            )
        )
    for order, item in enumerate(data["dimensions"], start=1):
        dimension = full_save(
            Dimension(
                version=version,
                key=item["key"],
                order=order,
                name=item["name"].strip(),
                description=(item.get("description") or "").strip(),
                sources=(item.get("sources") or "").strip(),
            )
        )
        for level_number, text in enumerate(item["descriptors"], start=1):
            full_save(LevelDescriptor(dimension=dimension, level=level_number, description=text))
        for question_order, question_item in enumerate(item["questions"], start=1):
            question = full_save(
                Question(
                    dimension=dimension,
                    key=question_item["key"],
                    order=question_order,
                    text=question_item["text"].strip(),
                    help_text=(question_item.get("help_text") or "").strip(),
                )
            )
            AnswerOption.objects.bulk_create(
                [
                    AnswerOption(question=question, level=level_number, text=text.strip())
                    for level_number, text in enumerate(question_item["options"], start=1)
                ]
            )
    return version


# --- The maturity-model editor: every save is a new version --------------------------------


def _unique_key(text: str, taken: set[str], *, limit: int, fallback: str) -> str:
    base = (slugify(text)[: limit - 4].strip("-")) or fallback
    key, number = base, 2
    while key in taken:
        key, number = f"{base}-{number}", number + 1
    return key


@transaction.atomic
def model_levels_edit(
    *,
    version: ModelVersion,
    name: str,
    description: str,
    levels: list[dict[str, str]],
    changelog: str = "",
) -> ModelVersion:
    """Saves the model's name, description and level names as its next version.

    ``levels`` has a name and a description per level, in order; the number of levels
    stays (every descriptor and answer option is anchored to one)."""
    data = model_version_export(version=version)
    if len(levels) != len(data["levels"]):
        raise ValidationError(_("The number of levels cannot change here."))
    data["model"].update(name=name, description=description)
    for level, edited in zip(data["levels"], levels, strict=True):
        level.update(name=edited["name"], description=edited.get("description", ""))
    return model_import(data=data, changelog=changelog)


def _questions_with_keys(questions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    taken = {str(question.get("key") or "") for question in questions} - {""}
    cleaned = []
    for question in questions:
        key = str(question.get("key") or "")
        if not key:
            key = _unique_key(question["text"], taken, limit=60, fallback="vraag")
            taken.add(key)
        cleaned.append(
            {
                "key": key,
                "text": question["text"],
                "help_text": question.get("help_text", ""),
                "options": list(question["options"]),
            }
        )
    return cleaned


@transaction.atomic
def model_dimension_edit(
    *,
    version: ModelVersion,
    dimension_key: str | None,
    dimension: dict[str, Any],
    changelog: str = "",
) -> ModelVersion:
    """Saves one dimension (a new one when ``dimension_key`` is None) as the next version.

    ``dimension`` holds name, description, sources, one descriptor per level and its
    questions (key, text, help_text, one option per level); a question without a key is
    new and gets one made from its text. Keys of existing dimensions never change."""
    data = model_version_export(version=version)
    keys = [item["key"] for item in data["dimensions"]]
    if dimension_key is not None and dimension_key not in keys:
        raise ValidationError(_("This dimension is not part of this version."))
    edited = {
        "key": dimension_key
        or _unique_key(dimension["name"], set(keys), limit=40, fallback="dimensie"),
        "name": dimension["name"],
        "description": dimension.get("description", ""),
        "sources": dimension.get("sources", ""),
        "descriptors": list(dimension["descriptors"]),
        "questions": _questions_with_keys(list(dimension["questions"])),
    }
    if dimension_key is None:
        data["dimensions"].append(edited)
    else:
        data["dimensions"][keys.index(dimension_key)] = edited
    return model_import(data=data, changelog=changelog)


@transaction.atomic
def model_dimension_remove(
    *, version: ModelVersion, dimension_key: str, changelog: str = ""
) -> ModelVersion:
    """Saves the model without one dimension as its next version."""
    data = model_version_export(version=version)
    remaining = [item for item in data["dimensions"] if item["key"] != dimension_key]
    if len(remaining) == len(data["dimensions"]):
        raise ValidationError(_("This dimension is not part of this version."))
    data["dimensions"] = remaining
    return model_import(data=data, changelog=changelog)


@transaction.atomic
def model_dimensions_order(
    *, version: ModelVersion, keys: list[str], changelog: str = ""
) -> ModelVersion:
    """Saves the model with its dimensions in the order of ``keys`` as its next version
    (the results, the report and the questionnaire follow this order)."""
    data = model_version_export(version=version)
    by_key = {item["key"]: item for item in data["dimensions"]}
    if sorted(keys) != sorted(by_key):
        raise ValidationError(_("The dimensions on this page no longer match. Reload the page."))
    if keys == [item["key"] for item in data["dimensions"]]:
        raise ValidationError(_("The order has not changed."))
    data["dimensions"] = [by_key[key] for key in keys]
    return model_import(data=data, changelog=changelog)


@transaction.atomic
def model_level_add(
    *, version: ModelVersion, name: str, description: str = "", changelog: str = ""
) -> ModelVersion:
    """Saves the model with a level above its highest as its next version.

    Every question gets the new level's name as its answer option for that level, and every
    dimension "To be described: <name>" as its description: the consultant rewrites both in
    the dimension editor (the page that adds the level says so)."""
    data = model_version_export(version=version)
    if len(data["levels"]) >= MAX_LEVELS:
        raise ValidationError(_("A model has at most %(count)s levels.") % {"count": MAX_LEVELS})
    name = name.strip()
    data["levels"].append(
        {"number": len(data["levels"]) + 1, "name": name, "description": description.strip()}
    )
    to_describe = _("To be described: %(name)s") % {"name": name}
    for dimension in data["dimensions"]:
        dimension["descriptors"].append(to_describe)
        for question in dimension["questions"]:
            question["options"].append(name)
    return model_import(data=data, changelog=changelog)


@transaction.atomic
def model_level_remove(*, version: ModelVersion, changelog: str = "") -> ModelVersion:
    """Saves the model without its highest level (its descriptions and answer options go
    with it) as its next version; assessments taken on earlier versions keep theirs."""
    data = model_version_export(version=version)
    if len(data["levels"]) <= 2:
        raise ValidationError(_("A model needs at least two levels."))
    data["levels"].pop()
    for dimension in data["dimensions"]:
        dimension["descriptors"].pop()
        for question in dimension["questions"]:
            question["options"].pop()
    return model_import(data=data, changelog=changelog)


@transaction.atomic
def default_model_ensure() -> ModelVersion:
    """The shipped default model's first version, created if it does not exist yet."""
    existing = (
        ModelVersion.objects.filter(
            model__key=DEFAULT_MODEL_KEY, number=DEFAULT_MODEL["version"]["number"]
        )
        .select_related("model")
        .first()
    )
    if existing is not None:
        return existing
    return model_import(data=DEFAULT_MODEL)


# --- Assessments -----------------------------------------------------------------------


@transaction.atomic
def assessment_create(
    *,
    engagement: Engagement,
    version: ModelVersion,
    title: str,
    measured_on: datetime.date,
    respondent_chart_announced: bool = False,
    deadline: datetime.datetime | None = None,
    reminder_days_before: int | None = DEFAULT_REMINDER_DAYS,
    invitation_message: str = "",
    base_url: str = "",
) -> Assessment:
    assessment = Assessment(
        engagement=engagement,
        version=version,
        title=title,
        measured_on=measured_on,
        respondent_chart_announced=respondent_chart_announced,
        deadline=deadline,
        reminder_days_before=reminder_days_before,
        invitation_message=invitation_message,
    )
    full_save(assessment)
    if base_url:
        assessment_reminder_schedule(assessment=assessment, base_url=base_url)
    return assessment


def assessment_reminder_schedule(
    *, assessment: Assessment, base_url: str
) -> datetime.datetime | None:
    """Schedule the automatic reminder before the deadline (engagements/invitations.py)."""
    return reminder_schedule(
        assessment_scheduled_reminder,
        pk=assessment.pk,
        deadline=assessment.deadline,
        days=assessment.reminder_days_before,
        base_url=base_url,
    )


@transaction.atomic
def assessment_schedule_update(
    *,
    assessment: Assessment,
    deadline: datetime.datetime | None,
    reminder_days_before: int | None,
    base_url: str = "",
) -> Assessment:
    """Changes the deadline and the automatic reminder after creation. A reminder already
    scheduled for the old date or number of days is skipped when it comes due (the task
    checks both); a new one is scheduled for the new ones."""
    if assessment.status == AssessmentStatus.CLOSED:
        raise ValidationError(_("This assessment is closed; reopen it first."))
    before = (assessment.deadline, assessment.reminder_days_before)
    assessment.deadline = deadline
    assessment.reminder_days_before = reminder_days_before
    full_save(assessment)
    if base_url and before != (deadline, reminder_days_before):
        assessment_reminder_schedule(assessment=assessment, base_url=base_url)
    return assessment


@transaction.atomic
def assessment_close(*, assessment: Assessment) -> Assessment:
    """Complete the assessment: no more answers; it counts for repeat and peer results."""
    if assessment.status == AssessmentStatus.CLOSED:
        return assessment
    assessment.status = AssessmentStatus.CLOSED
    assessment.closed_at = timezone.now()
    return full_save(assessment)


@transaction.atomic
def assessment_reopen(*, assessment: Assessment) -> Assessment:
    assessment.status = AssessmentStatus.OPEN
    assessment.closed_at = None
    return full_save(assessment)


def _next_respondent_number(assessment: Assessment) -> int:
    Assessment.objects.select_for_update().filter(pk=assessment.pk).first()
    highest = assessment.respondents.aggregate(highest=Max("number"))["highest"]
    return (highest or 0) + 1


@transaction.atomic
def respondent_invite(
    *,
    assessment: Assessment,
    name: str = "",
    email: str = "",
    role: str = RespondentRole.OTHER,
    base_url: str = "",
) -> Respondent:
    """A respondent with a personal link (no account needed), e-mailed to them in the
    background when there is an address (and a ``base_url`` to build the link from)."""
    if not assessment.is_open:
        raise ValidationError(_("This assessment is completed; no one can be invited anymore."))
    respondent = Respondent(
        assessment=assessment,
        number=_next_respondent_number(assessment),
        name=name.strip(),
        email=email.strip(),
        role=role,
    )
    respondent.token = new_token()
    full_save(respondent)
    if respondent.email and base_url:
        _enqueue_respondent_mails([respondent.pk], base_url)
    return respondent


def _enqueue_respondent_mails(respondent_ids: list[int], base_url: str) -> None:
    transaction.on_commit(
        lambda: respondent_invitations_send.enqueue(respondent_ids, base_url, False)
    )


@transaction.atomic
def respondent_invitation_resend(*, respondent: Respondent, base_url: str) -> Respondent:
    """E-mail the personal link again (a refused address, a lost e-mail)."""
    if not respondent.email:
        raise ValidationError(_("This respondent has no e-mail address."))
    if respondent.submitted_at is not None:
        raise ValidationError(_("This respondent has already completed the questionnaire."))
    _enqueue_respondent_mails([respondent.pk], base_url)
    return respondent


@transaction.atomic
def respondent_join(*, assessment: Assessment, user: User, role: str = "") -> Respondent:
    """Logged-in organisation staff answer as themselves; joining twice returns the same one."""
    existing = Respondent.objects.filter(assessment=assessment, user=user).first()
    if existing is not None:
        return existing
    if not assessment.is_open:
        raise ValidationError(_("This assessment is completed; it can no longer be filled in."))
    respondent = Respondent(
        assessment=assessment,
        number=_next_respondent_number(assessment),
        name=str(user),
        email=user.email,
        role=role or RespondentRole.OTHER,
        user=user,
    )
    respondent.token = new_token()
    return full_save(respondent)


@transaction.atomic
def answer_save(
    *,
    respondent: Respondent,
    question: Question,
    level: int | None,
    dont_know: bool = False,
    comment: str = "",
    may_quote: bool = False,
) -> Answer:
    """Save (or overwrite) one answer; autosave calls this on every change."""
    assessment = respondent.assessment
    if not assessment.is_open:
        raise ValidationError(_("This assessment is completed; answers can no longer change."))
    if question.dimension.version_id != assessment.version_id:
        raise ValidationError(_("This question does not belong to this assessment."))
    if level is not None and dont_know:
        raise ValidationError(_("Choose a level or “don't know”, not both."))
    if level is not None and not question.options.filter(level=level).exists():
        raise ValidationError(_("Choose one of the levels shown."))
    comment = comment.strip()
    answer, _created = Answer.objects.select_for_update().get_or_create(
        respondent=respondent, question=question
    )
    answer.level = level
    answer.dont_know = dont_know
    answer.comment = comment
    answer.may_quote = may_quote and bool(comment)
    return full_save(answer)


@transaction.atomic
def respondent_submit(*, respondent: Respondent) -> Respondent:
    """Hand in the answers; every question needs a level or "don't know"."""
    assessment = respondent.assessment
    if not assessment.is_open:
        raise ValidationError(_("This assessment is completed; answers can no longer change."))
    total = Question.objects.filter(dimension__version_id=assessment.version_id).count()
    answered = (
        respondent.answers.filter(question__dimension__version_id=assessment.version_id)
        .exclude(level__isnull=True, dont_know=False)
        .count()
    )
    if answered < total:
        raise ValidationError(
            _("%(count)s questions still need an answer (a level or “don't know”).")
            % {"count": total - answered}
        )
    respondent.submitted_at = timezone.now()
    return full_save(respondent)


@transaction.atomic
def dimension_score_set(
    *,
    assessment: Assessment,
    dimension: Dimension,
    target_level: int | None,
    consensus_level: int | None,
    consensus_reason: str = "",
) -> DimensionScore:
    """Record the target and, after a joint session, the agreed level with its reason."""
    if dimension.version_id != assessment.version_id:
        raise ValidationError(_("This dimension does not belong to this assessment."))
    level_count = Level.objects.filter(version_id=assessment.version_id).count()
    for value in (target_level, consensus_level):
        if value is not None and not 1 <= value <= level_count:
            raise ValidationError(_("Choose a level from 1 to %(count)s.") % {"count": level_count})
    consensus_reason = consensus_reason.strip()
    if consensus_level is not None and not consensus_reason:
        raise ValidationError(_("Give the reason for the agreed level."))
    score, _created = DimensionScore.objects.select_for_update().get_or_create(
        assessment=assessment, dimension=dimension
    )
    score.target_level = target_level
    score.consensus_level = consensus_level
    score.consensus_reason = consensus_reason
    return full_save(score)


@transaction.atomic
def dimension_scores_set(
    *, assessment: Assessment, scores: list[tuple[Dimension, dict[str, Any]]]
) -> list[DimensionScore]:
    """Record the targets and agreed levels of several dimensions at once: all or none."""
    return [
        dimension_score_set(assessment=assessment, dimension=dimension, **fields)
        for dimension, fields in scores
    ]


# --- Privacy (AVG) -----------------------------------------------------------------------


@transaction.atomic
def unfinished_answers_purge(*, older_than: datetime.datetime) -> int:
    """Delete the answers of respondents who never handed in and last changed an answer
    before ``older_than``; the invitation itself stays. Returns the respondents affected."""
    stale = list(
        Respondent.objects.filter(submitted_at__isnull=True)
        .annotate(last_change=Max("answers__updated_at"))
        .filter(last_change__lt=older_than)
        .values_list("pk", flat=True)
    )
    Answer.objects.filter(respondent_id__in=stale).delete()
    return len(stale)


@transaction.atomic
def respondent_personal_data_purge(*, engagement: Engagement) -> int:
    """Remove names, e-mail addresses and accounts of the engagement's respondents and
    invalidate their personal links; the anonymous answers and results remain."""
    respondents = list(Respondent.objects.filter(assessment__engagement=engagement))
    for respondent in respondents:
        respondent.name = ""
        respondent.email = ""
        respondent.user = None
        respondent.token_revoke()
    Respondent.objects.bulk_update(
        respondents, ["name", "email", "user", "token_hash", "token_sealed"]
    )
    return len(respondents)
