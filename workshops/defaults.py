"""Default content of a session, in Dutch: slides, statements and the example gallery.

This is data, not interface text: it is copied into a session (slides, statements) or
ensured in the shared gallery (examples) by ``workshops.services.default_content_ensure``.
"""

from typing import Any

DEFAULT_SLIDES = [
    {
        "title": "Wat is datagedreven werken?",
        "body": (
            "Datagedreven werken betekent: **besluiten nemen op basis van feiten**, naast "
            "ervaring en intuïtie.\n\n"
            "- We verzamelen gegevens die we toch al hebben, of gericht meten.\n"
            "- We maken er informatie van die collega's begrijpen.\n"
            "- We gebruiken die informatie om beter te plannen, te sturen en te leren.\n\n"
            "Het gaat niet om techniek, maar om **betere dienstverlening aan inwoners**."
        ),
    },
    {
        "title": "Van data naar wijsheid (DIKW)",
        "body": (
            "1. **Data**: losse feiten, zoals 1.243 meldingen openbare ruimte.\n"
            "2. **Informatie**: data met betekenis: 40% van de meldingen gaat over zwerfafval "
            "in het centrum.\n"
            "3. **Kennis**: verbanden begrijpen: na markten stijgt het aantal meldingen.\n"
            "4. **Wijsheid**: er naar handelen: we plannen extra veegrondes op marktdagen.\n\n"
            "Elke trede vraagt meer context en meer samenwerking tussen vak en data."
        ),
    },
    {
        "title": "De analyseladder",
        "body": (
            "1. **Beschrijvend**: wat is er gebeurd? (dashboards, monitors)\n"
            "2. **Diagnostisch**: waarom is het gebeurd? (verbanden, verdieping)\n"
            "3. **Voorspellend**: wat gaat er gebeuren? (modellen, risico-inschattingen)\n"
            "4. **Voorschrijvend**: wat moeten we doen? (optimalisatie, advies)\n\n"
            "Hoe hoger op de ladder, hoe zwaarder de eisen aan datakwaliteit en aan "
            "verantwoord gebruik."
        ),
    },
    {
        "title": "Plan, do, check, act",
        "body": (
            "Datagedreven werken is een **lerende cyclus**:\n\n"
            "- **Plan**: wat willen we bereiken en hoe meten we dat?\n"
            "- **Do**: voer uit en verzamel gegevens.\n"
            "- **Check**: wat zeggen de cijfers? Klopt ons beeld?\n"
            "- **Act**: stuur bij en begin opnieuw.\n\n"
            "Zo past het in de planning-en-controlcyclus van de gemeente."
        ),
    },
]

DEFAULT_STATEMENTS = [
    "Onze gemeente neemt besluiten vaker op gevoel dan op feiten.",
    "Ik weet welke gegevens mijn afdeling heeft en waar ze staan.",
    "Datagedreven werken is vooral iets voor de informatievoorziening, niet voor mijn team.",
    "We moeten eerst onze datakwaliteit op orde hebben voordat we gaan voorspellen.",
    "Als kleine gemeente moeten we datagedreven werken samen met andere gemeenten in de regio "
    "oppakken.",
    "Ik vertrouw erop dat we algoritmes verantwoord en transparant inzetten.",
    "Over drie jaar gebruikt elk managementoverleg vaste stuurinformatie.",
    "Cijfers mogen het oordeel van de professional niet vervangen, alleen ondersteunen.",
    "Elk team heeft een eigen data-analist nodig, niet één centraal team.",
    "We kopen pas een dataplatform als de basis (eigenaarschap, kwaliteit) op orde is.",
    "Onze gegevens zijn open data, tenzij er een goede reden is om ze af te schermen.",
    "De gemeenteraad moet dezelfde dashboards kunnen zien als het managementteam.",
    "In het sociaal domein moeten we durven experimenteren met voorspellende modellen.",
]

DEFAULT_VISION_TITLE = "Onze visie op datagedreven werken"
DEFAULT_AMBASSADOR_TITLE = "Wie wordt ambassadeur?"
SURVEY_SLIDE_TITLE = "Wat zei de enquête?"

# The shared gallery, from public sources (see DOMAIN.md). ``chart``: sample data for a live
# chart where there is no picture; values are illustrative, not the municipality's figures.
DEFAULT_EXAMPLES: list[dict[str, Any]] = [
    {
        "title": "Signalen: meldingen automatisch bij de juiste afdeling",
        "municipality": "Amsterdam, 's-Hertogenbosch, Almere en Woensdrecht",
        "task": "public_space",
        "complexity": "advanced",
        "summary": (
            "Machine learning leest binnenkomende meldingen openbare ruimte en stuurt ze naar "
            "de juiste afdeling. Is het model minder dan 40% zeker, dan beslist een medewerker."
        ),
        "data_used": "Tekst en locatie van meldingen openbare ruimte.",
        "benefits": "Snellere afhandeling en minder handmatig doorsturen; mens blijft beslissen.",
        "source_name": "VNG Realisatie (2020); Algoritmeregister",
        "source_url": "https://algoritmes.overheid.nl/",
        "chart": {
            "type": "bar",
            "title": "Meldingen per categorie (voorbeelddata)",
            "labels": ["Afval", "Groen", "Verlichting", "Wegen", "Overig"],
            "values": [420, 310, 120, 260, 90],
            "x_title": "Categorie",
            "y_title": "Aantal meldingen",
        },
    },
    {
        "title": "Meldingen openbare ruimte als open data",
        "municipality": "Dordrecht / VNG Realisatie",
        "task": "public_space",
        "complexity": "simple",
        "summary": (
            "Meldingen openbare ruimte worden gepubliceerd als open data, met een eenvoudige "
            "kaart en dashboard."
        ),
        "data_used": "Meldingen openbare ruimte (categorie, wijk, datum, status).",
        "benefits": (
            "Inzicht voor bestuur, wijkteams en inwoners; minder losse informatieverzoeken."
        ),
        "source_name": "VNG Realisatie, Signalen / open data",
        "source_url": "https://www.vngrealisatie.nl/",
        "chart": {
            "type": "line",
            "title": "Meldingen per maand (voorbeelddata)",
            "labels": ["jan", "feb", "mrt", "apr", "mei", "jun"],
            "values": [180, 165, 210, 250, 270, 240],
            "x_title": "Maand",
            "y_title": "Aantal meldingen",
        },
    },
    {
        "title": "Vulgraadsensoren en dynamische routes",
        "municipality": "Rotterdam",
        "task": "waste",
        "complexity": "advanced",
        "summary": (
            "Sensoren in ongeveer 6.540 containers meten de vulgraad; de inzamelroute wordt "
            "dagelijks dynamisch gepland. Storingen in sensoren waren een belangrijke les."
        ),
        "data_used": "Vulgraadmetingen, containerlocaties, routes.",
        "benefits": "Minder onnodige ritten; lessen over sensorbeheer en datakwaliteit.",
        "source_name": "Gemeente Rotterdam",
        "source_url": "https://www.rotterdam.nl/",
        "chart": {
            "type": "bar",
            "title": "Vulgraad bij legen (voorbeelddata)",
            "labels": ["<25%", "25–50%", "50–75%", "75–100%"],
            "values": [12, 28, 35, 25],
            "x_title": "Vulgraad",
            "y_title": "% van de ledigingen",
        },
    },
    {
        "title": "Dynamisch inzamelen met 1.300 containers",
        "municipality": "Twente Milieu (8 gemeenten)",
        "task": "waste",
        "complexity": "advanced",
        "summary": (
            "Dynamische inzameling van ongeveer 1.300 containers op basis van vulgraad, "
            "gezamenlijk voor acht gemeenten."
        ),
        "data_used": "Vulgraadsensoren, routeplanning.",
        "benefits": "Ongeveer 20% besparing; een voorbeeld van regionale samenwerking.",
        "source_name": "Twente Milieu",
        "source_url": "https://www.twentemilieu.nl/",
        "chart": {
            "type": "bar",
            "title": "Ritten per week (voorbeelddata)",
            "labels": ["Vast schema", "Dynamisch"],
            "values": [100, 80],
            "x_title": "Werkwijze",
            "y_title": "Index ritten",
        },
    },
    {
        "title": "Containersensoren: te vroeg geleegd",
        "municipality": "Utrecht",
        "task": "waste",
        "complexity": "simple",
        "summary": (
            "Sensoren lieten zien dat containers bij het legen vaak nog geen 50% vol waren. "
            "Met die eenvoudige meting kon het schema worden aangepast."
        ),
        "data_used": "Vulgraad per container.",
        "benefits": "Minstens 20% minder ritten.",
        "source_name": "Gemeente Utrecht",
        "source_url": "https://www.utrecht.nl/",
        "chart": {
            "type": "bar",
            "title": "Ritten per maand (voorbeelddata)",
            "labels": ["Voor", "Na"],
            "values": [500, 400],
            "x_title": "Periode",
            "y_title": "Aantal ritten",
        },
    },
    {
        "title": "City Deal Zicht op Ondermijning",
        "municipality": "Amsterdam, Den Haag, Rotterdam, Tilburg, Utrecht en CBS",
        "task": "safety",
        "complexity": "advanced",
        "summary": (
            "Een dashboard op CBS-microdata toont onder meer gebieden waar wietkwekerijen "
            "waarschijnlijk zijn, zonder dat iets te herleiden is tot adressen."
        ),
        "data_used": "CBS-microdata (energie, wonen, inkomen), op gebiedsniveau.",
        "benefits": "Gericht inzetten van toezicht zonder privacy van inwoners te schenden.",
        "source_name": "City Deal Zicht op Ondermijning",
        "source_url": "https://www.zichtopondermijning.nl/",
        "chart": {
            "type": "bar",
            "title": "Risico-indicator per wijk (voorbeelddata)",
            "labels": ["Wijk A", "Wijk B", "Wijk C", "Wijk D", "Wijk E"],
            "values": [0.2, 0.5, 0.3, 0.8, 0.4],
            "x_title": "Wijk",
            "y_title": "Indicator (0–1)",
        },
    },
    {
        "title": "Datavolwassenheidsscan ondermijning",
        "municipality": "Gemeenten RIEC Brabant-Zeeland",
        "task": "safety",
        "complexity": "simple",
        "summary": "Een scan in drie stappen: enquête, workshop en rapport.",
        "data_used": "Antwoorden van medewerkers en leidinggevenden.",
        "benefits": "Een gedeeld beeld van waar de gemeente staat en wat de volgende stap is.",
        "source_name": "RIEC Zeeland-West-Brabant",
        "source_url": "https://www.riec.nl/",
        "chart": {},
    },
    {
        "title": "Risicomodel illegale vakantieverhuur",
        "municipality": "Amsterdam",
        "task": "housing",
        "complexity": "advanced",
        "summary": (
            "Een risicomodel bepaalt welke meldingen van illegale vakantieverhuur eerst "
            "worden onderzocht. Handhavers nemen het besluit."
        ),
        "data_used": "Meldingen, registraties, eerdere onderzoeken.",
        "benefits": "Handhavingscapaciteit gaat naar de meldingen met het meeste risico.",
        "source_name": "Algoritmeregister Amsterdam",
        "source_url": "https://algoritmeregister.amsterdam.nl/",
        "chart": {},
    },
    {
        "title": "Voorspellen van herhaald schoolverzuim",
        "municipality": "Den Haag",
        "task": "education",
        "complexity": "advanced",
        "summary": (
            "Een beslisboom voorspelt welke leerlingen na een waarschuwingsbrief opnieuw "
            "verzuimen (AUC 0,83), zodat leerplichtambtenaren eerder in gesprek gaan."
        ),
        "data_used": "Verzuimmeldingen en eerdere interventies.",
        "benefits": "Eerder en gerichter contact met leerlingen en ouders.",
        "source_name": "Gemeente Den Haag",
        "source_url": "https://www.denhaag.nl/",
        "chart": {},
    },
    {
        "title": "Monitor Sociaal Domein",
        "municipality": "Alle gemeenten",
        "task": "social",
        "complexity": "simple",
        "summary": (
            "De Gemeentelijke Monitor Sociaal Domein vergelijkt jeugdhulp, Wmo en participatie "
            "met andere gemeenten op waarstaatjegemeente.nl."
        ),
        "data_used": "Landelijke registraties (CBS) per gemeente.",
        "benefits": "Benchmarken met vergelijkbare gemeenten zonder eigen data-infrastructuur.",
        "source_name": "waarstaatjegemeente.nl",
        "source_url": "https://www.waarstaatjegemeente.nl/",
        "chart": {
            "type": "bar",
            "title": "Jongeren met jeugdhulp, % (voorbeelddata)",
            "labels": ["Onze gemeente", "Vergelijkbare gemeenten", "Nederland"],
            "values": [10.5, 9.8, 10.1],
            "x_title": "",
            "y_title": "%",
        },
    },
    {
        "title": "Vroegsignalering van schulden",
        "municipality": "Ongeveer 300 gemeenten",
        "task": "social",
        "complexity": "simple",
        "summary": (
            "Signalen over betalingsachterstanden (huur, energie, water, zorgverzekering) komen "
            "samen, zodat de gemeente inwoners vroeg hulp kan aanbieden."
        ),
        "data_used": (
            "Signalen van woningcorporaties, energie- en waterbedrijven, zorgverzekeraars."
        ),
        "benefits": "Hulp voordat schulden problematisch worden.",
        "source_name": "Vroegsignalering.nl",
        "source_url": "https://www.vroegsignalering.nl/",
        "chart": {
            "type": "line",
            "title": "Signalen per maand (voorbeelddata)",
            "labels": ["jan", "feb", "mrt", "apr", "mei", "jun"],
            "values": [55, 61, 58, 70, 66, 72],
            "x_title": "Maand",
            "y_title": "Aantal signalen",
        },
    },
    {
        "title": "Wallenmonitor: drukte meten",
        "municipality": "Amsterdam",
        "task": "safety",
        "complexity": "advanced",
        "summary": "Telsensoren meten de drukte in de binnenstad, zodat crowd managers bijsturen.",
        "data_used": "Tellingen van passanten per straat en kwartier.",
        "benefits": "Eerder ingrijpen bij drukte; veiliger openbare ruimte.",
        "source_name": "Gemeente Amsterdam",
        "source_url": "https://www.amsterdam.nl/",
        "chart": {
            "type": "line",
            "title": "Passanten per uur (voorbeelddata)",
            "labels": ["18u", "19u", "20u", "21u", "22u", "23u"],
            "values": [1200, 1800, 2600, 3400, 3900, 3100],
            "x_title": "Uur",
            "y_title": "Passanten",
        },
    },
    {
        "title": "Living lab Stratumseind",
        "municipality": "Eindhoven",
        "task": "safety",
        "complexity": "advanced",
        "summary": (
            "Geluidssensoren en experimenten met verlichting in de uitgaansstraat, om te leren "
            "wat de veiligheid verbetert."
        ),
        "data_used": "Geluidsniveaus, drukte, incidenten.",
        "benefits": "Experimenteren met maatregelen en meten wat werkt.",
        "source_name": "Gemeente Eindhoven",
        "source_url": "https://www.eindhoven.nl/",
        "chart": {},
    },
    {
        "title": "Scanauto voor parkeercontrole",
        "municipality": "Tilburg en Haarlem",
        "task": "mobility",
        "complexity": "simple",
        "summary": "Een scanauto controleert parkeerrechten op kentekens.",
        "data_used": "Kentekenscans en parkeerrechten.",
        "benefits": "In Tilburg steeg het aantal boetes van ongeveer 1.560 naar 4.700 per maand.",
        "source_name": "Gemeente Tilburg",
        "source_url": "https://www.tilburg.nl/",
        "chart": {
            "type": "bar",
            "title": "Parkeerboetes per maand (Tilburg)",
            "labels": ["Voor de scanauto", "Met de scanauto"],
            "values": [1560, 4700],
            "x_title": "",
            "y_title": "Boetes per maand",
        },
    },
    {
        "title": "Les: risicoscore bijstandsfraude gestopt",
        "municipality": "Rotterdam",
        "task": "social",
        "complexity": "advanced",
        "summary": (
            "Een risicoscore voor bijstandsfraude werd in 2021 gestopt nadat de Rekenkamer een "
            "risico op vooringenomenheid vaststelde. Een les over verantwoord gebruik."
        ),
        "data_used": "Gegevens van bijstandsgerechtigden.",
        "benefits": "Leerpunt: toets algoritmes vooraf (IAMA) en wees transparant.",
        "source_name": "Rekenkamer Rotterdam (2021)",
        "source_url": "https://rekenkamer.rotterdam.nl/",
        "chart": {},
    },
]

# Titles of the default gallery examples a new session starts with, alternating simple and
# advanced.
DEFAULT_SESSION_EXAMPLES = [
    "Meldingen openbare ruimte als open data",
    "Signalen: meldingen automatisch bij de juiste afdeling",
    "Containersensoren: te vroeg geleegd",
    "City Deal Zicht op Ondermijning",
    "Vroegsignalering van schulden",
    "Les: risicoscore bijstandsfraude gestopt",
]

# --- The interactive kinds of a default agenda -------------------------------------------

# An open question early in part 1: its word cloud shows what the room pictures.
DEFAULT_QUESTION_TITLE = "Waar denkt u aan bij datagedreven werken?"
DEFAULT_POLL = {
    "title": "Hoe vaak gebruikt u cijfers bij een besluit van uw team?",
    "options": ["Bijna nooit", "Soms", "Vaak", "Bijna altijd"],
}
# Ideas in part 3, after the statements: what the room would like to know from data.
DEFAULT_IDEAS_TITLE = "Welke vraag zou u met data willen beantwoorden?"
# The ranking in part 4: its top three become the session's priorities for the roadmap.
DEFAULT_RANKING_TITLE = "Welke dimensies pakken we als eerste aan?"

# Dutch stop words left out of a word cloud: articles, pronouns, prepositions,
# conjunctions, auxiliary verbs and filler words (after the Snowball list, extended).
DUTCH_STOP_WORDS = frozenset(
    """
    aan al alle alles als altijd andere ben bij daar dan dat de der deze die dit doch doen
    door dus een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe
    hun iemand iets ik in is ja je jij jou jouw kan kon kunnen maar me meer men met mij mijn
    moet na naar niet niets nog nu of om omdat ons onze ook op over reeds te tegen toch toen
    tot u uit uw van veel voor want waren was wat we wel werd wezen wie wij wil worden wordt
    zal ze zei zelf zich zij zijn zo zonder zou zouden elk elke ieder iedere hen wanneer waar
    welke welk waarom nee heel erg zeer beetje gewoon eigenlijk vooral echt even ofzo enz etc
    gaan gaat ga komt komen kunt mag mogen moeten willen wilt zullen zult hebt had hadden
    word werden geworden zit zitten staat staan dingen ding manier soort vaak soms nooit
    """.split()
)
