"""What a page tells its user after an action: one place for the shapes every app shares."""

from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.utils.translation import gettext as _


def error_text(error: ValidationError) -> str:
    """A service's refusal as one message (its sentences joined), for ``messages.error``."""
    return " ".join(error.messages)


def autosave_response(*, refusal: str = "", closed: bool = False) -> JsonResponse:
    """The one answer of every autosave endpoint (static/js/autosave.js reads it).

    ``{"saved": bool, "message": str}``; the message, in Dutch, is announced to the
    respondent. 200 when saved; 422 when this answer was refused (``refusal`` says why,
    shown at the question); 409 when no answers are accepted anymore (``closed``).
    """
    if closed:
        return JsonResponse({"saved": False, "message": refusal}, status=409)
    if refusal:
        return JsonResponse({"saved": False, "message": refusal}, status=422)
    return JsonResponse({"saved": True, "message": _("Your answer has been saved.")})
