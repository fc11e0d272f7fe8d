"""The default Dutch maturity model for municipalities, in the JSON exchange format.

Seven dimensions (the keys of ``baseline.selectors.DEFAULT_DIMENSION_KEYS``) and five
levels, each question level-anchored. It rests on the UK Data Maturity Assessment for
Government (CDDO, 2023), the Data Orchard Data Maturity Framework, CMMI Data Management
Maturity, the EU Open Data Maturity assessment, the VNG/Berenschot phases of
data-driven steering (2018) and the ODI Open Data Pathway. This is Dutch data, not a
translated string: ``default_model_ensure()`` loads it through ``model_import``.
"""

from typing import Any

DEFAULT_MODEL_KEY = "gemeentelijke-datavolwassenheid"

DEFAULT_MODEL: dict[str, Any] = {
    "format": "rucphen-maturity-model",
    "format_version": 1,
    "model": {
        "key": DEFAULT_MODEL_KEY,
        "name": "Datavolwassenheid gemeenten",
        "description": (
            "Zeven dimensies van datagedreven werken in een Nederlandse gemeente, elk in vijf "
            "niveaus. Gebaseerd op de UK Data Maturity Assessment for Government (CDDO, 2023), "
            "het Data Orchard Data Maturity Framework, CMMI Data Management Maturity, de EU "
            "Open Data Maturity-meting en de fasen van datagedreven sturing van VNG en "
            "Berenschot (2018). Er is bewust geen totaalscore: de uitkomst is een profiel per "
            "dimensie."
        ),
    },
    "version": {"number": 1, "changelog": "Eerste versie."},
    "levels": [
        {
            "number": 1,
            "name": "Beginnend",
            "description": "Data wordt incidenteel en persoonsafhankelijk gebruikt; er is nog "
            "geen gezamenlijk beeld (vergelijk ‘agendering’ bij VNG/Berenschot).",
        },
        {
            "number": 2,
            "name": "Verkennend",
            "description": "Er zijn eerste initiatieven en experimenten, vaak los van elkaar.",
        },
        {
            "number": 3,
            "name": "Lerend",
            "description": "Werkwijzen worden vastgelegd en gedeeld; de organisatie leert van "
            "wat werkt (‘verbreden door leren’).",
        },
        {
            "number": 4,
            "name": "Ontwikkelend",
            "description": "Datagedreven werken is organisatiebreed ingericht en wordt "
            "structureel verbeterd.",
        },
        {
            "number": 5,
            "name": "Voorbeeldig",
            "description": "Datagedreven werken is verankerd in sturing en cultuur; de gemeente "
            "is een voorbeeld voor anderen (‘verankering’).",
        },
    ],
    "dimensions": [
        {
            "key": "strategy",
            "name": "Strategie en leiderschap",
            "description": "Visie, ambitie, mandaat en middelen voor datagedreven werken.",
            "sources": "UK DMA (thema leadership), Data Orchard (Leadership), CMMI DMM "
            "(Data Management Strategy), VNG/Berenschot (fasen van datagedreven sturing).",
            "descriptors": [
                "Er is geen visie op data; het onderwerp staat niet op de bestuurlijke agenda.",
                "Data staat op de agenda; enkele leidinggevenden zien er kansen in.",
                "Er is een vastgestelde datavisie met ambities, maar nog beperkt vertaald in "
                "middelen.",
                "De datastrategie is gekoppeld aan de organisatiedoelen, met budget, mandaat en "
                "een eigenaar in de directie.",
                "Data is een vast onderdeel van strategie en sturing; het bestuur stuurt op "
                "resultaten en draagt de ambitie actief uit.",
            ],
            "questions": [
                {
                    "key": "visie",
                    "text": "In hoeverre heeft de gemeente een visie op datagedreven werken?",
                    "options": [
                        "Er is geen visie; het onderwerp is nog niet besproken.",
                        "Er wordt over gesproken, maar er is niets vastgelegd.",
                        "Er is een visie vastgesteld door het managementteam.",
                        "De visie is uitgewerkt in een strategie met doelen en middelen.",
                        "De visie wordt jaarlijks geëvalueerd en bijgesteld op basis van "
                        "resultaten.",
                    ],
                },
                {
                    "key": "mandaat",
                    "text": "Wie is eigenaar van datagedreven werken in de organisatie?",
                    "options": [
                        "Niemand; het hangt af van enthousiaste individuen.",
                        "Een medewerker of afdeling trekt het informeel.",
                        "Er is een aangewezen trekker met een beperkt mandaat.",
                        "Een directielid is eigenaar en heeft mandaat en budget.",
                        "Eigenaarschap is belegd in directie en lijn; bestuurders spreken elkaar "
                        "erop aan.",
                    ],
                },
                {
                    "key": "middelen",
                    "text": "Hoe zijn tijd en geld voor datagedreven werken geregeld?",
                    "options": [
                        "Er zijn geen middelen voor vrijgemaakt.",
                        "Incidenteel, per project of uit restbudget.",
                        "Er is een jaarlijks budget, maar nog niet structureel.",
                        "Er is een structureel budget, gekoppeld aan de strategie.",
                        "Investeringen worden afgewogen op opbrengsten en periodiek herijkt.",
                    ],
                },
                {
                    "key": "voorbeeldgedrag",
                    "text": "In hoeverre vragen bestuurders en managers om data bij besluiten?",
                    "options": [
                        "Zelden; besluiten rusten op ervaring en gevoel.",
                        "Soms, vooral als er toevallig cijfers zijn.",
                        "Regelmatig; bij grote besluiten wordt om onderbouwing gevraagd.",
                        "Standaard; adviezen zonder onderbouwing met data worden teruggestuurd.",
                        "Bestuurders dragen het uit en stimuleren experimenten met data.",
                    ],
                },
            ],
        },
        {
            "key": "people",
            "name": "Mensen en cultuur",
            "description": "Datageletterdheid, analistencapaciteit en een cultuur waarin "
            "besluiten op data rusten.",
            "sources": "UK DMA (thema's culture en skills), Data Orchard (Culture, Skills), "
            "VNG/Berenschot (verbreden door leren).",
            "descriptors": [
                "Kennis van data is beperkt tot enkele specialisten; data wordt gezien als ‘iets "
                "van ICT’.",
                "Medewerkers zijn nieuwsgierig; er zijn enkele analisten, verspreid over de "
                "organisatie.",
                "Er is een opleidingsaanbod en een netwerk van analisten dat kennis deelt.",
                "Datageletterdheid is onderdeel van functieprofielen; er is voldoende "
                "analysecapaciteit.",
                "Werken met data is vanzelfsprekend; de gemeente trekt talent aan en deelt "
                "kennis met anderen.",
            ],
            "questions": [
                {
                    "key": "geletterdheid",
                    "text": "Hoe goed kunnen medewerkers en managers cijfers lezen en "
                    "interpreteren?",
                    "options": [
                        "De meesten vinden dat lastig en laten het aan anderen over.",
                        "Een deel kan eenvoudige overzichten lezen.",
                        "De meesten kunnen dashboards lezen en stellen kritische vragen.",
                        "Datageletterdheid wordt actief ontwikkeld en in gesprekken getoetst.",
                        "Iedereen gebruikt data vanzelfsprekend en kent de beperkingen ervan.",
                    ],
                },
                {
                    "key": "analisten",
                    "text": "Hoeveel capaciteit is er voor data-analyse?",
                    "options": [
                        "Geen; analyses worden niet of alleen extern gedaan.",
                        "Enkele medewerkers doen het naast hun eigen werk.",
                        "Er zijn analisten, maar de vraag is groter dan het aanbod.",
                        "Er is een team met voldoende capaciteit en vaste werkwijzen.",
                        "Het team werkt domeinbreed en regionaal samen en ontwikkelt zich door.",
                    ],
                },
                {
                    "key": "opleiding",
                    "text": "Hoe worden medewerkers opgeleid in het werken met data?",
                    "options": [
                        "Er is geen opleidingsaanbod.",
                        "Wie wil, zoekt zelf een cursus.",
                        "Er is een basisaanbod voor wie ermee werkt.",
                        "Er zijn leerlijnen per rol, van basis tot specialist.",
                        "Leren is doorlopend en wordt gemeten; de gemeente deelt haar aanbod met "
                        "anderen.",
                    ],
                },
                {
                    "key": "besluitcultuur",
                    "text": "Wat gebeurt er als data iets anders laat zien dan verwacht?",
                    "options": [
                        "De data wordt meestal terzijde gelegd.",
                        "Het leidt soms tot vragen, maar zelden tot andere keuzes.",
                        "Het wordt besproken en leidt soms tot bijsturing.",
                        "Het is een vast moment om beleid of uitvoering bij te stellen.",
                        "Tegenvallende uitkomsten worden gedeeld als leerkans, ook naar buiten.",
                    ],
                },
            ],
        },
        {
            "key": "governance",
            "name": "Governance en eigenaarschap",
            "description": "Data-eigenaren, databeleid en een datacatalogus.",
            "sources": "CMMI DMM (Data Governance), UK DMA (topics ownership and governance), "
            "EU Open Data Maturity (Policy).",
            "descriptors": [
                "Niemand is verantwoordelijk voor gegevens; er is geen databeleid.",
                "Voor enkele registraties is een eigenaar bekend; beleid is in ontwikkeling.",
                "Data-eigenaren zijn benoemd voor de belangrijkste gegevens; er is vastgesteld "
                "databeleid.",
                "Eigenaarschap, beleid en een datacatalogus worden organisatiebreed toegepast en "
                "bewaakt.",
                "Governance is verankerd in de organisatie en wordt periodiek getoetst en "
                "verbeterd.",
            ],
            "questions": [
                {
                    "key": "eigenaren",
                    "text": "Is bekend wie eigenaar is van de belangrijkste gegevens?",
                    "options": [
                        "Nee, dat is onduidelijk.",
                        "Voor enkele basisregistraties wel.",
                        "Voor de meeste kernregistraties zijn eigenaren benoemd.",
                        "Voor alle belangrijke datasets, met vastgelegde taken.",
                        "Eigenaren sturen actief op kwaliteit en gebruik en leggen verantwoording "
                        "af.",
                    ],
                },
                {
                    "key": "beleid",
                    "text": "Is er databeleid (afspraken over beheer, delen en bewaren)?",
                    "options": [
                        "Nee.",
                        "Er zijn losse afspraken per afdeling.",
                        "Er is organisatiebreed databeleid vastgesteld.",
                        "Het beleid wordt toegepast en de naleving wordt gevolgd.",
                        "Het beleid wordt periodiek geëvalueerd en afgestemd met regiopartners.",
                    ],
                },
                {
                    "key": "catalogus",
                    "text": "Is er een overzicht van de datasets van de gemeente (datacatalogus)?",
                    "options": [
                        "Nee, niemand heeft een overzicht.",
                        "Er zijn losse lijsten per afdeling.",
                        "Er is een centrale lijst, maar die is niet volledig of actueel.",
                        "Er is een actuele catalogus met beschrijvingen (bijvoorbeeld volgens "
                        "DCAT).",
                        "De catalogus wordt actief gebruikt, ook voor open data en hergebruik.",
                    ],
                },
            ],
        },
        {
            "key": "quality",
            "name": "Datakwaliteit",
            "description": "Meten van kwaliteit, standaarden (zoals GEMMA, IMBOR en DCAT) en "
            "actualiteit.",
            "sources": "CMMI DMM (Data Quality), UK DMA (thema data), EU Open Data Maturity "
            "(Quality), Data Orchard (Data).",
            "descriptors": [
                "Kwaliteit is onbekend; fouten komen toevallig aan het licht.",
                "Kwaliteitsproblemen zijn bekend en worden incidenteel opgelost.",
                "Kwaliteit wordt voor kerngegevens gemeten; standaarden worden gebruikt bij "
                "nieuwe systemen.",
                "Kwaliteit wordt structureel gemeten en verbeterd; standaarden zijn de norm.",
                "Kwaliteit wordt bij de bron geborgd en is aantoonbaar; de gemeente levert "
                "betrouwbare open data.",
            ],
            "questions": [
                {
                    "key": "meten",
                    "text": "Wordt de kwaliteit van gegevens gemeten?",
                    "options": [
                        "Nee.",
                        "Alleen als er een probleem is.",
                        "Voor enkele kerngegevens, periodiek.",
                        "Structureel, met normen en rapportages aan de eigenaren.",
                        "Doorlopend en geautomatiseerd, met verbetering bij de bron.",
                    ],
                },
                {
                    "key": "standaarden",
                    "text": "Worden standaarden gebruikt (zoals GEMMA, IMBOR, DCAT, "
                    "basisregistraties)?",
                    "options": [
                        "Nee, of ze zijn onbekend.",
                        "Ze zijn bekend, maar worden nauwelijks toegepast.",
                        "Bij nieuwe systemen en koppelingen wordt erop gelet.",
                        "Ze zijn de norm bij inkoop, inrichting en uitwisseling.",
                        "De gemeente draagt bij aan de ontwikkeling van standaarden.",
                    ],
                },
                {
                    "key": "actualiteit",
                    "text": "Hoe actueel zijn de gegevens wanneer ze nodig zijn?",
                    "options": [
                        "Vaak verouderd of moeilijk te achterhalen.",
                        "Actueel voor enkele toepassingen, met handwerk.",
                        "De belangrijkste gegevens zijn op tijd beschikbaar.",
                        "Gegevens worden automatisch en tijdig ververst.",
                        "Gegevens zijn waar nodig realtime beschikbaar en bewaakt.",
                    ],
                },
                {
                    "key": "vertrouwen",
                    "text": "In hoeverre vertrouwen gebruikers de cijfers die ze krijgen?",
                    "options": [
                        "Er is veel discussie over welke cijfers kloppen.",
                        "Men vertrouwt vooral de eigen cijfers.",
                        "Voor de belangrijkste cijfers is er één afgesproken bron.",
                        "Cijfers hebben een duidelijke herkomst en definitie.",
                        "Cijfers worden zonder discussie gebruikt, ook door partners.",
                    ],
                },
            ],
        },
        {
            "key": "platform",
            "name": "Tools en platform",
            "description": "De technische voorzieningen om data op te slaan, te koppelen, te "
            "analyseren en te delen.",
            "sources": "UK DMA (thema tools), Data Orchard (Tools), CMMI DMM (Platform and "
            "Architecture), EU Open Data Maturity (Portal).",
            "descriptors": [
                "Data zit in losse applicaties en spreadsheets.",
                "Er zijn eerste rapportagetools, per afdeling ingericht.",
                "Er is een centrale voorziening voor de belangrijkste gegevens.",
                "Er is een beheerd dataplatform met koppelingen, dashboards en analysetools.",
                "Het platform is schaalbaar, veilig en gedeeld met partners; open data wordt "
                "automatisch gepubliceerd.",
            ],
            "questions": [
                {
                    "key": "opslag",
                    "text": "Waar staan de gegevens die nodig zijn voor analyses?",
                    "options": [
                        "Verspreid in applicaties en spreadsheets.",
                        "Er worden exports verzameld op een gedeelde schijf.",
                        "Een deel staat in een centrale database of datawarehouse.",
                        "Een beheerd dataplatform ontsluit de meeste bronnen.",
                        "Het platform ontsluit alle relevante bronnen, ook van partners.",
                    ],
                },
                {
                    "key": "rapportage",
                    "text": "Welke tools zijn er voor rapportage en analyse?",
                    "options": [
                        "Vooral spreadsheets.",
                        "Losse rapportagetools per afdeling.",
                        "Een standaard BI-tool voor de hele organisatie.",
                        "BI-tool en analysetools (zoals Python of R) met beheer en ondersteuning.",
                        "Een volledige omgeving, ook voor geavanceerde analyse en modellen.",
                    ],
                },
                {
                    "key": "beheer",
                    "text": "Hoe is het beheer van de datavoorzieningen geregeld?",
                    "options": [
                        "Niet; het hangt van individuen af.",
                        "Ad hoc, door ICT naast ander werk.",
                        "Er is beheer belegd, maar met beperkte capaciteit.",
                        "Professioneel beheer met afspraken over beschikbaarheid en beveiliging.",
                        "Beheer is geautomatiseerd en wordt continu verbeterd.",
                    ],
                },
            ],
        },
        {
            "key": "use",
            "name": "Gebruik en analyse",
            "description": "Het soort analyse, het gebruik in de planning-en-controlcyclus en "
            "de breedte over de domeinen.",
            "sources": "UK DMA (thema uses), Data Orchard (Uses, Analysis), de analyseladder "
            "(beschrijvend, diagnostisch, voorspellend, voorschrijvend), ODI Open Data "
            "Pathway.",
            "descriptors": [
                "Data wordt vooral gebruikt voor verplichte verantwoording.",
                "Beschrijvende rapportages in enkele domeinen.",
                "Dashboards en diagnostische analyses in meerdere domeinen, ook in de P&C-cyclus.",
                "Voorspellende analyses ondersteunen beleid en uitvoering in de meeste domeinen.",
                "Voorspellende en voorschrijvende analyses zijn verankerd en worden "
                "geëvalueerd op effect.",
            ],
            "questions": [
                {
                    "key": "analysetype",
                    "text": "Welk soort analyse wordt gedaan?",
                    "options": [
                        "Tellingen voor verplichte verantwoording.",
                        "Beschrijvend: wat is er gebeurd?",
                        "Diagnostisch: waarom is het gebeurd?",
                        "Voorspellend: wat gaat er gebeuren?",
                        "Voorschrijvend: wat moeten we doen, met evaluatie van het effect.",
                    ],
                },
                {
                    "key": "pc-cyclus",
                    "text": "Hoe wordt data gebruikt in de planning-en-controlcyclus?",
                    "options": [
                        "Nauwelijks; de begroting en jaarrekening noemen weinig cijfers.",
                        "Er staan indicatoren in, maar er wordt weinig op gestuurd.",
                        "Indicatoren worden besproken en soms gebruikt voor bijsturing.",
                        "Sturing gebeurt op actuele dashboards met afgesproken indicatoren.",
                        "Beleid wordt vooraf doorgerekend en achteraf op effect geëvalueerd.",
                    ],
                },
                {
                    "key": "breedte",
                    "text": "In hoeveel domeinen wordt data gebruikt (zoals sociaal domein, "
                    "openbare ruimte, veiligheid)?",
                    "options": [
                        "In geen enkel domein structureel.",
                        "In één domein.",
                        "In een paar domeinen.",
                        "In de meeste domeinen.",
                        "In alle domeinen, ook domeinoverstijgend.",
                    ],
                },
                {
                    "key": "delen",
                    "text": "Worden inzichten gedeeld met inwoners en partners?",
                    "options": [
                        "Nee.",
                        "Incidenteel, op verzoek.",
                        "Er worden enkele open datasets of dashboards gepubliceerd.",
                        "Publicatie is standaard waar het kan, met een open-dataportaal.",
                        "Inwoners en partners gebruiken de gepubliceerde data aantoonbaar.",
                    ],
                },
            ],
        },
        {
            "key": "responsible",
            "name": "Verantwoord gebruik",
            "description": "Privacy en informatiebeveiliging (AVG, BIO), algoritme-ethiek "
            "(IAMA, DEDA) en transparantie via het Algoritmeregister.",
            "sources": "UK DMA (topic responsible use), AVG en BIO, het Impact Assessment "
            "Mensenrechten en Algoritmes (IAMA), De Ethische Data Assistent (DEDA), het "
            "Algoritmeregister van de Nederlandse overheid.",
            "descriptors": [
                "Privacy en ethiek worden pas bekeken als er een vraag of incident is.",
                "Privacy is geregeld volgens de AVG; ethische vragen worden incidenteel besproken.",
                "Bij nieuwe toepassingen worden DPIA en ethische toets (DEDA of IAMA) uitgevoerd.",
                "Algoritmes staan in het Algoritmeregister en worden periodiek getoetst op "
                "bias en effect.",
                "Verantwoord gebruik is verankerd; inwoners worden betrokken en de gemeente "
                "is transparant over keuzes.",
            ],
            "questions": [
                {
                    "key": "privacy",
                    "text": "Hoe zijn privacy en informatiebeveiliging geborgd bij het werken "
                    "met data?",
                    "options": [
                        "Er wordt pas naar gekeken als er een vraag of incident is.",
                        "De FG en CISO worden incidenteel betrokken.",
                        "DPIA's worden uitgevoerd bij nieuwe verwerkingen; de BIO is de basis.",
                        "Privacy by design is standaard; naleving wordt gecontroleerd.",
                        "Privacy en beveiliging zijn aantoonbaar op orde en worden continu "
                        "verbeterd.",
                    ],
                },
                {
                    "key": "ethiek",
                    "text": "Wordt bij data- en algoritmetoepassingen een ethische afweging "
                    "gemaakt?",
                    "options": [
                        "Nee.",
                        "Soms, informeel.",
                        "Bij nieuwe toepassingen met een hulpmiddel zoals DEDA of het IAMA.",
                        "Altijd, met een vaste commissie of werkwijze, ook voor bias.",
                        "Afwegingen worden openbaar gemaakt en periodiek herzien.",
                    ],
                },
                {
                    "key": "transparantie",
                    "text": "Hoe transparant is de gemeente over de algoritmes die zij gebruikt?",
                    "options": [
                        "Er is geen overzicht van algoritmes.",
                        "Er is een intern overzicht in opbouw.",
                        "De belangrijkste algoritmes staan in het Algoritmeregister.",
                        "Alle impactvolle algoritmes staan in het register, met uitleg.",
                        "Inwoners kunnen meedenken en bezwaar maken; het register is volledig.",
                    ],
                },
            ],
        },
    ],
}
