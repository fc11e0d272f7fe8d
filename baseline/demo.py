"""Demo data: a completed baseline for Rucphen, an earlier one, and peers to compare with.

Idempotent: every object is looked up by its natural key before it is made.
"""

import datetime
import random

from baseline.models import Assessment, Dimension, Question, RespondentRole
from baseline.selectors import DEFAULT_DIMENSION_KEYS
from baseline.services import (
    answer_save,
    assessment_close,
    assessment_create,
    default_model_ensure,
    dimension_score_set,
    respondent_invite,
    respondent_submit,
)
from engagements.models import EngagementStatus, Organisation
from engagements.services import engagement_create, organisation_create

# Each respondent's own view per dimension (strategy, people, governance, quality,
# platform, use, responsible): they agree on some dimensions and clearly differ on
# others (use and platform), which is what the workshop discusses.
RUCPHEN_2026 = [
    ("Marieke de Jong", RespondentRole.MANAGEMENT, (3, 2, 2, 2, 2, 2, 3)),
    ("Peter Aarts", RespondentRole.MANAGEMENT, (3, 2, 2, 2, 4, 4, 3)),
    ("Sandra Willems", RespondentRole.INFORMATION_MANAGEMENT, (2, 2, 2, 2, 2, 1, 2)),
    ("Hans Verbeek", RespondentRole.IT, (2, 2, 3, 2, 4, 2, 3)),
    ("Fatima El Amrani", RespondentRole.POLICY, (3, 2, 2, 1, 2, 4, 2)),
    ("Joost van Dijk", RespondentRole.DATA_TEAM, (2, 3, 2, 2, 3, 2, 2)),
    ("Linda Huijbregts", RespondentRole.MANAGEMENT, (3, 2, 2, 2, 2, 3, 3)),
]
RUCPHEN_2025 = [
    ("Marieke de Jong", RespondentRole.MANAGEMENT, (2, 1, 1, 2, 2, 1, 2)),
    ("Sandra Willems", RespondentRole.INFORMATION_MANAGEMENT, (1, 2, 1, 1, 2, 1, 2)),
    ("Hans Verbeek", RespondentRole.IT, (2, 1, 2, 2, 3, 1, 2)),
    ("Fatima El Amrani", RespondentRole.POLICY, (2, 2, 1, 1, 1, 2, 1)),
    ("Joost van Dijk", RespondentRole.DATA_TEAM, (1, 2, 1, 2, 2, 2, 2)),
    ("Linda Huijbregts", RespondentRole.MANAGEMENT, (2, 1, 1, 1, 2, 1, 2)),
]
TARGETS = (4, 3, 3, 4, 3, 4, 3)
# Comments by respondent (index in RUCPHEN_2026) and dimension; the last one may not be quoted.
COMMENTS = {
    (0, "use"): (
        "We maken veel rapportages, maar in de begrotingsbespreking gebruiken we ze nauwelijks.",
        True,
    ),
    (1, "use"): ("Het team Sociaal Domein werkt al met een voorspellend model.", True),
    (1, "platform"): (
        "Elke afdeling heeft haar eigen Excel-bestanden; niemand weet welke de juiste is.",
        True,
    ),
    (2, "governance"): (
        "Voor de BAG is de eigenaar duidelijk, voor de meeste andere gegevens niet.",
        True,
    ),
    (3, "responsible"): ("Ons algoritmeregister is nog niet gevuld.", False),
}
# Fictional peer municipalities: in results they are never named.
PEERS = [
    ("Demogemeente Noord", (3, 3, 2, 3, 3, 2, 3)),
    ("Demogemeente Oost", (2, 2, 2, 2, 3, 2, 2)),
    ("Demogemeente Zuid", (4, 3, 3, 3, 4, 3, 3)),
    ("Demogemeente West", (2, 2, 3, 2, 2, 2, 3)),
]


def _fill(assessment: Assessment, people, rng: random.Random, *, quotes: bool) -> None:
    """Invite the respondents and let each answer every question near their own view."""
    dimensions = {
        d.key: d for d in Dimension.objects.filter(version=assessment.version).order_by("order")
    }
    questions = {
        key: list(Question.objects.filter(dimension=dimension).order_by("order"))
        for key, dimension in dimensions.items()
    }
    for position, (name, role, view) in enumerate(people):
        respondent = respondent_invite(assessment=assessment, name=name, role=role)
        for key, level in zip(DEFAULT_DIMENSION_KEYS, view, strict=True):
            for index, question in enumerate(questions[key]):
                dont_know = rng.random() < 0.06
                answer = min(5, max(1, level + rng.choice((-1, 0, 0, 0, 0, 0, 0, 1))))
                comment, may_quote = "", False
                if quotes and index == 0:
                    comment, may_quote = COMMENTS.get((position, key), ("", False))
                answer_save(
                    respondent=respondent,
                    question=question,
                    level=None if dont_know else answer,
                    dont_know=dont_know,
                    comment=comment,
                    may_quote=may_quote,
                )
        respondent_submit(respondent=respondent)


def _ensure_assessment(*, engagement, version, title, measured_on, people, rng, quotes=False):
    existing = Assessment.objects.filter(engagement=engagement, title=title).first()
    if existing is not None:
        return existing, False
    assessment = assessment_create(
        engagement=engagement, version=version, title=title, measured_on=measured_on
    )
    _fill(assessment, people, rng, quotes=quotes)
    return assessment, True


def seed(context: dict, stdout) -> None:
    rng = random.Random(840)  # noqa: S311 - demo data, not security
    version = default_model_ensure()
    engagement = context["engagement"]
    consultant = context["users"]["consultant"]

    earlier, created = _ensure_assessment(
        engagement=engagement,
        version=version,
        title="Nulmeting 2025",
        measured_on=datetime.date(2025, 9, 15),
        people=RUCPHEN_2025,
        rng=rng,
    )
    if created:
        assessment_close(assessment=earlier)

    current, created = _ensure_assessment(
        engagement=engagement,
        version=version,
        title="Nulmeting 2026",
        measured_on=datetime.date(2026, 9, 15),
        people=RUCPHEN_2026,
        rng=rng,
        quotes=True,
    )
    if created:
        dimensions = list(Dimension.objects.filter(version=version).order_by("order"))
        for dimension, target in zip(dimensions, TARGETS, strict=True):
            consensus = {"use": 2, "platform": 2}.get(dimension.key)
            dimension_score_set(
                assessment=current,
                dimension=dimension,
                target_level=target,
                consensus_level=consensus,
                consensus_reason=(
                    "In de gezamenlijke sessie bleek dat de voorbeelden van niveau 4 uit één "
                    "afdeling komen; organisatiebreed staan we op niveau 2."
                    if consensus
                    else ""
                ),
            )
        assessment_close(assessment=current)

    for name, view in PEERS:
        organisation = Organisation.objects.filter(name=name).first()
        if organisation is None:
            organisation = organisation_create(name=name)
        if not organisation.is_client:  # fictional clients, so that the comparison shows
            Organisation.objects.filter(pk=organisation.pk).update(is_client=True)
        peer_engagement = organisation.engagements.first()
        if peer_engagement is None:
            peer_engagement = engagement_create(
                organisation=organisation,
                title="Datagedreven werken",
                starts_on=datetime.date(2026, 1, 15),
                status=EngagementStatus.ACTIVE,
                consultants=[consultant],
            )
        people = [(f"Respondent {i}", RespondentRole.MANAGEMENT, view) for i in range(1, 5)]
        peer, created = _ensure_assessment(
            engagement=peer_engagement,
            version=version,
            title="Nulmeting",
            measured_on=datetime.date(2026, 3, 1),
            people=people,
            rng=rng,
        )
        if created:
            assessment_close(assessment=peer)

    stdout.write(
        f"Baseline: {current.title} with an earlier measurement and {len(PEERS)} peer "
        "organisations.\n"
    )
