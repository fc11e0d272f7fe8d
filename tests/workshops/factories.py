import datetime

import factory

from tests.engagements.factories import EngagementFactory
from workshops import services
from workshops.models import Session


class SessionFactory(factory.django.DjangoModelFactory):
    """A session with the default agenda, made through the real service."""

    class Meta:
        model = Session

    engagement = factory.SubFactory(EngagementFactory)
    title = factory.Sequence(lambda n: f"Inspiratiesessie {n}")
    held_on = datetime.date(2026, 10, 1)
    with_defaults = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return services.session_create(**kwargs)


def join(session, name: str = "", department: str = ""):
    """A participant of the session (and their cookie token)."""
    return services.participant_join(session=session, name=name, department=department)


def statement_of(session, index: int = 0):
    return session.items.filter(kind="statement").order_by("position")[index]


def item_of(session, kind: str):
    return session.items.filter(kind=kind).order_by("position").first()
