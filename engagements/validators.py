from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_LOGO_BYTES = 2 * 1024 * 1024
ALLOWED_LOGO_FORMATS = {"PNG", "JPEG"}


def validate_logo(file) -> None:
    """Accept only PNG and JPEG images of at most 2 MB."""
    if file.size > MAX_LOGO_BYTES:
        raise ValidationError(_("The logo is larger than 2 MB. Choose a smaller file."))
    from PIL import Image

    position = file.tell() if hasattr(file, "tell") else None
    try:
        file.seek(0)
        with Image.open(file) as image:
            image_format = image.format
            image.verify()
    except Exception as exc:
        raise ValidationError(_("This file is not a PNG or JPEG image.")) from exc
    finally:
        if position is not None:
            file.seek(position)
    if image_format not in ALLOWED_LOGO_FORMATS:
        raise ValidationError(_("This file is not a PNG or JPEG image."))
