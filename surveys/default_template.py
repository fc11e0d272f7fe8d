"""The survey template the portal ships: "Kennis en beeld van datagedreven werken".

Default content is Dutch data, not translated strings. The definition uses the same
format as the JSON export (see surveys.definitions); ``default_template_ensure()`` in
surveys.services creates it once.
"""

from typing import Any

DEFAULT_TEMPLATE_KEY = "kennis-en-beeld"

DASHBOARDS = "Dashboards (bijvoorbeeld in Power BI)"
LIKERT_NOTE = "Kies het antwoord dat het best past bij uw eigen ervaring."

DEFAULT_TEMPLATE: dict[str, Any] = {
    "format": "rucphen-survey",
    "version": 1,
    "title": "Kennis en beeld van datagedreven werken",
    "intro": (
        "Ter voorbereiding op de inspiratie- en visiesessie horen we graag hoe u naar "
        "datagedreven werken kijkt. Het invullen duurt ongeveer tien minuten. De enquête is "
        "anoniem: in de resultaten is niet te zien wie wat heeft geantwoord, en uitkomsten "
        "worden pas getoond als genoeg mensen een vraag hebben beantwoord. Uw antwoorden "
        "worden na elke vraag bewaard; u kunt later via dezelfde link verdergaan."
    ),
    "thank_you_text": (
        "Hartelijk dank voor het invullen. De uitkomsten bespreken we samen in het eerste "
        "deel van de inspiratie- en visiesessie."
    ),
    "invitation_subject": "Uw mening over datagedreven werken",
    "invitation_message": (
        "Beste {name},\n\n"
        "Binnenkort houden we een inspiratie- en visiesessie over datagedreven werken. Ter "
        "voorbereiding vragen we u een korte, anonieme enquête in te vullen (ongeveer tien "
        "minuten). Dat kan op uw telefoon of computer, via deze persoonlijke link:\n\n"
        "{link}\n\n"
        "Uw antwoorden worden tussentijds bewaard: u kunt stoppen en later via dezelfde link "
        "verdergaan. Deel de link daarom niet met anderen.\n\n"
        "Met vriendelijke groet,\n"
        "Het projectteam datagedreven werken"
    ),
    "reminder_message": (
        "Beste {name},\n\n"
        "Enige tijd geleden vroegen we u om een korte enquête over datagedreven werken in te "
        "vullen. We hebben uw antwoorden nog niet ontvangen. Wilt u de enquête alsnog "
        "invullen? Als u al begonnen bent, gaat u verder waar u gebleven was:\n\n"
        "{link}\n\n"
        "Met vriendelijke groet,\n"
        "Het projectteam datagedreven werken"
    ),
    "pages": [
        {
            "title": "Over u",
            "intro": "We vragen alleen naar uw domein, zodat we de uitkomsten kunnen plaatsen.",
            "questions": [
                {
                    "key": "domein",
                    "kind": "single",
                    "text": "In welk domein werkt u vooral?",
                    "required": True,
                    "options": [
                        "Bestuur en directie",
                        "Bedrijfsvoering",
                        "Sociaal domein",
                        "Fysiek domein (ruimte, wonen, openbare ruimte)",
                        "Publiekszaken en dienstverlening",
                        "Veiligheid en handhaving",
                    ],
                    "allow_other": True,
                },
            ],
        },
        {
            "title": "Kennis van datagedreven werken",
            "intro": (
                "Datagedreven werken betekent dat u gegevens gebruikt om beter te begrijpen "
                "wat er gebeurt, om keuzes te onderbouwen en om te zien of beleid werkt."
            ),
            "questions": [
                {
                    "key": "kennis",
                    "kind": "scale",
                    "text": "Hoe goed weet u wat datagedreven werken inhoudt?",
                    "help_text": "0 = helemaal niet, 10 = ik kan het een ander uitleggen.",
                    "required": True,
                    "is_highlight": True,
                },
                {
                    "key": "beeld",
                    "kind": "long_text",
                    "text": "Wat stelt u zich voor bij datagedreven werken?",
                    "help_text": "Schrijf op wat in u opkomt; er is geen fout antwoord.",
                },
                {
                    "key": "data-afdeling",
                    "kind": "likert",
                    "text": "Ik weet welke gegevens mijn afdeling verzamelt en beheert.",
                    "help_text": LIKERT_NOTE,
                    "required": True,
                },
                {
                    "key": "dashboard-lezen",
                    "kind": "likert",
                    "text": (
                        "Ik kan een dashboard of rapportage zelf lezen en er de juiste "
                        "conclusies uit trekken."
                    ),
                    "help_text": LIKERT_NOTE,
                    "required": True,
                },
            ],
        },
        {
            "title": "Gebruik van data in uw afdeling",
            "intro": "Hoe gaat het nu? Denk aan uw eigen afdeling of team.",
            "questions": [
                {
                    "key": "besluiten",
                    "kind": "single",
                    "text": "Hoe vaak gebruikt u cijfers of analyses bij het nemen van besluiten?",
                    "required": True,
                    "options": ["Nooit", "Soms", "Regelmatig", "Bijna altijd"],
                    "is_highlight": True,
                },
                {
                    "key": "producten",
                    "kind": "multiple",
                    "text": "Welke informatieproducten gebruikt uw afdeling nu?",
                    "help_text": "Kies alles wat van toepassing is.",
                    "options": [
                        DASHBOARDS,
                        "Periodieke managementrapportages",
                        "Kaarten of een GIS-viewer",
                        "Benchmarks zoals waarstaatjegemeente.nl",
                        "Monitor Sociaal Domein",
                        "Overzichten in Excel",
                        "Geen",
                    ],
                    "allow_other": True,
                },
                {
                    "key": "gevoel",
                    "kind": "likert",
                    "text": "Besluiten worden bij ons vaker op gevoel dan op cijfers genomen.",
                    "help_text": LIKERT_NOTE,
                    "is_highlight": True,
                },
                {
                    "key": "kwaliteit",
                    "kind": "likert",
                    "text": "De kwaliteit van onze gegevens is goed genoeg om op te sturen.",
                    "help_text": LIKERT_NOTE,
                },
            ],
        },
        {
            "title": "Kansen, zorgen en voorbeelden",
            "intro": "Waar liggen volgens u de kansen, en waar maakt u zich zorgen over?",
            "questions": [
                {
                    "key": "welk-dashboard",
                    "kind": "short_text",
                    "text": "Welk dashboard gebruikt u het meest, en waarvoor?",
                    "max_length": 300,
                    "condition": {"question": "producten", "value": DASHBOARDS},
                },
                {
                    "key": "kansen",
                    "kind": "long_text",
                    "text": "Waar ziet u de grootste kansen voor datagedreven werken?",
                },
                {
                    "key": "zorgen",
                    "kind": "multiple",
                    "text": "Welke zorgen herkent u?",
                    "help_text": "Kies alles wat van toepassing is.",
                    "options": [
                        "Privacy en de AVG",
                        "Informatiebeveiliging (BIO)",
                        "Kwaliteit van de gegevens",
                        "Tijd en capaciteit",
                        "Kennis en vaardigheden",
                        "Eerlijkheid van algoritmen",
                        "Kosten",
                    ],
                    "allow_other": True,
                    "is_highlight": True,
                },
                {
                    "key": "voorbeeld",
                    "kind": "short_text",
                    "text": (
                        "Welk voorbeeld van datagedreven werken bij uw eigen of een andere "
                        "gemeente kent u?"
                    ),
                    "max_length": 500,
                },
            ],
        },
        {
            "title": "Prioriteiten en samenwerking",
            "intro": "Tot slot: waar zou u beginnen, en met wie?",
            "questions": [
                {
                    "key": "prioriteiten",
                    "kind": "ranking",
                    "text": (
                        "Bij welke gemeentelijke taken levert datagedreven werken volgens u het "
                        "meeste op? Kies uw top 3."
                    ),
                    "required": True,
                    "ranking_top": 3,
                    "options": [
                        "Openbare ruimte en meldingen",
                        "Afval en grondstoffen",
                        "Sociaal domein en schuldhulp",
                        "Veiligheid en ondermijning",
                        "Wonen en ruimtelijke ordening",
                        "Dienstverlening aan inwoners",
                        "Bedrijfsvoering (financiën, personeel, inkoop)",
                        "Parkeren en mobiliteit",
                    ],
                    "is_highlight": True,
                },
                {
                    "key": "belang",
                    "kind": "scale",
                    "text": (
                        "Hoe belangrijk is datagedreven werken voor onze gemeente in de komende "
                        "drie jaar?"
                    ),
                    "help_text": "0 = niet belangrijk, 10 = zeer belangrijk.",
                },
                {
                    "key": "samen",
                    "kind": "single",
                    "text": "Hoe kan onze gemeente dit het beste aanpakken?",
                    "options": [
                        "Zelfstandig",
                        "Samen met gemeenten in de regio",
                        "Via een samenwerkingsverband of uitvoeringsorganisatie",
                        "Weet ik niet",
                    ],
                    "is_highlight": True,
                },
                {
                    "key": "ambassadeur",
                    "kind": "likert",
                    "text": "Ik wil zelf een actieve rol spelen bij datagedreven werken.",
                    "help_text": "Bijvoorbeeld als ambassadeur in het managementteam.",
                },
                {
                    "key": "meegeven",
                    "kind": "long_text",
                    "text": "Wilt u nog iets meegeven voor de sessie?",
                    "max_length": 2000,
                },
            ],
        },
    ],
}
