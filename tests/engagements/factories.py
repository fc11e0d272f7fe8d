import datetime

import factory

from engagements.models import Engagement, EngagementStatus, Membership, Organisation
from tests.accounts.factories import UserFactory


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Gemeente Voorbeeld {n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)


class EngagementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Engagement
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Datagedreven werken {n}")
    starts_on = datetime.date(2026, 9, 1)
    status = EngagementStatus.ACTIVE

    @factory.post_generation
    def consultants(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.consultants.set(extracted)
