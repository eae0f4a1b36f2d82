"""Dutch word lists for `seed scale`: names, job titles, groups and message fragments.

Pure data and pure functions of a random.Random, no Django imports, so the scale seed
stays deterministic for a given seed. Message text is assembled from fragments about
municipal work, so search has real Dutch vocabulary to chew on.
"""

import random

from kring.seed.demo_data import DEPARTMENTS as DEMO_DEPARTMENTS
from kring.seed.demo_data import EMAIL_DOMAIN  # noqa: F401 (the same organisation's domain)


def _items(block: str, sep: str = "|") -> list[str]:
    """Split a block of text on `sep` and line ends: long lists stay readable."""
    return [item.strip() for line in block.splitlines() for item in line.split(sep) if item.strip()]


# (slug, name, relative size, subjects for job titles)
DEPARTMENTS = [
    *(
        (d["slug"], d["name"], size, domains)
        for d, size, domains in zip(
            DEMO_DEPARTMENTS,
            (9, 14, 8, 5, 3, 5),
            (
                ("Burgerzaken", "BRP", "Klantcontact", "Reisdocumenten"),
                ("Wmo", "Jeugd", "Participatie", "Schuldhulpverlening", "Inburgering"),
                ("Ruimtelijke Ordening", "Wonen", "Omgevingswet", "Vergunningen"),
                ("Informatiebeveiliging", "Applicatiebeheer", "Data", "Servicedesk"),
                ("HR", "Arbo", "Opleidingen", "Salarisadministratie"),
                ("Financiën", "Control", "Inkoop", "Belastingen"),
            ),
            strict=True,
        )
    ),
    ("openbare-ruimte", "Openbare Ruimte", 12, ("Groen", "Riolering", "Wegen", "Afval")),
    ("veiligheid", "Veiligheid en Handhaving", 6, ("Handhaving", "Toezicht", "Ondermijning")),
    ("economie", "Economie en Cultuur", 4, ("Economische Zaken", "Cultuur", "Evenementen")),
    ("communicatie", "Communicatie", 3, ("Communicatie", "Online", "Woordvoering")),
    ("juridische-zaken", "Juridische Zaken", 3, ("Bezwaar en Beroep", "Privacy", "Woo")),
    ("werk-inkomen", "Werk en Inkomen", 8, ("Bijstand", "Werkgeversdienstverlening")),
    ("onderwijs", "Onderwijs en Jeugd", 4, ("Leerplicht", "Onderwijshuisvesting")),
    ("duurzaamheid", "Duurzaamheid en Energie", 3, ("Energietransitie", "Klimaatadaptatie")),
    ("facilitair", "Facilitaire Zaken", 4, ("Facilitair", "Huisvesting", "Catering")),
    ("bestuur", "Bestuur en Concernstaf", 3, ("Bestuursondersteuning", "Strategie")),
    ("archief", "Documentaire Informatievoorziening", 2, ("Archief", "Post en Registratie")),
    ("sport", "Sport en Recreatie", 3, ("Sport", "Zwembaden", "Buurtsport")),
]

ROLES = (
    "Medewerker",
    "Medewerker",
    "Senior medewerker",
    "Beleidsmedewerker",
    "Beleidsadviseur",
    "Adviseur",
    "Senior adviseur",
    "Projectleider",
    "Coördinator",
    "Specialist",
    "Teamleider",
    "Trainee",
)

FIRST_NAMES = _items(
    """Aaliyah Adam Ahmed Anouk Anna Annemiek Arjen Astrid Ayoub Bart Bas Bram Carla Chantal
Chloë Daan Daphne Dennis Dewi Dirk Edwin Eline Els Emma Emre Erik Esther Eva Fatima Fatma
Femke Floor Frank Freek Gerrit Gijs Hanna Hatice Henk Hilde Ilse Ingrid Iris Jan Jasper Jeroen
Jesse Joost Joris Julia Karin Kees Kevin Koen Laura Lars Lieke Linda Lisa Lotte Luuk Maarten
Manon Marco Marieke Mark Martijn Maryam Mees Mila Mohamed Nadia Naima Niels Nina Noah Noor
Olga Omar Paul Peter Petra Priya Rachid Remco Rik Rob Robin Roos Ruben Sander Sanne Sarah Sem
Sevda Sita Sofie Stefan Suzanne Tamara Thijs Thomas Tim Tom Valerie Vera Wendy Willem Wouter
Yasmina Yusuf Zeynep""",
    " ",
)

LAST_NAMES = _items("""Bakker|Bos|Boersma|Bouali|Brouwer|Claassen|de Boer|de Bruijn|de Graaf|de Groot|de Haan
de Jong|de Jonge|de Leeuw|de Lange|de Vries|de Wit|Dekker|Demir|Dijkstra|El Amrani|El Idrissi
Gerritsen|Hendriks|Hermans|Hoekstra|Holwerda|Jacobs|Jansen|Janssen|Kaya|Koster|Kok|Kramer
Kuipers|Lambrechts|Maas|Meijer|Mertens|Mulder|Nijland|Öztürk|Peters|Postma|Prins|Ramdin
Sahin|Schouten|Smit|Smits|Tahiri|Timmermans|van Beek|van den Berg|van den Bosch|van der Heijden
van der Linden|van der Meer|van Dam|van Dijk|van Leeuwen|van Loon|van Wijk|Veenstra|Verbeek
Vermeulen|Visser|Vos|Willems|Wouters|Yilmaz|Zwart""")

LOCATIONS = (
    "Stadskantoor, begane grond",
    "Stadskantoor, 1e verdieping",
    "Stadskantoor, 2e verdieping",
    "Stadskantoor, 3e verdieping",
    "Stadskantoor, 4e verdieping",
    "Stadskantoor, 5e verdieping",
    "Werf Noord",
    "Werf Zuid",
    "Wijkcentrum De Linde",
    "Wijkcentrum Molenkwartier",
    "Stadhuis",
    "Thuiswerken (ma, wo) / Stadskantoor",
)

GUEST_ORGANISATIONS = (
    ("Woningcorporatie Lindewonen", "lindewonen.nl"),
    ("GGD Regio Lindeburg", "ggd-regiolindeburg.nl"),
    ("Gemeente Oosterveld", "oosterveld.nl"),
    ("Rijnstad Advies", "rijnstadadvies.nl"),
    ("Stichting Welzijn Lindeburg", "welzijnlindeburg.nl"),
    ("Omgevingsdienst Midden", "odmidden.nl"),
)

EXPERTISE = _items(
    """omgevingswet wmo jeugdzorg participatie schuldhulpverlening brp reisdocumenten
klantcontact excel teams sharepoint zaaksysteem avg informatiebeveiliging woo inkoop
aanbesteden subsidies begroting projectmanagement lean communicatie schrijven b1-taalniveau
data privacy handhaving vergunningen groenbeheer riolering energietransitie
klimaatadaptatie leerplicht evenementen sport bezwaar-en-beroep archief
leidinggeven coaching verandermanagement""",
    " ",
)

# Subjects that group names, descriptions and messages share.
TOPICS = _items("""de Omgevingswet|Wmo-aanvragen|jeugdzorg|participatie|schuldhulpverlening|de BRP
reisdocumenten|het klantcontactcentrum|digitale dienstverlening|het zaaksysteem|Teams en SharePoint
informatiebeveiliging|de AVG|Woo-verzoeken|inkoop en aanbesteden|subsidies|de begroting
de jaarrekening|raadsvoorstellen|bezwaar en beroep|handhaving|de evenementenvergunning
parkeerbeleid|groenonderhoud|riolering|afvalinzameling|zwerfafval|gladheidsbestrijding
de warmtetransitie|zonnepanelen op gemeentelijk vastgoed|klimaatadaptatie|energiearmoede
inburgering|statushouders|leerplicht|onderwijshuisvesting|sportaccommodaties|cultuursubsidies
de bibliotheek|de weekmarkt|Koningsdag|ondermijning|de APV|woningbouw|bestemmingsplannen
de WOZ-waardering|gemeentelijke belastingen|archivering|hybride werken|vitaliteit
het inwerkprogramma|klantgericht schrijven|B1-taalniveau|datagedreven werken""")

PARTNERS = _items("""de woningcorporatie|de GGD|het UWV|de Belastingdienst|de provincie|het waterschap
de politie|Veilig Thuis|de VNG|de omgevingsdienst|de veiligheidsregio|het wijkteam
de buurgemeente|de leverancier|de ondernemersvereniging|de bewonerscommissie""")

NEIGHBOURHOODS = _items("""Centrum|Noord|Oost|Zuid|West|De Linde|Molenkwartier|Hoogkamp|Bloemendaal
Vogelwijk|Rivierenbuurt|Oude Haven|Kanaalzone|Nieuw-Lindeburg|Bomenbuurt""")

HUGE_GROUPS = (
    "Nieuws en mededelingen",
    "Tips & Tricks Office 365",
    "Fietsen naar het werk",
    "Vraag het de collega's",
    "Personeelsvereniging",
)
SOCIAL_GROUPS = _items("""Hardloopclub|Boekenclub|Kookclub|Fotografie|Moestuin op het dak|Lunchwandelen
Yoga op vrijdag|Koor Lindeburg|Schaakclub|Nieuwe collega's|Duurzaam op kantoor|Pubquiz""")
COURSES = _items("""Klantgericht schrijven|Omgaan met agressie|Projectmatig werken|Excel voor gevorderden
Privacy in de praktijk|Motiverende gespreksvoering|Leidinggeven op afstand""")
OPEN_PATTERNS = ("{t}", "Kennisnetwerk {t}", "Vragen over {t}", "Werkgroep {t}", "Project {t}")
CLOSED_PATTERNS = ("Projectteam {t}", "Regieoverleg {t}", "Ketenpartners {t}")
SECRET_PATTERNS = ("Stuurgroep {t}", "Vertrouwelijk: {t}", "Klankbordgroep {t}")
SECRET_FIXED = ("Vertrouwenspersonen", "Managementteam", "Sollicitatiecommissie")

DESCRIPTIONS = (
    "Alles over {t}: vragen, antwoorden en praktijkvoorbeelden.",
    "Voor collega's die met {t} werken. Deel je ervaringen en stel je vragen.",
    "Hier stemmen we af over {t}, samen met {p}.",
    "Kennis en nieuws over {t}. Nieuwe leden zijn welkom.",
)

# --- Messages ---------------------------------------------------------------------

_OPENINGS = _items("""Goedemorgen collega's!|Vraag aan de groep.|Even een update over {t}.
Wie kan mij helpen met {t}?|Ter info voor iedereen die met {t} werkt.|Goed nieuws over {t}!
Ik zit met een vraag over {t}.|Korte oproep aan iedereen.|Na het overleg met {p} van vanochtend.
**Let op:** er verandert iets rond {t}.|Weet iemand hoe het zit met {t}?|Hallo allemaal!
**Update:** de eerste resultaten rond {t} zijn binnen.|Een vraag van een inwoner over {t}.""")

_SUBJECTS = _items("""De nieuwe werkinstructie voor {t}|Het overleg met {p} over {t}|De planning voor {t}
Het raadsvoorstel over {t}|De evaluatie van {t}|Ons werkproces rond {t}|De pilot met {p}
Het nieuwe formulier voor {t}|De afspraak met {p}|De kennisbankpagina over {t}
Het dashboard voor {t}|De brief aan inwoners over {t}|De werkgroep {t}|Het budget voor {t}
De klachtenregeling voor {t}|De samenwerking met {p}|Het collegebesluit over {t}""")
_PREDICATES = _items("""staat nu in de kennisbank|is uitgesteld tot na de zomer
levert veel vragen op aan de balie|vraagt om een andere aanpak dan we gewend zijn
is vanaf 1 januari verplicht|loopt beter dan verwacht|moet voor de begroting rond zijn
kost ons nu te veel tijd|is besproken in het MT|heeft een eerste versie die klaar is voor feedback
sluit nog niet goed aan op het zaaksysteem|is herschreven op B1-niveau|komt volgende week in de raad
wacht nog op een reactie van de jurist|is goedgekeurd door de directie|zorgt voor minder telefoontjes
vraagt meer capaciteit dan we hebben|kan wat mij betreft breder worden ingezet""")
_FACTS = _items(
    """Sinds de invoering van {t} krijgen we meer telefoontjes van inwoners.
Kan iemand mij uitleggen hoe de termijnen bij {t} werken?
Heeft iemand een goed voorbeeld van een brief over {t} op B1-niveau?
Wij werken sinds kort samen met {p} en dat bevalt goed.
De wachttijd voor {t} is de afgelopen maand flink gedaald.
Op de intranetpagina over {t} staat nog de oude werkwijze.
Volgende week dinsdag is er een inloopsessie over {t} in de raadzaal.
Ik zoek een collega die verstand heeft van {t} en van het zaaksysteem.
De cijfers over {t} van het afgelopen kwartaal staan in het dashboard.
Vanuit {p} kwam de vraag of wij kunnen meedenken over {t}.
Het team heeft veel geleerd van de klachten over {t}.
In de wijk merken we dat inwoners {t} lastig vinden.""",
    "\n",
)
_CLOSINGS = _items("""Wie heeft hier ervaring mee?|Reacties zijn welkom!|Laat het even weten als je vragen hebt.
Alvast bedankt!|Zie jullie donderdag bij het teamoverleg.|Tips zijn meer dan welkom.
Ik hoor graag hoe jullie dit aanpakken.|Meer informatie volgt binnenkort.|Groet, en fijne dag!""")
_REPLY_OPENINGS = _items("""Goed punt!|Dank voor het delen.|Eens.|Goede vraag.|Herkenbaar!
Bij ons doen we het iets anders.|Dat hebben wij vorig jaar ook gehad.|Ik denk dat het anders zit.
Top, dank je!|Volgens mij kun je het beste {p} even bellen.|Ik stuur je een berichtje.
Heel fijn dat dit nu geregeld is.|Mooi resultaat!|Ik kijk er morgen naar.|Kunnen we hier even over bellen?
Zelfde vraag hier.|Dank, hier kan ik mee verder.|Weet iemand of dit ook geldt voor {t}?""")
_LIST_ITEMS = _items("""de checklist voor {t} bijwerken|afstemmen met {p}|de inwoner terugbellen
een zaak aanmaken in het zaaksysteem|het besluit vastleggen in het dossier|de teamleider informeren
de kennisbankpagina over {t} aanvullen|een afspraak plannen met {p}|de brief laten controleren""")


def _fill(rng: random.Random, text: str) -> str:
    return text.format(t=rng.choice(TOPICS), p=rng.choice(PARTNERS))


def _upper_first(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def _statement(rng: random.Random) -> str:
    if rng.random() < 0.35:
        return _fill(rng, rng.choice(_FACTS))
    return _fill(rng, f"{rng.choice(_SUBJECTS)} {rng.choice(_PREDICATES)}.")


def post_paragraph(rng: random.Random) -> tuple[str, bool]:
    """Return one Markdown block for a post and whether it is a list."""
    kind = rng.random()
    if kind < 0.08:
        items = rng.sample(_LIST_ITEMS, rng.randint(2, 4))
        numbered = rng.random() < 0.4
        return "\n".join(
            f"{f'{n}.' if numbered else '-'} {_upper_first(_fill(rng, item))}"
            for n, item in enumerate(items, start=1)
        ), True
    sentences = [_statement(rng) for _ in range(rng.randint(1, 3))]
    if kind < 0.45:
        sentences.insert(0, _fill(rng, rng.choice(_OPENINGS)))
    if kind > 0.75:
        sentences.append(rng.choice(_CLOSINGS))
    return " ".join(sentences), False


def reply_paragraph(rng: random.Random) -> tuple[str, bool]:
    """Return one Markdown block for a reply and whether it is a list."""
    sentences = [_fill(rng, rng.choice(_REPLY_OPENINGS))]
    sentences += [_statement(rng) for _ in range(rng.choice((0, 1, 1, 2)))]
    return " ".join(sentences), False


def name_parts(rng: random.Random) -> tuple[str, str]:
    return rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)


def about_text(rng: random.Random, department: str) -> str:
    return (
        f"Ik werk bij {department}. {_statement(rng)} "
        f"Vragen over {rng.choice(TOPICS)}? Stuur me gerust een bericht."
    )
