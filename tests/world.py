"""Six roles around two organisations: the cast of every permission test.

- staff_a works at organisation A, whose engagement is ``engagement``;
- staff_b works at organisation B, whose engagement is ``other_engagement``;
- consultant_on is the consultant of ``engagement``; consultant_off of neither;
- admin is an administrator; anonymous has no account.
"""

from dataclasses import dataclass, field

from accounts.models import User
from engagements.models import Engagement, Organisation
from tests.accounts.factories import AdministratorFactory, ConsultantFactory, UserFactory
from tests.engagements.factories import EngagementFactory, MembershipFactory, OrganisationFactory

ROLES = ("anonymous", "staff_a", "staff_b", "consultant_on", "consultant_off", "admin")


@dataclass
class World:
    org_a: Organisation
    org_b: Organisation
    engagement: Engagement
    other_engagement: Engagement
    users: dict[str, User | None]
    extra: dict = field(default_factory=dict)


def build_world() -> World:
    org_a = OrganisationFactory(name="Gemeente Alfa")
    org_b = OrganisationFactory(name="Gemeente Beta")
    staff_a = UserFactory(username="alice")
    staff_b = UserFactory(username="bob")
    MembershipFactory(user=staff_a, organisation=org_a)
    MembershipFactory(user=staff_b, organisation=org_b)
    consultant_on = ConsultantFactory(username="carol")
    consultant_off = ConsultantFactory(username="dave")
    admin = AdministratorFactory(username="erin")
    engagement = EngagementFactory(organisation=org_a, consultants=[consultant_on])
    other_engagement = EngagementFactory(organisation=org_b, consultants=[consultant_off])
    return World(
        org_a=org_a,
        org_b=org_b,
        engagement=engagement,
        other_engagement=other_engagement,
        users={
            "anonymous": None,
            "staff_a": staff_a,
            "staff_b": staff_b,
            "consultant_on": consultant_on,
            "consultant_off": consultant_off,
            "admin": admin,
        },
    )
