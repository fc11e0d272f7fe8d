"""Demo data: the default survey on the Rucphen engagement, with plausible answers.

Fourteen managers have sent their answers and three have stopped halfway, so that the
results page and part 1 of the workshop look real. Idempotent: a second run adds nothing.
"""

import random

from django.db import transaction

from surveys import services
from surveys.answers import visible_questions
from surveys.models import Invitation, QuestionKind, Survey
from surveys.selectors import survey_questions

DEMO_BASE_URL = "http://127.0.0.1:8000/"

PEOPLE = [
    "Anouk Verbeek",
    "Bram de Jong",
    "Carin Hendriks",
    "Dennis van Gils",
    "Eline Sprenkels",
    "Frank Koenraadt",
    "Gerda Mol",
    "Hans Brouwers",
    "Ingrid van den Bosch",
    "Jeroen Martens",
    "Karin Oomen",
    "Luuk Rijnders",
    "Marieke Peeters",
    "Niels van Dongen",
    "Olga Huijbregts",
    "Pieter Aarts",
    "Quirine Buijs",
    "Rob Kerstens",
]

TEXTS = {
    "beeld": [
        "Dat we besluiten nemen op basis van cijfers in plaats van onderbuikgevoel.",
        "Een dashboard waarop ik elke maand zie hoe het met mijn afdeling gaat.",
        "Eerlijk gezegd weet ik het niet precies; ik denk aan Excel-lijsten en rapportages.",
        "Slimmer gebruikmaken van de gegevens die we al hebben, bijvoorbeeld over meldingen.",
        "Voorspellen waar problemen ontstaan, zodat we eerder kunnen ingrijpen.",
        "Vooral veel gedoe met privacy, maar ook kansen om beter te sturen.",
        "Dat de raad en het college betere informatie krijgen in de planning-en-controlcyclus.",
        "Kaarten en cijfers per kern: Rucphen, Sint Willebrord, Schijf, Zegge en Sprundel.",
    ],
    "kansen": [
        "Meldingen openbare ruimte: we zien nu niet waar steeds dezelfde klachten vandaan komen.",
        "In het sociaal domein: eerder zien welke inwoners in de schulden raken.",
        "Afvalinzameling slimmer plannen, zoals andere gemeenten met sensoren doen.",
        "Handhaving en ondermijning: patronen zien die een medewerker alleen niet ziet.",
        "Bedrijfsvoering: ziekteverzuim en inhuur beter volgen.",
        "Samen met de regio één datateam; alleen zijn we te klein.",
        "Betere sturing op de begroting met actuele cijfers in plaats van kwartaalrapportages.",
    ],
    "voorbeeld": [
        "Het dashboard meldingen openbare ruimte van een buurgemeente.",
        "De Monitor Sociaal Domein op waarstaatjegemeente.nl.",
        "Slimme afvalcontainers in Utrecht.",
        "Zicht op Ondermijning van het CBS.",
        "Vroegsignalering van betalingsachterstanden.",
    ],
    "welk-dashboard": [
        "Het verzuimdashboard van HR, maandelijks.",
        "Het dashboard met meldingen openbare ruimte.",
        "Een Power BI-rapport over de jeugdzorgkosten.",
    ],
    "meegeven": [
        "Houd het praktisch: begin klein, met één onderwerp dat iedereen herkent.",
        "Let op de werkdruk; dit mag geen extra project bovenop alles worden.",
        "Ik ben benieuwd wat vergelijkbare gemeenten al doen.",
        "Zorg dat privacy en ethiek vanaf het begin meedoen, niet achteraf.",
    ],
}

QUOTES = [
    "Meldingen openbare ruimte: we zien nu niet waar steeds dezelfde klachten vandaan komen.",
    "Samen met de regio één datateam; alleen zijn we te klein.",
    "Houd het praktisch: begin klein, met één onderwerp dat iedereen herkent.",
    "Dat we besluiten nemen op basis van cijfers in plaats van onderbuikgevoel.",
]


def _answer(question, rng: random.Random, key: str):
    kind = question.kind
    if kind == QuestionKind.LIKERT:
        return rng.choices([1, 2, 3, 4, 5], weights=[1, 3, 4, 5, 2])[0]
    if kind == QuestionKind.SCALE:
        return max(0, min(10, round(rng.gauss(6, 1.8))))
    if kind == QuestionKind.SINGLE:
        if question.allow_other and rng.random() < 0.08:
            return {"choices": [], "other": "Griffie"}
        return {"choices": [rng.choice(question.options)], "other": ""}
    if kind == QuestionKind.MULTIPLE:
        options = [o for o in question.options if o != "Geen"]
        picked = rng.sample(options, k=rng.randint(1, 3))
        return {"choices": [o for o in question.options if o in picked], "other": ""}
    if kind == QuestionKind.RANKING:
        weights = [5, 3, 4, 4, 2, 3, 2, 1][: len(question.options)]
        order: list[str] = []
        pool = list(zip(question.options, weights, strict=False))
        while len(order) < question.ranking_places:
            option = rng.choices([o for o, _w in pool], weights=[w for _o, w in pool])[0]
            order.append(option)
            pool = [(o, w) for o, w in pool if o != option]
        return order
    texts = TEXTS.get(key)
    if texts and rng.random() < 0.8:
        return rng.choice(texts)
    return None


@transaction.atomic
def seed(context: dict, stdout) -> None:
    engagement = context["engagement"]
    consultant = context["users"]["consultant"]
    template = services.default_template_ensure()
    if Survey.objects.filter(engagement=engagement, title=template.title).exists():
        stdout.write("Survey demo data already present.")
        return
    survey = services.survey_copy(source=template, engagement=engagement, created_by=consultant)
    services.survey_update(survey=survey, open_link_enabled=True, access_code="rucphen")
    services.survey_open(survey=survey)
    people = [(name, f"{name.lower().replace(' ', '.')}@example.org") for name in PEOPLE]
    invitations = services.invitations_create(
        survey=survey, people=people, base_url=DEMO_BASE_URL, send=False
    )
    questions = survey_questions(survey=survey)
    keys = _question_keys(template, questions)
    rng = random.Random(840)  # noqa: S311 - demo data, not security
    by_id = {question.pk: question for question in questions}
    for index, invitation in enumerate(invitations[:17]):
        response = services.response_start_for_invitation(invitation=invitation)
        answers = _demo_answers(questions, rng, keys)
        unfinished = index >= 14
        if unfinished:
            # Stopped halfway: only the first pages are answered.
            answers = {qid: v for qid, v in list(answers.items())[: 4 + index - 14]}
        services.answers_save(
            response=response, values={by_id[qid]: value for qid, value in answers.items()}
        )
        if not unfinished:
            services.response_submit(response=response)
    _mark_quotes(questions)
    answered = Invitation.objects.filter(survey=survey, status="answered").count()
    stdout.write(f"Survey demo data: '{survey.title}' with {answered} sent responses.")


def _demo_answers(questions: list, rng: random.Random, keys: dict[int, str]) -> dict[int, object]:
    """One respondent's answers to the questions they get to see."""
    answers: dict[int, object] = {}
    for question in questions:
        if question not in visible_questions([question], answers):
            continue
        value = _answer(question, rng, keys.get(question.pk, ""))
        if value is not None:
            answers[question.pk] = value
    return answers


def _mark_quotes(questions: list) -> None:
    for question in questions:
        if question.is_text:
            for answer in question.answers.filter(
                value__in=QUOTES, response__token_hash__isnull=True
            ):
                services.answer_quote_set(answer=answer, is_quote=True)


def _question_keys(template: Survey, questions) -> dict[int, str]:
    """The template's question keys (beeld, kansen, ...) for the copied questions."""
    from surveys.default_template import DEFAULT_TEMPLATE

    keys = [item["key"] for page in DEFAULT_TEMPLATE["pages"] for item in page["questions"]]
    return {question.pk: key for question, key in zip(questions, keys, strict=False)}
