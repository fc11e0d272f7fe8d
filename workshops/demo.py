"""Demo data: a finished session on the Rucphen engagement and a second one ready to run."""

import datetime

from django.utils import timezone

from workshops import services
from workshops.models import AgendaItem, Contribution, ItemKind, Participant, Session

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
# The open question "Waar denkt u aan bij datagedreven werken?": each participant's answers.
ANSWERS = [
    ["Sturen op feiten", "Dashboards voor het MT"],
    ["Meldingen openbare ruimte op de kaart", "Datakwaliteit"],
    ["Privacy en AVG", "Feiten in plaats van onderbuik"],
    ["Samenwerken in de regio", "Dashboards"],
    ["Datakwaliteit en eigenaarschap"],
    ["Weet ik niet, klinkt duur"],
    ["Begroting onderbouwen met feiten", "Privacy"],
    ["Voorspellen waar problemen ontstaan"],
]
# The answer the facilitator hid from the word cloud (it is kept in the report, marked).
HIDDEN_ANSWER = "Weet ik niet, klinkt duur"
# The poll "Hoe vaak gebruikt u cijfers bij een besluit van uw team?": option per participant.
POLL = [2, 1, 1, 2, 0, 1, 3, 1]
# Ideas (by participant index) and who supported each.
IDEAS = [
    (0, "Hoeveel inwoners maken we met schuldhulp echt schuldenvrij?", [1, 2, 3, 4, 6]),
    (1, "Waar komen de meeste meldingen over zwerfafval vandaan, en waarom?", [0, 3, 5]),
    (2, "Hoe lang duurt een vergunningaanvraag van begin tot eind?", [0, 4, 6, 7]),
    (3, "Welke kernen vergrijzen het snelst en wat betekent dat voor de zorg?", [1, 2]),
    (6, "Wat kost een gemiste afspraak bij de balie ons per jaar?", [5]),
]
# The ranking of the dimensions: each participant's top three, most important first; the
# room's top three (quality, governance, use) became the session's priorities.
RANKINGS = [
    ["quality", "governance", "use"],
    ["governance", "quality", "people"],
    ["quality", "use", "strategy"],
    ["use", "quality", "governance"],
    ["quality", "governance", "platform"],
    ["people", "governance", "quality"],
    ["governance", "quality", "responsible"],
    ["quality", "use", "governance"],
]
# Presenter notes prepared in the agenda (shown on the facilitator page only).
PRESENTER_NOTES = {
    ItemKind.QUESTION: "Laat de woordwolk groeien en vraag twee mensen hun woord toe te lichten.",
    ItemKind.POLL: "Vergelijk met de enquête: herkent de zaal het beeld?",
    ItemKind.STATEMENT: "Eerst stemmen, dan de uitersten aan het woord laten; daarna eventueel "
    "een tweede ronde.",
    ItemKind.IDEAS: "Noem het idee met de meeste steun als kandidaat voor een eerste use case.",
    ItemKind.RANKING: "De top drie wordt de prioriteit van het routeplan: zeg dat vooraf.",
}


def _prepare_notes(session: Session) -> None:
    """Presenter notes on the first item of each kind that has them."""
    for kind, notes in PRESENTER_NOTES.items():
        item = session.items.filter(kind=kind).order_by("position").first()
        if item is not None:
            services.item_update(item=item, title=item.title, body=item.body, presenter_notes=notes)


def _answer_question(item: AgendaItem, people: list[Participant]) -> None:
    for person, texts in zip(people, ANSWERS, strict=True):
        for text in texts:
            services.contribution_add(item=item, participant=person, text=text)
    hidden = Contribution.objects.get(item=item, text=HIDDEN_ANSWER)
    services.contribution_hide(contribution=hidden, hidden=True)


def _answer_poll(item: AgendaItem, people: list[Participant]) -> None:
    for person, option in zip(people, POLL, strict=True):
        services.poll_vote_cast(item=item, participant=person, option=option)


def _answer_ideas(item: AgendaItem, people: list[Participant]) -> None:
    for author, text, supporters in IDEAS:
        idea = services.contribution_add(item=item, participant=people[author], text=text)
        for index in supporters:
            services.upvote_toggle(contribution=idea, participant=people[index])


def _answer_ranking(item: AgendaItem, people: list[Participant]) -> None:
    for person, order in zip(people, RANKINGS, strict=True):
        services.ranking_cast(item=item, participant=person, order=order)


INTERACTIONS = {
    ItemKind.QUESTION: _answer_question,
    ItemKind.POLL: _answer_poll,
    ItemKind.IDEAS: _answer_ideas,
    ItemKind.RANKING: _answer_ranking,  # closing the ranking sets the session's priorities
}


def _seed_interactions(session: Session, items: list[AgendaItem], people: list) -> None:
    """Answers to the open question (one hidden), the poll, ideas with support and the
    ranking of the dimensions, as the room gave them: each item shown, opened, answered,
    closed and its results shown."""
    for kind, answer in INTERACTIONS.items():
        item = next(item for item in items if item.kind == kind)
        services.session_go(session=session, item=item)
        services.voting_open(item=item)
        answer(item, people)
        services.voting_close(item=item)
        services.results_reveal(item=item)


def _seed_finished(engagement) -> Session:
    session = services.session_create(
        engagement=engagement, title=FINISHED_TITLE, held_on=datetime.date(2026, 10, 8)
    )
    people = [
        services.participant_join(session=session, name=name, department=department)[0]
        for name, department in PARTICIPANTS
    ]
    _prepare_notes(session)
    items = list(session.items.order_by("position"))
    _seed_interactions(session, items, people)
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
        _prepare_notes(session)
        stdout.write(f"Workshop: session “{READY_TITLE}” ready, join code {session.join_code}.")
