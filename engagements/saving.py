"""The two steps every service's write ends with, written once (HackSoft's ``model_update``).

``set_fields`` copies the named fields onto an instance and refuses a field the service
does not accept; ``full_save`` validates (``full_clean``) and saves, so the database never
holds what the model would refuse.
"""

from collections.abc import Collection, Mapping

from django.db.models import Model


def set_fields[M: Model](
    instance: M, fields: Mapping[str, object], *, allowed: Collection[str], service: str
) -> M:
    """Copy ``fields`` onto ``instance``; a name outside ``allowed`` is a programming error."""
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"{service}() got unexpected fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(instance, name, value)
    return instance


def full_save[M: Model](instance: M) -> M:
    """Validate the instance (``full_clean``) and save it."""
    instance.full_clean()
    instance.save()
    return instance
