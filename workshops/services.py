"""Writes of the workshop app. Every change a screen must show pushes the new state on commit."""

import datetime
import io
import secrets
from collections.abc import Callable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from engagements.models import Engagement
from engagements.tokens import new_token, token_hash
from reporting.formatting import format_number
from workshops import defaults
from workshops.live import schedule_push
from workshops.models import (
    MAX_CONTRIBUTIONS_PER_PARTICIPANT,
    MAX_POLL_OPTIONS,
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
    Part,
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
from workshops.tallies import normalise_text, ranking_order, ranking_points

# No 0/O or 1/I/L: codes are read from a projector at the back of the room.
JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 6
MAX_TIMER_MINUTES = 120


def _changed(session_id: int) -> None:
    """Raise the session's version (the screens reload what they show) and push on commit."""
    Session.objects.filter(pk=session_id).update(version=F("version") + 1)
    schedule_push(session_id)


# --- Default content ---------------------------------------------------------------------


@transaction.atomic
def default_content_ensure() -> int:
    """Create the shared gallery's default examples that are missing; return how many."""
    existing = set(Example.objects.filter(engagement__isnull=True).values_list("title", flat=True))
    created = 0
    for data in defaults.DEFAULT_EXAMPLES:
        if data["title"] in existing:
            continue
        example = Example(
            title=data["title"],
            municipality=data["municipality"],
            task=data["task"],
            complexity=data["complexity"],
            summary=data["summary"],
            data_used=data["data_used"],
            benefits=data["benefits"],
            source_name=data["source_name"],
            source_url=data["source_url"],
            sample_chart=data["chart"],
        )
        example.full_clean()
        example.save()
        created += 1
    return created


@transaction.atomic
def own_product_create(
    *,
    engagement: Engagement,
    title: str,
    task: str,
    complexity: str,
    summary: str,
    data_used: str = "",
    benefits: str = "",
    source_name: str = "",
    source_url: str = "",
    sample_chart: dict[str, Any] | None = None,
) -> Example:
    """An information product the client already has, shown in its own sessions only."""
    example = Example(
        engagement=engagement,
        title=title,
        municipality=engagement.organisation.name,
        task=task,
        complexity=complexity,
        summary=summary,
        data_used=data_used,
        benefits=benefits,
        source_name=source_name,
        source_url=source_url,
        sample_chart=sample_chart or {},
    )
    example.full_clean()
    example.save()
    return example


# The largest picture a projector needs; bigger uploads are scaled down (never up).
PICTURE_MAX_SIZE = (1600, 1000)


def _picture_resized(upload: File[Any]) -> tuple[bytes, str]:
    """The upload as a PNG or JPEG of at most PICTURE_MAX_SIZE, upright, without metadata
    (a phone photo's EXIF can hold a location). Refuses anything else."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        upload.seek(0)
        with Image.open(upload) as opened:
            kind = opened.format
            if kind not in ("PNG", "JPEG"):
                raise ValidationError(_("Choose a PNG or JPEG file."))
            opened.load()
            image = ImageOps.exif_transpose(opened)
            image.thumbnail(PICTURE_MAX_SIZE)
            buffer = io.BytesIO()
            if kind == "JPEG":
                image.convert("RGB").save(buffer, format="JPEG", quality=85, optimize=True)
                return buffer.getvalue(), "jpg"
            image.save(buffer, format="PNG", optimize=True)
            return buffer.getvalue(), "png"
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise ValidationError(_("This file is not a PNG or JPEG picture.")) from error


@transaction.atomic
def example_picture_set(*, example: Example, upload: File[Any], alt: str) -> Example:
    """Give a gallery example a picture (resized) and the text that describes it."""
    alt = normalise_text(alt)
    if not alt:
        raise ValidationError(_("Describe what the picture shows."))
    content, extension = _picture_resized(upload)
    old = example.picture.name if example.picture else ""
    example.picture.save(f"voorbeeld-{example.pk}.{extension}", ContentFile(content), save=False)
    example.picture_alt = alt
    example.full_clean()
    example.save(update_fields=["picture", "picture_alt"])
    if old and old != example.picture.name:
        storage = example.picture.storage
        transaction.on_commit(lambda: storage.delete(old))
    return example


@transaction.atomic
def example_picture_remove(*, example: Example) -> Example:
    if example.picture and example.picture.name:
        name, storage = example.picture.name, example.picture.storage
        transaction.on_commit(lambda: storage.delete(name))
    example.picture = ""
    example.picture_alt = ""
    example.save(update_fields=["picture", "picture_alt"])
    return example


# --- Sessions and their agenda -----------------------------------------------------------


def _unique_join_code() -> str:
    for _attempt in range(20):
        code = "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))
        if not Session.objects.filter(join_code=code).exists():
            return code
    raise RuntimeError("No free join code found")  # pragma: no cover - 31^6 codes


def _add_item(session: Session, **fields: Any) -> AgendaItem:
    last = session.items.aggregate(last=Max("position"))["last"]
    item = AgendaItem(session=session, position=(last or 0) + 1, **fields)
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def session_create(
    *, engagement: Engagement, title: str, held_on: datetime.date, with_defaults: bool = True
) -> Session:
    """A new session; with defaults its agenda holds the default slides, the survey's
    results, examples (the client's own products included), statements, vision and
    ambassadors."""
    session = Session(
        engagement=engagement, title=title, held_on=held_on, join_code=_unique_join_code()
    )
    session.full_clean()
    session.save()
    if not with_defaults:
        return session
    default_content_ensure()
    for slide in defaults.DEFAULT_SLIDES:
        _add_item(
            session, part=Part.INTRODUCTION, kind=ItemKind.SLIDE, title=slide["title"],
            body=slide["body"],
        )  # fmt: skip
    _add_item(
        session,
        part=Part.INTRODUCTION,
        kind=ItemKind.QUESTION,
        title=defaults.DEFAULT_QUESTION_TITLE,
    )
    _add_item(
        session, part=Part.INTRODUCTION, kind=ItemKind.SURVEY, title=defaults.SURVEY_SLIDE_TITLE
    )
    _add_item(
        session, part=Part.INTRODUCTION, kind=ItemKind.POLL, title=defaults.DEFAULT_POLL["title"],
        options=list(defaults.DEFAULT_POLL["options"]),
    )  # fmt: skip
    shared = {
        example.title: example
        for example in Example.objects.filter(
            engagement__isnull=True, title__in=defaults.DEFAULT_SESSION_EXAMPLES
        )
    }
    picks = [shared[title] for title in defaults.DEFAULT_SESSION_EXAMPLES if title in shared]
    own = list(Example.objects.filter(engagement=engagement).order_by("title"))
    # Mix the client's own products in between the others ("dat hebben we al!").
    for index, example in enumerate(own):
        picks.insert(min(len(picks), 2 * index + 1), example)
    for example in picks:
        _add_item(
            session, part=Part.EXAMPLES, kind=ItemKind.EXAMPLE, title=example.title,
            example=example,
        )  # fmt: skip
    for text in defaults.DEFAULT_STATEMENTS:
        _add_item(session, part=Part.STATEMENTS, kind=ItemKind.STATEMENT, title=text)
    _add_item(
        session, part=Part.STATEMENTS, kind=ItemKind.IDEAS, title=defaults.DEFAULT_IDEAS_TITLE
    )
    _add_item(session, part=Part.VISION, kind=ItemKind.VISION, title=defaults.DEFAULT_VISION_TITLE)
    _add_item(
        session, part=Part.VISION, kind=ItemKind.RANKING, title=defaults.DEFAULT_RANKING_TITLE
    )
    _add_item(
        session,
        part=Part.AMBASSADORS,
        kind=ItemKind.AMBASSADORS,
        title=defaults.DEFAULT_AMBASSADOR_TITLE,
    )
    return session


def _renumber(session: Session, items: list[AgendaItem]) -> None:
    """Give the items positions 1..n in the given order without breaking uniqueness."""
    offset = 10_000
    AgendaItem.objects.filter(session=session).update(position=F("position") + offset)
    for index, item in enumerate(items, start=1):
        item.position = index
    AgendaItem.objects.bulk_update(items, ["position"])


def _ordered(session: Session) -> list[AgendaItem]:
    items = list(session.items.all())
    part_rank: dict[str, int] = {part: rank for rank, part in enumerate(PART_ORDER)}
    return sorted(items, key=lambda item: (part_rank[item.part], item.position))


# The part of the session a new item of each kind goes to (at the end of that part).
KIND_PART: dict[str, Part] = {
    ItemKind.SLIDE: Part.INTRODUCTION,
    ItemKind.QUESTION: Part.INTRODUCTION,
    ItemKind.POLL: Part.INTRODUCTION,
    ItemKind.STATEMENT: Part.STATEMENTS,
    ItemKind.IDEAS: Part.STATEMENTS,
    ItemKind.RANKING: Part.VISION,
}


def poll_options_clean(options: list[str]) -> list[str]:
    """The poll's options: trimmed, without empty lines, two to eight, each once."""
    cleaned = [normalise_text(option)[:100] for option in options if normalise_text(option)]
    if not 2 <= len(cleaned) <= MAX_POLL_OPTIONS:
        raise ValidationError(
            _("Give a poll between 2 and %(max)s options, one per line.")
            % {"max": MAX_POLL_OPTIONS}
        )
    if len({option.casefold() for option in cleaned}) != len(cleaned):
        raise ValidationError(_("Give every option of the poll only once."))
    return cleaned


@transaction.atomic
def item_create(
    *,
    session: Session,
    kind: str,
    title: str,
    body: str = "",
    options: list[str] | None = None,
    part: str = "",
    presenter_notes: str = "",
) -> AgendaItem:
    """A slide, statement, open question, poll, ideas or ranking, added at the end of its
    part (the kind's own part unless another is given)."""
    if kind not in KIND_PART:
        raise ValidationError(_("This kind of item cannot be added here."))
    if kind == ItemKind.POLL:
        options = poll_options_clean(options or [])
    else:
        options = []
    item = _add_item(
        session,
        part=part or KIND_PART[kind],
        kind=kind,
        title=title,
        body=body,
        options=options,
        presenter_notes=presenter_notes,
    )
    _renumber(session, _ordered(session))
    _changed(session.pk)
    return item


@transaction.atomic
def item_update(
    *,
    item: AgendaItem,
    title: str,
    body: str = "",
    options: list[str] | None = None,
    presenter_notes: str | None = None,
) -> AgendaItem:
    item.title = title
    item.body = body
    fields = ["title", "body"]
    if presenter_notes is not None:
        item.presenter_notes = presenter_notes
        fields.append("presenter_notes")
    if item.kind == ItemKind.POLL and options is not None:
        cleaned = poll_options_clean(options)
        if item.poll_votes.filter(option__gte=len(cleaned)).exists():
            raise ValidationError(
                _("Participants chose an option you took out; keep at least %(count)s options.")
                % {"count": len(item.options)}
            )
        item.options = cleaned
        fields.append("options")
    item.full_clean()
    item.save(update_fields=fields)
    _changed(item.session_id)
    return item


@transaction.atomic
def item_delete(*, item: AgendaItem) -> None:
    session = item.session
    if item.votes.exists():
        raise ValidationError(_("This statement has votes; it is kept for the report."))
    if item.contributions.exists() or item.poll_votes.exists() or item.ballots.exists():
        raise ValidationError(_("Participants answered this item; it is kept for the report."))
    Session.objects.filter(pk=session.pk, current_item=item).update(current_item=None)
    item.delete()
    _renumber(session, _ordered(session))
    _changed(session.pk)


@transaction.atomic
def item_move(*, item: AgendaItem, up: bool) -> None:
    """Move an item one place up or down within its part."""
    session = item.session
    items = _ordered(session)
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = index - 1 if up else index + 1
    if 0 <= target < len(items) and items[target].part == item.part:
        items[index], items[target] = items[target], items[index]
        _renumber(session, items)
        _changed(session.pk)


@transaction.atomic
def example_toggle(*, session: Session, example: Example) -> bool:
    """Add the example to the session's examples, or take it out; True when added."""
    if example.engagement_id not in (None, session.engagement_id):
        raise ValidationError(_("This product belongs to another engagement."))
    existing = session.items.filter(example=example).first()
    if existing is not None:
        if existing.marks.exists():
            raise ValidationError(_("Participants marked this example; it is kept."))
        item_delete(item=existing)
        return False
    _add_item(
        session, part=Part.EXAMPLES, kind=ItemKind.EXAMPLE, title=example.title, example=example
    )
    _renumber(session, _ordered(session))
    _changed(session.pk)
    return True


# --- Running the session ------------------------------------------------------------------


def _lock(session: Session) -> Session:
    return Session.objects.select_for_update().get(pk=session.pk)


def _session_set(session: Session, **fields: Any) -> Session:
    """Set fields of the locked session and push the screens (inside the caller's
    transaction)."""
    session = _lock(session)
    for name, value in fields.items():
        setattr(session, name, value)
    session.save(update_fields=list(fields))
    _changed(session.pk)
    return session


@transaction.atomic
def session_go(*, session: Session, item: AgendaItem | None) -> Session:
    """Show another item; voting on the item that was shown closes."""
    session = _lock(session)
    if item is not None and item.session_id != session.pk:
        raise ValidationError(_("This item belongs to another session."))
    if session.current_item_id and (item is None or session.current_item_id != item.pk):
        AgendaItem.objects.filter(pk=session.current_item_id).update(voting_open=False)
    if item is not None and item.pk != session.current_item_id and item.step:
        AgendaItem.objects.filter(pk=item.pk).update(step=0)
    session.current_item = item
    if session.status == SessionStatus.PREPARED and item is not None:
        session.status = SessionStatus.LIVE
    session.save(update_fields=["current_item", "status"])
    _changed(session.pk)
    return session


@transaction.atomic
def session_step(*, session: Session, forward: bool) -> Session:
    session = _lock(session)
    if survey_step(session=session, forward=forward):
        return session
    items = _ordered(session)
    if not items:
        return session
    ids = [item.pk for item in items]
    if session.current_item_id in ids:
        index = ids.index(session.current_item_id) + (1 if forward else -1)
    else:
        index = 0
    index = max(0, min(len(items) - 1, index))
    return session_go(session=session, item=items[index])


def _set_item(item: AgendaItem, **fields: Any) -> AgendaItem:
    for name, value in fields.items():
        setattr(item, name, value)
    item.full_clean()
    item.save(update_fields=list(fields))
    _changed(item.session_id)
    return item


def _require_votable(item: AgendaItem) -> None:
    if item.kind not in (ItemKind.STATEMENT, ItemKind.EXAMPLE, ItemKind.VISION, *RESPONSE_KINDS):
        raise ValidationError(_("There is nothing to vote on for this item."))


@transaction.atomic
def voting_open(*, item: AgendaItem) -> AgendaItem:
    _require_votable(item)
    return _set_item(item, voting_open=True, opened_at=timezone.now())


@transaction.atomic
def voting_close(*, item: AgendaItem) -> AgendaItem:
    item = _set_item(item, voting_open=False)
    if item.kind == ItemKind.RANKING and item.ballots.exists():
        ranking_priorities_apply(item=item)
    return item


@transaction.atomic
def results_reveal(*, item: AgendaItem) -> AgendaItem:
    return _set_item(item, results_revealed=True)


@transaction.atomic
def results_hide(*, item: AgendaItem) -> AgendaItem:
    return _set_item(item, results_revealed=False)


@transaction.atomic
def vote_round_start(*, item: AgendaItem) -> AgendaItem:
    """Vote again after the discussion; the earlier round's votes are kept."""
    if item.kind != ItemKind.STATEMENT:
        raise ValidationError(_("Only statements are voted on in rounds."))
    if not item.votes.filter(round_number=item.round_number).exists():
        raise ValidationError(_("This round has no votes yet; there is no need for a new one."))
    return _set_item(
        item,
        round_number=item.round_number + 1,
        voting_open=True,
        opened_at=timezone.now(),
        results_revealed=False,
    )


@transaction.atomic
def vote_reset(*, item: AgendaItem) -> int:
    """Remove the votes of the current round (for a false start); return how many."""
    if item.kind != ItemKind.STATEMENT:
        raise ValidationError(_("Only statements have votes to reset."))
    deleted, _detail = item.votes.filter(round_number=item.round_number).delete()
    _set_item(item, results_revealed=False)
    return deleted


@transaction.atomic
def notes_update(*, item: AgendaItem, notes: str) -> AgendaItem:
    if item.notes == notes:
        return item
    item.notes = notes
    item.full_clean()
    item.save(update_fields=["notes"])
    return item


@transaction.atomic
def timer_start(*, session: Session, minutes: float) -> Session:
    if not 0 < minutes <= MAX_TIMER_MINUTES:
        raise ValidationError(
            _("Enter a number of minutes between 1 and %(max)s.") % {"max": MAX_TIMER_MINUTES}
        )
    ends_at = timezone.now() + datetime.timedelta(minutes=minutes)
    return _session_set(session, timer_ends_at=ends_at)


@transaction.atomic
def timer_stop(*, session: Session) -> Session:
    return _session_set(session, timer_ends_at=None)


@transaction.atomic
def session_finish(*, session: Session) -> Session:
    session = _lock(session)
    if session.current_item_id:
        AgendaItem.objects.filter(pk=session.current_item_id).update(voting_open=False)
    session.status = SessionStatus.FINISHED
    session.timer_ends_at = None
    session.save(update_fields=["status", "timer_ends_at"])
    _changed(session.pk)
    return session


@transaction.atomic
def session_reopen(*, session: Session) -> Session:
    session = _lock(session)
    session.status = SessionStatus.LIVE
    session.save(update_fields=["status"])
    _changed(session.pk)
    return session


# --- Vision ------------------------------------------------------------------------------


@transaction.atomic
def vision_statement_add(
    *, session: Session, text: str, dimension_key: str = ""
) -> VisionStatement:
    session = _lock(session)
    last = session.vision_statements.aggregate(last=Max("position"))["last"]
    statement = VisionStatement(
        session=session, position=(last or 0) + 1, text=text.strip(), dimension_key=dimension_key
    )
    statement.full_clean()
    statement.save()
    _changed(session.pk)
    return statement


@transaction.atomic
def vision_statement_update(
    *, statement: VisionStatement, text: str, dimension_key: str = ""
) -> VisionStatement:
    """Reword a vision statement (prepared or drafted); its endorsements stay with it."""
    session = _lock(statement.session)
    if session.vision_adopted_at is not None:
        raise ValidationError(_("The vision has been adopted; reopen it to change a statement."))
    statement.text = text.strip()
    statement.dimension_key = dimension_key
    statement.full_clean()
    statement.save(update_fields=["text", "dimension_key"])
    _changed(session.pk)
    return statement


@transaction.atomic
def vision_statement_delete(*, statement: VisionStatement) -> None:
    session_id = statement.session_id
    statement.delete()
    _changed(session_id)


@transaction.atomic
def vision_priorities_set(*, session: Session, priorities: list[str]) -> Session:
    unknown = [key for key in priorities if key not in Dimension.values]
    if unknown or len(set(priorities)) != len(priorities):
        raise ValidationError(_("Choose each dimension at most once."))
    session = _lock(session)
    session.priorities = list(priorities)
    session.full_clean()
    session.save(update_fields=["priorities"])
    _changed(session.pk)
    return session


@transaction.atomic
def vision_adopt(*, session: Session) -> Session:
    session = _lock(session)
    if not session.vision_statements.exists():
        raise ValidationError(_("Draft at least one vision statement before adopting the vision."))
    session.vision_adopted_at = timezone.now()
    session.save(update_fields=["vision_adopted_at"])
    AgendaItem.objects.filter(session=session, kind=ItemKind.VISION).update(
        voting_open=False, results_revealed=True
    )
    _changed(session.pk)
    return session


@transaction.atomic
def vision_unadopt(*, session: Session) -> Session:
    return _session_set(session, vision_adopted_at=None)


# --- The facilitator's controls -------------------------------------------------------------

# A button of the facilitator: (session, current item, the form's data) -> what happened.
ControlHandler = Callable[[Session, AgendaItem | None, Mapping[str, Any]], str]


def _now_showing(session: Session) -> str:
    session.refresh_from_db(fields=["current_item"])
    item = session.current_item
    if item is None:
        return _("Nothing is shown on the projector.")
    return _("Now on the projector: %(title)s") % {"title": item.title}


def _require_item(item: AgendaItem | None) -> AgendaItem:
    if item is None:
        raise ValidationError(_("Choose an item of the agenda first."))
    return item


def _target_pk(data: Mapping[str, Any]) -> int:
    """The id of the button's target (an agenda item or vision statement); 0 when none."""
    target = data.get("target")
    return target if isinstance(target, int) else 0


def _control_goto(session: Session, item: AgendaItem | None, data: Mapping[str, Any]) -> str:
    target = AgendaItem.objects.filter(session=session, pk=_target_pk(data)).first()
    if target is None:
        raise ValidationError(_("This item belongs to another session."))
    session_go(session=session, item=target)
    return _now_showing(session)


def _control_step(forward: bool) -> ControlHandler:
    def step(session: Session, item: AgendaItem | None, data: Mapping[str, Any]) -> str:
        session_step(session=session, forward=forward)
        return _now_showing(session)

    return step


def _control_timer_start(session: Session, item: AgendaItem | None, data: Mapping[str, Any]) -> str:
    minutes = float(data["minutes"])
    timer_start(session=session, minutes=minutes)
    return _("The timer runs for %(minutes)s minutes.") % {
        "minutes": format_number(minutes, trim=True)
    }


def _control_vision_add(session: Session, item: AgendaItem | None, data: Mapping[str, Any]) -> str:
    vision_statement_add(
        session=session, text=data["vision_text"], dimension_key=data.get("dimension_key") or ""
    )
    return _("The vision statement has been added.")


def _control_vision_delete(
    session: Session, item: AgendaItem | None, data: Mapping[str, Any]
) -> str:
    statement = VisionStatement.objects.filter(session=session, pk=_target_pk(data)).first()
    if statement is not None:
        vision_statement_delete(statement=statement)
    return _("The vision statement has been removed.")


def _control_priorities(session: Session, item: AgendaItem | None, data: Mapping[str, Any]) -> str:
    vision_priorities_set(session=session, priorities=list(data.get("priorities") or []))
    return _("The priorities have been saved.")


def _control_open(session: Session, item: AgendaItem | None, data: Mapping[str, Any]) -> str:
    item = voting_open(item=_require_item(item))
    if item.kind in RESPONSE_KINDS:
        return _("Answering is open.")
    return _("Voting is open.")


def _control_close(session: Session, item: AgendaItem | None, data: Mapping[str, Any]) -> str:
    item = voting_close(item=_require_item(item))
    if item.kind in RESPONSE_KINDS:
        return _("Answering is closed.")
    return _("Voting is closed.")


def _control_new_round(session: Session, item: AgendaItem | None, data: Mapping[str, Any]) -> str:
    item = vote_round_start(item=_require_item(item))
    return _("Round %(number)s: voting is open again.") % {"number": item.round_number}


def _control_reset(session: Session, item: AgendaItem | None, data: Mapping[str, Any]) -> str:
    deleted = vote_reset(item=_require_item(item))
    return ngettext(
        "%(count)s vote of this round has been removed.",
        "%(count)s votes of this round have been removed.",
        deleted,
    ) % {"count": deleted}


def _simple(write: Callable[..., object], message: str, *, on: str = "session") -> ControlHandler:
    """A control that calls one service with the session (or the current item) and says
    ``message`` (an English msgid, translated when it runs)."""

    def control(session: Session, item: AgendaItem | None, data: Mapping[str, Any]) -> str:
        if on == "item":
            write(item=_require_item(item))
        else:
            write(session=session)
        return _(message)

    return control


# The facilitator's buttons (forms.ControlAction) and the service each one runs.
CONTROLS: dict[str, ControlHandler] = {
    "goto": _control_goto,
    "next": _control_step(True),
    "previous": _control_step(False),
    "open": _control_open,
    "close": _control_close,
    "reveal": _simple(
        results_reveal, gettext_noop("The results are shown on the projector."), on="item"
    ),
    "hide": _simple(
        results_hide, gettext_noop("The results are hidden on the projector."), on="item"
    ),
    "new_round": _control_new_round,
    "reset": _control_reset,
    "timer_start": _control_timer_start,
    "timer_stop": _simple(timer_stop, gettext_noop("The timer has stopped.")),
    "save_notes": lambda session, item, data: _("The notes have been saved."),
    "vision_add": _control_vision_add,
    "vision_delete": _control_vision_delete,
    "priorities": _control_priorities,
    "adopt": _simple(vision_adopt, gettext_noop("The vision has been adopted.")),
    "unadopt": _simple(vision_unadopt, gettext_noop("The vision has been reopened.")),
    "finish": _simple(session_finish, gettext_noop("The session has finished.")),
    "reopen": _simple(session_reopen, gettext_noop("The session has been reopened.")),
}


@transaction.atomic
def session_control(
    *, session: Session, action: str, data: Mapping[str, Any], notes: str | None = None
) -> str:
    """Run one of the facilitator's buttons; returns the sentence that says what happened.

    Every button posts the discussion notes too: they are saved first, on the item they
    were typed for (``data["notes_item"]``, else the current item), so nothing typed is lost
    whichever button was pressed.
    """
    handler = CONTROLS.get(action)
    if handler is None:
        raise ValidationError(_("Unknown action."))
    item = (
        AgendaItem.objects.filter(session=session, pk=session.current_item_id).first()
        if session.current_item_id
        else None
    )
    if notes is not None:
        notes_item = item
        if data.get("notes_item"):
            notes_item = AgendaItem.objects.filter(session=session, pk=data["notes_item"]).first()
        if notes_item is not None:
            notes_update(item=notes_item, notes=notes)
    return handler(session, item, data)


# --- Participants ------------------------------------------------------------------------


@transaction.atomic
def participant_join(
    *, session: Session, name: str = "", department: str = ""
) -> tuple[Participant, str]:
    """A new participant and the token for their cookie (only its hash is stored)."""
    if session.status == SessionStatus.FINISHED:
        raise ValidationError(_("This session has finished."))
    token = new_token()
    participant = Participant(
        session=session,
        token_hash=token_hash(token),
        name=name.strip(),
        department=department.strip(),
    )
    participant.full_clean()
    participant.save()
    schedule_push(session.pk)
    return participant, token


def _require_open(item: AgendaItem, participant: Participant, kind: str) -> None:
    if item.session_id != participant.session_id or item.kind != kind:
        raise ValidationError(_("This is not the current question of your session."))
    if not item.voting_open:
        raise ValidationError(
            _("Voting is closed.") if item.opened_at else _("Voting is not open yet.")
        )


def vote_cast(*, item: AgendaItem, participant: Participant, value: int) -> Vote:
    """Record the participant's vote in the current round; a second vote replaces the first.

    The database's unique constraint makes it one vote per participant, statement and round
    even when two requests of the same phone race: the loser retries as an update.
    """
    if value not in (1, 2, 3, 4, 5):
        raise ValidationError(_("Choose one of the five answers."))
    for attempt in range(3):
        try:
            with transaction.atomic():
                item = AgendaItem.objects.get(pk=item.pk)
                _require_open(item, participant, ItemKind.STATEMENT)
                vote, _created = Vote.objects.update_or_create(
                    item=item,
                    participant=participant,
                    round_number=item.round_number,
                    defaults={"value": value},
                )
                schedule_push(item.session_id)
                return vote
        except IntegrityError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


@transaction.atomic
def example_mark_set(*, item: AgendaItem, participant: Participant, relevant: bool) -> None:
    """Mark (or unmark) an example as relevant for the participant's own department."""
    if item.session_id != participant.session_id or item.kind != ItemKind.EXAMPLE:
        raise ValidationError(_("This is not the current question of your session."))
    if relevant:
        ExampleMark.objects.get_or_create(item=item, participant=participant)
    else:
        ExampleMark.objects.filter(item=item, participant=participant).delete()
    schedule_push(item.session_id)


@transaction.atomic
def vision_endorse(
    *, statement: VisionStatement, participant: Participant, choice: str
) -> VisionEndorsement:
    if choice not in Endorsement.values:
        raise ValidationError(_("Choose one of the three answers."))
    session = Session.objects.get(pk=statement.session_id)
    if session.pk != participant.session_id:
        raise ValidationError(_("This is not the current question of your session."))
    if session.vision_adopted_at is not None:
        raise ValidationError(_("The vision has been adopted; endorsing is closed."))
    endorsement, _created = VisionEndorsement.objects.update_or_create(
        statement=statement, participant=participant, defaults={"choice": choice}
    )
    schedule_push(session.pk)
    return endorsement


@transaction.atomic
def ambassador_volunteer(
    *, participant: Participant, name: str, department: str = ""
) -> Ambassador:
    """The participant volunteers as ambassador; a name is required for this only."""
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Enter your name to volunteer as ambassador.")})
    ambassador = Ambassador.objects.filter(participant=participant).first()
    if ambassador is None:
        ambassador = Ambassador(session_id=participant.session_id, participant=participant)
    ambassador.name = name
    ambassador.department = department.strip()
    ambassador.full_clean()
    ambassador.save()
    schedule_push(participant.session_id)
    return ambassador


@transaction.atomic
def ambassador_withdraw(*, participant: Participant) -> None:
    Ambassador.objects.filter(participant=participant).delete()
    schedule_push(participant.session_id)


# --- The interactive kinds: open question, ideas, ranking, poll ---------------------------


def survey_step(*, session: Session, forward: bool) -> bool:
    """On the survey results, "Next" and "Previous" first walk through the highlighted
    questions (then the quotes); True when the step moved within the item."""
    if session.current_item_id is None:
        return False
    item = AgendaItem.objects.select_for_update().get(pk=session.current_item_id)
    if item.kind != ItemKind.SURVEY:
        return False
    from surveys.selectors import survey_highlights

    survey = survey_highlights(engagement=session.engagement)
    steps = (len(survey.charts) + (1 if survey.quotes else 0)) if survey else 0
    target = item.step + (1 if forward else -1)
    if not 0 <= target < steps:
        return False
    AgendaItem.objects.filter(pk=item.pk).update(step=target)
    _changed(session.pk)
    return True


def _require_answerable(
    item: AgendaItem, participant: Participant, kinds: tuple[str, ...]
) -> AgendaItem:
    """The item, locked and fresh, when the participant may answer it now: the current item
    of their own, running session, of the right kind, with answering open."""
    item = AgendaItem.objects.select_for_update().select_related("session").get(pk=item.pk)
    session = item.session
    if item.session_id != participant.session_id or item.kind not in kinds:
        raise ValidationError(_("This is not the current question of your session."))
    if session.status == SessionStatus.FINISHED:
        raise ValidationError(_("This session has finished."))
    if session.current_item_id != item.pk:
        raise ValidationError(_("This question is no longer on the screen."))
    if not item.voting_open:
        raise ValidationError(
            _("Answering has closed.")
            if item.results_revealed or item.opened_at
            else _("Answering is not open yet.")
        )
    return item


@transaction.atomic
def contribution_add(*, item: AgendaItem, participant: Participant, text: str) -> Contribution:
    """An answer to an open question, or an idea; at most three per participant."""
    text = normalise_text(text)
    if not text:
        raise ValidationError(_("Type your answer first."))
    item = _require_answerable(item, participant, (ItemKind.QUESTION, ItemKind.IDEAS))
    own = list(
        Contribution.objects.filter(item=item, participant=participant).values_list(
            "text", flat=True
        )
    )
    if text.casefold() in {existing.casefold() for existing in own}:
        raise ValidationError(_("You already sent this answer."))
    if len(own) >= MAX_CONTRIBUTIONS_PER_PARTICIPANT:
        raise ValidationError(
            _("You can send at most %(count)s answers.")
            % {"count": MAX_CONTRIBUTIONS_PER_PARTICIPANT}
        )
    contribution = Contribution(item=item, participant=participant, text=text)
    contribution.full_clean()
    contribution.save()
    _changed(item.session_id)
    return contribution


@transaction.atomic
def contribution_hide(*, contribution: Contribution, hidden: bool) -> Contribution:
    """The facilitator hides an answer or idea from the screens (or shows it again)."""
    if contribution.hidden != hidden:
        contribution.hidden = hidden
        contribution.save(update_fields=["hidden"])
        _changed(contribution.item.session_id)
    return contribution


@transaction.atomic
def upvote_toggle(*, contribution: Contribution, participant: Participant) -> bool:
    """Support an idea, or take the support back; True when the participant now supports it."""
    _require_answerable(contribution.item, participant, (ItemKind.IDEAS,))
    if contribution.hidden:
        raise ValidationError(_("This idea is no longer shown."))
    deleted, _detail = Upvote.objects.filter(
        contribution=contribution, participant=participant
    ).delete()
    if not deleted:
        Upvote.objects.create(contribution=contribution, participant=participant)
    _changed(contribution.item.session_id)
    return not deleted


@transaction.atomic
def poll_vote_cast(*, item: AgendaItem, participant: Participant, option: int) -> PollVote:
    """The participant's choice in a poll; a second choice replaces the first."""
    item = _require_answerable(item, participant, (ItemKind.POLL,))
    if not 0 <= option < len(item.options):
        raise ValidationError(_("Choose one of the options."))
    vote, _created = PollVote.objects.update_or_create(
        item=item, participant=participant, defaults={"option": option}
    )
    schedule_push(item.session_id)
    return vote


@transaction.atomic
def ranking_cast(*, item: AgendaItem, participant: Participant, order: list[str]) -> RankingBallot:
    """The participant's most important dimensions (one to three, most important first);
    a second ballot replaces the first."""
    order = [key for key in order if key]
    if not order:
        raise ValidationError(_("Choose at least your most important dimension."))
    if any(key not in Dimension.values for key in order) or len(order) > RANKING_PLACES:
        raise ValidationError(_("Choose dimensions from the list."))
    if len(set(order)) != len(order):
        raise ValidationError(_("Choose each dimension at most once."))
    item = _require_answerable(item, participant, (ItemKind.RANKING,))
    ballot, _created = RankingBallot.objects.update_or_create(
        item=item, participant=participant, defaults={"order": order}
    )
    schedule_push(item.session_id)
    return ballot


@transaction.atomic
def ranking_priorities_apply(*, item: AgendaItem) -> list[str]:
    """The room's top three dimensions become the session's priorities (the roadmap orders
    its actions by them). Returns the priorities."""
    if item.kind != ItemKind.RANKING:
        raise ValidationError(_("Only a ranking sets the priorities."))
    points = ranking_points(item.ballots.values_list("order", flat=True), places=RANKING_PLACES)
    if not points:
        raise ValidationError(_("Nobody has ranked the dimensions yet."))
    top = [key for key in ranking_order(points, Dimension.values) if points.get(key)]
    vision_priorities_set(session=item.session, priorities=top[:RANKING_PLACES])
    return top[:RANKING_PLACES]


@transaction.atomic
def personal_data_purge(*, engagement: Engagement) -> int:
    """Remove participants' names and departments (also of ambassadors) of the engagement's
    sessions; votes stay, anonymous. Returns how many records changed."""
    participants = Participant.objects.filter(session__engagement=engagement).exclude(
        name="", department=""
    )
    changed = participants.update(name="", department="")
    ambassadors = Ambassador.objects.filter(session__engagement=engagement)
    for number, ambassador in enumerate(ambassadors.order_by("created_at"), start=1):
        # The constraint keeps a name: the role stays visible, the person does not.
        ambassador.name = _("Ambassador %(number)s") % {"number": number}
        ambassador.department = ""
        ambassador.save(update_fields=["name", "department"])
        changed += 1
    return changed
