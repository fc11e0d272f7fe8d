import datetime
import io
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_LOGO_BYTES = 2 * 1024 * 1024
ALLOWED_LOGO_FORMATS = {"PNG", "JPEG"}
# A 10 kB PNG can hold 9,000 x 9,000 pixels, which every report then scales (10 s per PDF).
# Larger than this is refused; larger than LOGO_MAX_SIDE is scaled down when saved.
MAX_LOGO_PIXELS = 25_000_000
LOGO_MAX_SIDE = 1200


def validate_logo(file) -> None:
    """Accept only PNG and JPEG images of at most 2 MB and 25 megapixels."""
    if file.size > MAX_LOGO_BYTES:
        raise ValidationError(_("The logo is larger than 2 MB. Choose a smaller file."))
    from PIL import Image

    position = file.tell() if hasattr(file, "tell") else None
    try:
        file.seek(0)
        with Image.open(file) as image:
            image_format = image.format
            width, height = image.size
            image.verify()
    except Exception as exc:
        raise ValidationError(_("This file is not a PNG or JPEG image.")) from exc
    finally:
        if position is not None:
            file.seek(position)
    if image_format not in ALLOWED_LOGO_FORMATS:
        raise ValidationError(_("This file is not a PNG or JPEG image."))
    if width * height > MAX_LOGO_PIXELS:
        raise ValidationError(
            _("The logo has too many pixels (%(width)s × %(height)s). Choose a smaller image."),
            params={"width": width, "height": height},
        )


def logo_scaled_down(file: Any) -> Any:
    """The logo at most LOGO_MAX_SIDE pixels on its longest side (a new file), or ``file``.

    Validates first: an image over MAX_LOGO_PIXELS is refused, never decoded."""
    from django.core.files.base import ContentFile
    from PIL import Image

    validate_logo(file)
    file.seek(0)
    with Image.open(file) as image:
        if max(image.size) <= LOGO_MAX_SIDE:
            file.seek(0)
            return file
        image_format = image.format or "PNG"
        image.thumbnail((LOGO_MAX_SIDE, LOGO_MAX_SIDE))
        buffer = io.BytesIO()
        image.save(buffer, format=image_format)
    name = getattr(file, "name", None) or f"logo.{image_format.lower()}"
    return ContentFile(buffer.getvalue(), name=name.rsplit("/", 1)[-1])


# Dates a person can mean in this portal. Year 1 or 9999 passes a date input, is stored, and
# afterwards breaks every page that converts it to local time; the database refuses them too.
EARLIEST_DATE = datetime.date(2000, 1, 1)
LATEST_DATE = datetime.date(2100, 12, 31)
_EARLIEST_MOMENT = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
_LATEST_MOMENT = datetime.datetime(2101, 1, 1, tzinfo=datetime.UTC)


def validate_sane_date(value: datetime.date | datetime.datetime) -> None:
    """A date (or a moment) from 2000 to 2100."""
    day = value.date() if isinstance(value, datetime.datetime) else value
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise ValidationError(_("Choose a date between 2000 and 2100."), code="date_range")


def date_range_constraint(field: str, *, name: str, moment: bool = False):
    """The database's half of validate_sane_date for ``field`` (empty allowed)."""
    from django.db.models import CheckConstraint, Q

    low, high = (_EARLIEST_MOMENT, _LATEST_MOMENT) if moment else (EARLIEST_DATE, LATEST_DATE)
    upper = Q(**{f"{field}__lt": high}) if moment else Q(**{f"{field}__lte": high})
    return CheckConstraint(
        condition=Q(**{f"{field}__isnull": True}) | (Q(**{f"{field}__gte": low}) & upper),
        name=name,
    )
