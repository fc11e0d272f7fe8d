"""The narrative of "Visie en routeplan": default Dutch drafts written from the data.

The document follows the sections of a collegevoorstel (DOMAIN.md, "The plan as a
decision document") so that municipal staff can lift each text into their own template.
Every section has a draft written here from the engagement's data; the consultant edits
it with the client (``Roadmap.text_*``). A section whose stored text is empty keeps
following the data.

The drafts are content in plain Dutch (B1), like ``workshops.defaults``: data, not
interface text. A text is paragraphs separated by a blank line; lines starting with "- "
form a list (``blocks``).
"""

import datetime
import re
from collections import Counter
from dataclasses import dataclass

from django.utils import dateformat
from django.utils.translation import gettext_lazy as _

from reporting.formatting import format_euros, format_number
from roadmap.generator import Quarter

DEFAULT_LEVEL_NAMES = {
    1: "Beginnend",
    2: "Verkennend",
    3: "Lerend",
    4: "Ontwikkelend",
    5: "Voorbeeldig",
}

# Words in an action that mean an algorithm may affect residents (Algoritmeregister).
ALGORITHM_WORDS = re.compile(r"algoritm|voorspel|risicomodel|machine learning|\bAI\b", re.I)


@dataclass(frozen=True)
class Ambition:
    key: str
    name: str
    current: int | None
    target: int | None
    current_label: str  # "2 – Verkennend"
    target_label: str
    reached_in: Quarter | None  # the quarter the last planned step of this dimension ends
    actions: int


@dataclass(frozen=True)
class YearBudget:
    year: int
    actions: int
    estimated: int  # actions with a cost or FTE estimate
    cost_euros: int
    fte: float


@dataclass(frozen=True)
class DocumentFacts:
    """What the drafts are written from (gathered by ``roadmap.selectors``)."""

    organisation: str
    engagement_title: str
    vision_adopted_on: datetime.date | None
    vision_session: str
    vision_statements: list  # VisionStatementSummary
    priority_names: list[str]
    ambassadors: list[str]
    survey_completed: int | None
    session_held_on: datetime.date | None
    session_participants: int | None
    baseline_measured_on: datetime.date | None
    ambitions: list[Ambition]
    span: tuple[Quarter, Quarter] | None
    action_count: int
    first_year_titles: list[str]
    owners: list[tuple[str, int]]  # (owner, number of actions), most actions first
    budgets: list[YearBudget]
    capacity: int
    algorithm_titles: list[str]
    next_measurement: datetime.date


@dataclass(frozen=True)
class Section:
    field: str  # the Roadmap field that stores the edited text
    anchor: str
    title: str
    help_text: str
    text: str  # the edited text, or the draft when nothing was edited
    draft: str

    @property
    def is_draft(self) -> bool:
        return self.text == self.draft


def level_label(level: int | None, names: dict[int, str]) -> str:
    """ "3 – Lerend"; "–" without a level."""
    if level is None:
        return "–"
    name = names.get(level) or DEFAULT_LEVEL_NAMES.get(level, "")
    return f"{level} – {name}" if name else str(level)


def date_label(value: datetime.date | None) -> str:
    return dateformat.format(value, "j F Y") if value else ""


def month_label(value: datetime.date) -> str:
    return dateformat.format(value, "F Y")


def span_label(span: tuple[Quarter, Quarter] | None) -> str:
    """ "K1 2027 tot en met K4 2028": exactly the quarters that hold actions."""
    if span is None:
        return ""
    first, last = span
    if first == last:
        return f"in {first.label}"
    return f"van {first.label} tot en met {last.label}"


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _join(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " en " + parts[-1]


def _actions(count: int) -> str:
    return "1 actie" if count == 1 else f"{count} acties"


def blocks(text: str) -> list[tuple[str, object]]:
    """A text as ("p", paragraph) and ("ul", [items]) blocks, for the PDF and the .docx."""
    result: list[tuple[str, object]] = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in chunk.splitlines() if line.strip()]
        paragraph: list[str] = []
        items: list[str] = []
        for line in lines:
            if line.startswith(("- ", "• ")):
                if paragraph:
                    result.append(("p", " ".join(paragraph)))
                    paragraph = []
                items.append(line[2:].strip())
            else:
                if items:
                    result.append(("ul", items))
                    items = []
                paragraph.append(line)
        if paragraph:
            result.append(("p", " ".join(paragraph)))
        if items:
            result.append(("ul", items))
    return result


# --- Drafts ------------------------------------------------------------------------------


def _total_budget(facts: DocumentFacts) -> tuple[int, float, int]:
    cost = sum(b.cost_euros for b in facts.budgets)
    fte = sum(b.fte for b in facts.budgets)
    estimated = sum(b.estimated for b in facts.budgets)
    return cost, fte, estimated


def draft_summary(facts: DocumentFacts) -> str:
    org = facts.organisation
    paragraphs = [
        f"{org} wil beter gebruikmaken van gegevens bij het maken van beleid, het sturen "
        "en het uitvoeren van taken. Dit document zegt waar de gemeente nu staat, waar zij "
        "naartoe wil en welke stappen daarvoor nodig zijn."
    ]
    lines = []
    at_target = [a for a in facts.ambitions if a.target is not None and a.current == a.target]
    growing = [a for a in facts.ambitions if a.target is not None and (a.current or 0) < a.target]
    if facts.baseline_measured_on:
        lines.append(
            f"- Waar staan we? De nulmeting van {date_label(facts.baseline_measured_on)} "
            f"meet zeven onderdelen van datagedreven werken op een schaal van 1 tot 5."
        )
    else:
        lines.append(
            "- Waar staan we? Een eerste inschatting op zeven onderdelen van datagedreven "
            "werken, op een schaal van 1 tot 5; de nulmeting volgt."
        )
    if facts.vision_adopted_on:
        lines.append(
            f"- Waar willen we heen? Het managementteam stelde op "
            f"{date_label(facts.vision_adopted_on)} een visie vast. Op "
            f"{len(growing)} onderdelen wil de gemeente een niveau hoger komen"
            + (f"; op {len(at_target)} is het huidige niveau goed." if at_target else ".")
        )
    else:
        lines.append(
            f"- Waar willen we heen? Op {len(growing)} onderdelen wil de gemeente een niveau "
            "hoger komen. De visie wordt nog vastgesteld."
        )
    if facts.span:
        lines.append(
            f"- Wat gaan we doen? {_actions(facts.action_count)}, {span_label(facts.span)}, "
            f"met hoogstens {facts.capacity} tegelijk."
            + (
                f" Eerst: {_join(facts.first_year_titles[:3]).lower()}."
                if facts.first_year_titles
                else ""
            )
        )
    else:
        lines.append("- Wat gaan we doen? Er zijn nog geen acties gepland.")
    cost, fte, estimated = _total_budget(facts)
    if estimated:
        lines.append(
            f"- Wat kost het? Voor {_actions(estimated)} is een raming gemaakt: samen "
            f"{format_euros(cost)} en {format_number(fte)} fte; zie “Middelen”."
        )
    else:
        lines.append("- Wat kost het? De kosten en de inzet per actie worden nog geraamd.")
    lines.append(
        f"- Hoe weten we of het werkt? Elk jaar meten we opnieuw; de volgende meting is in "
        f"{month_label(facts.next_measurement)}."
    )
    paragraphs.append("\n".join(lines))
    paragraphs.append(
        "Het college wordt gevraagd de visie en het routeplan vast te stellen (zie “Voorstel”)."
    )
    return "\n\n".join(paragraphs)


def draft_decision(facts: DocumentFacts) -> str:
    points = ["Het college wordt gevraagd:"]
    points.append(
        "- de visie op datagedreven werken vast te stellen"
        + (
            f", zoals het managementteam die op {date_label(facts.vision_adopted_on)} "
            "heeft vastgesteld;"
            if facts.vision_adopted_on
            else ";"
        )
    )
    if facts.span:
        points.append(
            f"- in te stemmen met het routeplan {span_label(facts.span)} "
            f"({_actions(facts.action_count)});"
        )
    cost, fte, estimated = _total_budget(facts)
    if estimated:
        points.append(
            f"- kennis te nemen van de geraamde kosten ({format_euros(cost)}) en inzet "
            f"({format_number(fte)} fte) en deze te betrekken bij de begroting;"
        )
    else:
        points.append("- opdracht te geven de kosten en de inzet per actie te ramen;")
    points.append(
        f"- opdracht te geven de datavolwassenheid opnieuw te meten in "
        f"{month_label(facts.next_measurement)};"
    )
    points.append("- de raad te informeren met een raadsinformatiebrief.")
    return "\n".join(points)


def draft_occasion(facts: DocumentFacts) -> str:
    org = facts.organisation
    first = (
        "Gemeenten hebben steeds meer gegevens: over de openbare ruimte, het sociaal domein, "
        "vergunningen en de eigen bedrijfsvoering. Wie die gegevens goed gebruikt, kan "
        "beter plannen, eerder signaleren en uitleggen waarom een besluit is genomen. "
        "Tegelijk vraagt dat om zorgvuldigheid: privacy, informatiebeveiliging en "
        "verantwoord gebruik van algoritmes."
    )
    steps = []
    if facts.survey_completed:
        steps.append(f"een enquête onder het management ({facts.survey_completed} ingevuld)")
    if facts.session_held_on:
        people = (
            f" met {facts.session_participants} deelnemers" if facts.session_participants else ""
        )
        steps.append(
            f"een inspiratie- en visiesessie op {date_label(facts.session_held_on)}{people}"
        )
    if facts.baseline_measured_on:
        steps.append(
            f"een nulmeting van de datavolwassenheid ({date_label(facts.baseline_measured_on)})"
        )
    route = (
        f"Daarom doorliep {org} het traject “{facts.engagement_title}”: {_join(steps)}. "
        if steps
        else f"Daarom startte {org} het traject “{facts.engagement_title}”. "
    )
    return (
        first
        + "\n\n"
        + route
        + "Dit document bundelt de uitkomsten tot een visie en een routeplan voor de "
        "komende jaren."
    )


def draft_vision(facts: DocumentFacts) -> str:
    org = facts.organisation
    if not facts.vision_statements:
        return (
            f"{org} heeft nog geen visie op datagedreven werken vastgesteld. In de "
            "inspiratie- en visiesessie bespreekt het managementteam stellingen en vat het "
            "de uitkomst samen in een visie; die komt in deze paragraaf."
        )
    texts = " ".join(_sentence(s.text) for s in facts.vision_statements)
    paragraphs = [f"{org} kiest voor datagedreven werken. {texts}"]
    supported = max(
        facts.vision_statements,
        key=lambda s: (s.agree + s.agree_with_reservations, s.agree),
    )
    total = supported.agree + supported.agree_with_reservations + supported.disagree
    when = f" op {date_label(facts.vision_adopted_on)}" if facts.vision_adopted_on else ""
    closing = (
        f"Het managementteam stelde deze visie{when} vast in de sessie “{facts.vision_session}”."
    )
    if total:
        closing += (
            f" De meeste steun kreeg: “{supported.text.rstrip('.')}” "
            f"({supported.agree + supported.agree_with_reservations} van de {total} "
            "deelnemers eens)."
        )
    paragraphs.append(closing)
    if facts.priority_names:
        paragraphs.append(f"Voorrang krijgen: {_join([n.lower() for n in facts.priority_names])}.")
    return "\n\n".join(paragraphs)


def draft_ambition(facts: DocumentFacts) -> str:
    lines = [
        "De gemeente meet datagedreven werken op zeven onderdelen, elk op vijf niveaus "
        "(1 – Beginnend tot 5 – Voorbeeldig). Dit is de ambitie per onderdeel:"
    ]
    items = []
    for a in facts.ambitions:
        if a.target is None or a.current is None:
            items.append(f"- {a.name}: nog geen niveau bepaald.")
        elif a.target > a.current:
            when = f", naar verwachting in {a.reached_in.label}" if a.reached_in else ""
            items.append(f"- {a.name}: van {a.current_label} naar {a.target_label}{when}.")
        else:
            items.append(
                f"- {a.name}: blijft op {a.current_label}; dit niveau past bij de gemeente."
            )
    return lines[0] + "\n" + "\n".join(items)


def draft_organisation(facts: DocumentFacts) -> str:
    paragraphs = [
        "Datagedreven werken is geen project van de afdeling informatievoorziening alleen. "
        "De gemeentesecretaris is opdrachtgever; het managementteam bespreekt de voortgang "
        "elk kwartaal. Elke actie in het routeplan heeft een eigenaar:"
    ]
    if facts.owners:
        paragraphs[0] += "\n" + "\n".join(
            f"- {owner}: {_actions(count)}" for owner, count in facts.owners
        )
    if facts.ambassadors:
        names = _join(facts.ambassadors)
        verb = "is" if len(facts.ambassadors) == 1 else "zijn"
        paragraphs.append(
            f"{names} {verb} ambassadeur: opent bijeenkomsten, vertelt wat werkt en bewaakt "
            "samen met de opdrachtgever de voortgang."
        )
    return "\n\n".join(paragraphs)


def draft_resources(facts: DocumentFacts) -> str:
    cost, fte, estimated = _total_budget(facts)
    if not estimated:
        return (
            "De kosten en de inzet van medewerkers worden per actie geraamd. Veel acties "
            "vragen vooral tijd van eigen medewerkers; voor een platform, opleidingen of "
            "externe ondersteuning is budget nodig. Wat al in de begroting staat, wordt "
            "hier aangevuld."
        )
    missing = facts.action_count - estimated
    text = (
        f"Voor {_actions(estimated)} is een raming gemaakt: samen {format_euros(cost)} aan "
        f"kosten en {format_number(fte)} fte aan inzet. De tabel hieronder telt dit op per jaar."
    )
    if missing > 0:
        text += f" Voor {_actions(missing)} volgt de raming nog."
    return text


def draft_risks(facts: DocumentFacts) -> str:
    lines = [
        "Kanttekeningen en risico's:",
        f"- Capaciteit: het plan gaat uit van hoogstens {facts.capacity} acties tegelijk. "
        "Als medewerkers niet vrijkomen, schuift het plan op.",
        "- Leveranciers: wie een platform of dienst inkoopt, legt afspraken vast over "
        "eigendom van de gegevens, exportmogelijkheden en exit.",
        "- Datakwaliteit: analyses zijn zo goed als de gegevens eronder; eigenaarschap en "
        "kwaliteitsmetingen komen daarom vroeg in het plan.",
        "- Privacy (AVG): gegevens over inwoners worden alleen gebruikt met een doel en een "
        "grondslag. Waar persoonsgegevens worden gecombineerd, komt eerst een DPIA "
        "(gegevensbeschermingseffectbeoordeling) en wordt de functionaris "
        "gegevensbescherming betrokken.",
        "- Informatiebeveiliging (BIO): nieuwe toepassingen volgen de Baseline "
        "Informatiebeveiliging Overheid.",
    ]
    if facts.algorithm_titles:
        titles = _join([f"“{t}”" for t in facts.algorithm_titles[:3]])
        lines.append(
            f"- Algoritmes: het plan bevat toepassingen met algoritmes ({titles}). Algoritmes "
            "die inwoners raken, komen in het Algoritmeregister en krijgen vooraf een "
            "toets op mensenrechten (zoals de IAMA); een medewerker blijft beslissen."
        )
    else:
        lines.append(
            "- Algoritmes: komen er later algoritmes die inwoners raken, dan worden die "
            "gepubliceerd in het Algoritmeregister."
        )
    return "\n".join(lines)


SECTION_SPECS = (
    (
        "text_summary",
        "summary",
        _("Summary"),
        _("One page in plain language that a council member reads in two minutes."),
        draft_summary,
    ),
    (
        "text_decision",
        "decision",
        _("Proposed decision"),
        _("The decision points, starting with “Het college wordt gevraagd …”."),
        draft_decision,
    ),
    (
        "text_occasion",
        "occasion",
        _("Occasion"),
        _("Why the municipality started."),
        draft_occasion,
    ),
    (
        "text_vision",
        "vision",
        _("The vision"),
        _("The vision as prose, drafted from the adopted statements."),
        draft_vision,
    ),
    (
        "text_ambition",
        "ambition",
        _("Ambition per dimension"),
        _("From the targets, with the names of the levels."),
        draft_ambition,
    ),
    (
        "text_organisation",
        "organisation",
        _("Organisation and roles"),
        _("Client, owners and ambassadors."),
        draft_organisation,
    ),
    (
        "text_resources",
        "resources",
        _("Resources"),
        _("Cost and FTE; the table per year follows from the estimates per action."),
        draft_resources,
    ),
    (
        "text_risks",
        "risks",
        _("Risks and privacy"),
        _("Capacity, suppliers, data quality, AVG and DPIA, BIO, the Algoritmeregister."),
        draft_risks,
    ),
)


def sections(*, stored: dict[str, str], facts: DocumentFacts) -> list[Section]:
    """Every narrative section: the stored text where edited, else the draft."""
    result = []
    for field_name, anchor, title, help_text, draft_fn in SECTION_SPECS:
        draft = draft_fn(facts)
        text = (stored.get(field_name) or "").strip() or draft
        result.append(
            Section(
                field=field_name,
                anchor=anchor,
                title=str(title),
                help_text=str(help_text),
                text=text,
                draft=draft,
            )
        )
    return result


def owners_by_count(owners: list[str]) -> list[tuple[str, int]]:
    counts = Counter(owner for owner in owners if owner)
    return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
