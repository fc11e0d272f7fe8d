"""Demo data: a finished session on the Rucphen engagement and a second one ready to run."""

import datetime

from django.utils import timezone

from workshops import services
from workshops.models import ItemKind, Session

END_OF_SESSION = datetime.time(16, 30)

FINISHED_TITLE = "Inspiratie- en visiesessie managementteam"
READY_TITLE = "Inspiratie- en visiesessie teamleiders"

# (name, department) of the demo participants; most stay anonymous.
PARTICIPANTS = [
    ("Marieke de Vries", "Sociaal domein"),
    ("", "Openbare ruimte"),
    ("", "Bedrijfsvoering"),
    ("Joost Hendriks", "Veiligheid"),
    ("", "Dienstverlening"),
    ("", ""),
    ("", "Financiën"),
    ("", ""),
]
# Per statement, per round: the votes of the participants in order.
VOTES = [
    [[4, 4, 3, 5, 4, 2, 4, 3]],
    [[2, 3, 2, 4, 1, 2, 3, 2]],
    [[1, 5, 2, 4, 1, 5, 2, 4], [2, 4, 2, 3, 2, 3, 2, 3]],
    [[5, 4, 4, 5, 4, 3, 5, 4]],
    [[4, 5, 4, 4, 3, 5, 4, 4]],
    [[3, 2, 4, 3, 2, 3, 3, 2]],
    [[4, 4, 5, 3, 4, 4, 3, 5]],
]
NOTES = [
    "Herkenbaar: bij de begroting gebruiken we cijfers, bij dagelijkse keuzes minder.",
    "Niemand heeft een overzicht van de gegevens; een datacatalogus is gewenst.",
    "Na discussie: datagedreven werken is van iedereen, de I-afdeling ondersteunt.",
    "Eerst de basis (kwaliteit, eigenaarschap) op orde, daarna voorspellen.",
    "Samenwerken in West-Brabant ligt voor de hand, bijvoorbeeld met buurgemeenten.",
    "Vertrouwen hangt af van transparantie: publiceer in het Algoritmeregister.",
    "Haalbaar als we klein beginnen met één vaste set stuurinformatie.",
]
VISION = [
    ("Wij nemen besluiten op basis van feiten én ervaring, en maken zichtbaar welke.", "strategy"),
    ("Elke afdeling kent haar belangrijkste gegevens en heeft er een eigenaar voor.", "governance"),
    ("We zorgen eerst dat onze basisgegevens kloppen en actueel zijn.", "quality"),
    ("We zetten algoritmes alleen in na een toets op verantwoord gebruik.", "responsible"),
    ("We werken samen met gemeenten in de regio waar dat sneller of beter is.", ""),
]
ENDORSEMENTS = ["agree", "agree", "reservations", "agree", "disagree", "agree", "reservations"]


def _seed_finished(engagement) -> Session:
    session = services.session_create(
        engagement=engagement, title=FINISHED_TITLE, held_on=datetime.date(2026, 10, 8)
    )
    people = [
        services.participant_join(session=session, name=name, department=department)[0]
        for name, department in PARTICIPANTS
    ]
    items = list(session.items.order_by("position"))
    statements = [item for item in items if item.kind == ItemKind.STATEMENT]
    for item, rounds, notes in zip(statements, VOTES, NOTES, strict=False):
        for round_index, votes in enumerate(rounds):
            if round_index:
                services.vote_round_start(item=item)
            else:
                services.voting_open(item=item)
            for person, value in zip(people, votes, strict=True):
                services.vote_cast(item=item, participant=person, value=value)
        services.voting_close(item=item)
        services.results_reveal(item=item)
        services.notes_update(item=item, notes=notes)
    examples = [item for item in items if item.kind == ItemKind.EXAMPLE]
    for index, item in enumerate(examples):
        for person in people[: 2 + (index * 3) % 6]:
            services.example_mark_set(item=item, participant=person, relevant=True)
    statements_of_vision = [
        services.vision_statement_add(session=session, text=text, dimension_key=key)
        for text, key in VISION
    ]
    for offset, statement in enumerate(statements_of_vision):
        for index, person in enumerate(people):
            choice = ENDORSEMENTS[(index + offset) % len(ENDORSEMENTS)]
            services.vision_endorse(statement=statement, participant=person, choice=choice)
    services.vision_priorities_set(session=session, priorities=["quality", "governance", "use"])
    services.vision_adopt(session=session)
    # The vision was adopted in the session itself, not on the day the demo was seeded.
    Session.objects.filter(pk=session.pk).update(
        vision_adopted_at=timezone.make_aware(
            datetime.datetime.combine(session.held_on, END_OF_SESSION)
        )
    )
    services.ambassador_volunteer(
        participant=people[0], name="Marieke de Vries", department="Sociaal domein"
    )
    services.session_go(session=session, item=items[-1])
    services.session_finish(session=session)
    return session


def seed(context: dict, stdout) -> None:
    engagement = context["engagement"]
    services.default_content_ensure()
    sessions = Session.objects.filter(engagement=engagement)
    if not sessions.filter(title=FINISHED_TITLE).exists():
        _seed_finished(engagement)
        stdout.write(f"Workshop: finished session “{FINISHED_TITLE}” added.")
    if not sessions.filter(title=READY_TITLE).exists():
        if not engagement.workshop_examples.exists():
            services.own_product_create(
                engagement=engagement,
                title="Dashboard meldingen openbare ruimte Rucphen",
                task="public_space",
                complexity="simple",
                summary="Het bestaande dashboard met meldingen per kern en categorie.",
                data_used="Meldingen openbare ruimte uit het zaaksysteem.",
                benefits="De buitendienst plant op basis van de meldingen per kern.",
            )
        session = services.session_create(
            engagement=engagement, title=READY_TITLE, held_on=datetime.date(2026, 12, 3)
        )
        stdout.write(f"Workshop: session “{READY_TITLE}” ready, join code {session.join_code}.")
