"""Demo data for Kring: the fictional municipality "Gemeente Lindeburg".

Pure data, no Django imports, so this module can be imported anywhere
(seed command, tests, benchmarks). Run it directly for a self-check:

    python3 kring/seed/demo_data.py

Conventions
-----------
- Times are relative only: ``hours_ago`` (1..1440, i.e. the last ~60 days).
  A reply is always newer than what it replies to (smaller ``hours_ago``).
- ``group`` None means the company-wide space "Iedereen" (employees only).
- Group ``admins`` are members too; they are not repeated in ``members``.
- Exactly one person has ``site_admin`` True (the functional administrator).
- Guests (``kind`` "guest") are in exactly one group each, never a secret one,
  and never post in "Iedereen".
- Posts in the closed and secret groups contain recognisable phrases (for
  leak tests), e.g. "Project Kompas" (stuurgroep), "casus K-17"
  (vertrouwenspersonen), "taakstelling van € 1,2 miljoen" (teamleiders).
"""

ORGANISATION = "Gemeente Lindeburg"
DEMO_PASSWORD = "kring-demo-2026"
EMAIL_DOMAIN = "lindeburg.nl"

# The name of the company-wide space; posts with group None go here.
EVERYONE_SPACE = "Iedereen"

# ---------------------------------------------------------------------------
# Departments
# ---------------------------------------------------------------------------

DEPARTMENTS = [
    {"slug": "burgerzaken", "name": "Burgerzaken en Klantcontact"},
    {"slug": "sociaal-domein", "name": "Sociaal Domein"},
    {"slug": "ruimte-wonen", "name": "Ruimte en Wonen"},
    {"slug": "ict", "name": "Informatievoorziening (ICT)"},
    {"slug": "hr", "name": "Personeel en Organisatie (HR)"},
    {"slug": "bedrijfsvoering", "name": "Financiën en Bedrijfsvoering"},
]

# ---------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------

PEOPLE = [
    # --- Burgerzaken en Klantcontact -------------------------------------
    {
        "username": "sanne.devries",
        "first_name": "Sanne",
        "last_name": "de Vries",
        "email": "sanne.devries@lindeburg.nl",
        "job_title": "Teamleider Burgerzaken en KCC",
        "department": "burgerzaken",
        "location": "Stadskantoor, 1e verdieping",
        "phone": "0123-45 67 01",
        "about": "Ik ben teamleider van Burgerzaken en het Klantcontactcentrum. Mijn team helpt "
        "elke dag honderden inwoners aan paspoorten, rijbewijzen en antwoorden. Vragen "
        "over dienstverlening aan de balie? Altijd welkom.",
        "expertise": ["burgerzaken", "dienstverlening", "leidinggeven"],
        "site_admin": False,
        "kind": "employee",
    },
    {
        "username": "mohamed.elamrani",
        "first_name": "Mohamed",
        "last_name": "El Amrani",
        "email": "mohamed.elamrani@lindeburg.nl",
        "job_title": "Medewerker Burgerzaken (balie)",
        "department": "burgerzaken",
        "location": "Stadskantoor, 1e verdieping",
        "phone": "06-1234 5602",
        "about": "Ik sta het grootste deel van de week aan de balie voor reisdocumenten en "
        "verhuizingen. In mijn vrije tijd fiets ik veel, ook naar het werk.",
        "expertise": ["reisdocumenten", "verhuizingen", "burgerzaken"],
        "site_admin": False,
        "kind": "employee",
    },
    {
        "username": "ingrid.bakker",
        "first_name": "Ingrid",
        "last_name": "Bakker",
        "email": "ingrid.bakker@lindeburg.nl",
        "job_title": "Senior medewerker BRP",
        "department": "burgerzaken",
        "location": "Stadskantoor, 1e verdieping",
        "phone": "0123-45 67 03",
        "about": "Ik werk al ruim twintig jaar bij Burgerzaken en ken de BRP van binnen en "
        "buiten. Lastige adresonderzoeken zijn mijn specialiteit.",
        "expertise": ["brp", "adresonderzoek", "burgerzaken", "avg"],
        "site_admin": False,
        "kind": "employee",
    },
    {
        "username": "kevin.jansen",
        "first_name": "Kevin",
        "last_name": "Jansen",
        "email": "kevin.jansen@lindeburg.nl",
        "job_title": "Medewerker Klantcontactcentrum",
        "department": "burgerzaken",
        "location": "Stadskantoor, 1e verdieping",
        "phone": "06-1234 5604",
        "about": "Bij het KCC beantwoord ik vragen van inwoners via telefoon, chat en WhatsApp. "
        "Weet ik het antwoord niet, dan zoek ik het op Kring op, of stel ik de vraag.",
        "expertise": ["klantcontact", "kennisbank"],
        "site_admin": False,
        "kind": "employee",
    },
    {
        "username": "fatma.yilmaz",
        "first_name": "Fatma",
        "last_name": "Yilmaz",
        "email": "fatma.yilmaz@lindeburg.nl",
        "job_title": "Medewerker Klantcontactcentrum",
        "department": "burgerzaken",
        "location": "Stadskantoor, 1e verdieping",
        "phone": "06-1234 5605",
        "about": "Ik ben net begonnen bij het KCC. Hiervoor werkte ik bij een zorgverzekeraar "
        "aan de telefoon. Nog veel te leren, dus ik stel vast veel vragen!",
        "expertise": ["klantcontact"],
        "site_admin": False,
        "kind": "employee",
    },
    {
        "username": "joost.vandam",
        "first_name": "Joost",
        "last_name": "van Dam",
        "email": "joost.vandam@lindeburg.nl",
        "job_title": "Medewerker Burgerzaken (backoffice)",
        "department": "burgerzaken",
        "location": "Stadskantoor, 1e verdieping",
        "phone": "0123-45 67 06",
        "about": "Naast mijn werk in de backoffice van Burgerzaken ben ik Kring-ambassadeur: ik "
        "help collega's graag op weg met groepen, zoeken en slim samenwerken. Verder "
        "ben ik de Excel-nerd van de afdeling.",
        "expertise": ["excel", "burgerzaken", "kring"],
        "site_admin": False,
        "kind": "employee",
    },
    # --- Sociaal Domein ---------------------------------------------------
    {
        "username": "marieke.vandenberg",
        "first_name": "Marieke",
        "last_name": "van den Berg",
        "email": "marieke.vandenberg@lindeburg.nl",
        "job_title": "Afdelingshoofd Sociaal Domein",
        "department": "sociaal-domein",
        "location": "Stadskantoor, 3e verdieping",
        "phone": "0123-45 67 10",
        "about": "Als afdelingshoofd ben ik verantwoordelijk voor Wmo, jeugd, werk en inkomen "
        "en schuldhulp. Ik geloof in werken vanuit de bedoeling: wat heeft deze "
        "inwoner écht nodig?",
        "expertise": ["sociaal domein", "wmo", "jeugdzorg", "participatiewet"],
        "site_admin": False,
        "kind": "employee",
    },
    {
        "username": "peter.hendriks",
        "first_name": "Peter",
        "last_name": "Hendriks",
        "email": "peter.hendriks@lindeburg.nl",
        "job_title": "Teamleider Wmo",
        "department": "sociaal-domein",
        "location": "Stadskantoor, 3e verdieping",
        "phone": "0123-45 67 11",
        "about": "Ik ben teamleider van de Wmo-consulenten. Daarvoor was ik zelf jarenlang "
        "consulent, dus ik weet hoe het is om aan de keukentafel te zitten.",
        "expertise": ["wmo", "leidinggeven"],
        "site_admin": False,
        "kind": "employee",
    },
    {
        "username": "lotte.visser",
        "first_name": "Lotte",
        "last_name": "Visser",
        "email": "lotte.visser@lindeburg.nl",
        "job_title": "Wmo-consulent",
        "department": "sociaal-domein",
        "location": "Stadskantoor, 3e verdieping",
        "phone": "06-1234 5612",
        "about": "Ik voer keukentafelgesprekken met inwoners die ondersteuning nodig hebben, "
        "vooral rond hulpmiddelen en huishoudelijke hulp. Ik ben vaak op huisbezoek, "
        "dus Teams of Kring werkt beter dan bellen.",
        "expertise": ["wmo", "hulpmiddelen", "huishoudelijke hulp"],
        "site_admin": False,
        "kind": "employee",
    },
    {
        "username": "ahmed.bouzid",
        "first_name": "Ahmed",
        "last_name": "Bouzid",
        "email": "ahmed.bouzid@lindeburg.nl",
        "job_title": "Jeugdconsulent",
        "department": "sociaal-domein",
        "location": "Wijkcentrum De Linde",
        "phone": "06-1234 5613",
        "about": "Als jeugdconsulent denk ik met gezinnen mee over passende hulp. Ik werk veel "
        "vanuit wijkcentrum De Linde en ben goed bereikbaar via Teams.",
        "expertise": ["jeugdzorg", "jeugdwet"],
        "site_admin": False,
        "kind": "employee",
    },
    {
        "username": "esther.dejong",
        "first_name": "Esther",
        "last_name": "de Jong",
        "email": "esther.dejong@lindeburg.nl",
        "job_title": "Beleidsadviseur Jeugd en Onderwijs",
        "department": "sociaal-domein",
        "location": "Stadskantoor, 3e verdieping",
        "phone": "0123-45 67 14",
        "about": "Ik schrijf beleid over jeugd en onderwijs en houd de landelijke ontwikkelingen "
        "bij. Interessante onderzoeken en links deel ik graag.",
        "expertise": ["jeugdzorg", "beleid", "onderwijs"],
        "site_admin": False,
        "kind": "employee",
    },
    {
        "username": "annemarie.smit",
        "first_name": "Anne-Marie",
        "last_name": "Smit",
        "email": "annemarie.smit@lindeburg.nl",
        "job_title": "Consulent Werk en Inkomen",
        "department": "sociaal-domein",
        "location": "Stadskantoor, 3e verdieping",
        "phone": "0123-45 67 15",
        "about": "Ik begeleid inwoners met een bijstandsuitkering naar werk of vrijwilligerswerk. "
        "Vragen over de Participatiewet? Stel ze gerust.",
        "expertise": ["participatiewet", "bijstand", "re-integratie"],
        "site_admin": False,
        "kind": "employee",
    },
    {
        "username": "ruben.mulder",
        "first_name": "Ruben",
        "last_name": "Mulder",
        "email": "ruben.mulder@lindeburg.nl",
        "job_title": "Schuldhulpverlener",
        "department": "sociaal-domein",
        "location": "Wijkcentrum De Linde",
        "phone": "06-1234 5616",
        "about": "Ik help inwoners met geldzorgen weer overzicht te krijgen. Hoe eerder iemand "
        "aan de bel trekt, hoe beter. Dat geldt ook voor collega's die signalen opvangen.",
        "expertise": ["schuldhulp", "armoedebeleid"],
        "site_admin": False,
        "kind": "employee",
    },
    {
        "username": "noor.vanleeuwen",
        "first_name": "Noor",
        "last_name": "van Leeuwen",
        "email": "noor.vanleeuwen@lindeburg.nl",
        "job_title": "Trainee Sociaal Domein",
        "department": "sociaal-domein",
        "location": "Stadskantoor, 3e verdieping",
        "phone": "06-1234 5617",
        "about": "Ik ben trainee en draai dit jaar mee in verschillende teams van het sociaal "
        "domein. Ik ben nieuwsgierig naar alles en leer graag van jullie ervaring.",
        "expertise": ["participatiewet", "trainee"],
        "site_admin": False,
        "kind": "employee",
    },
    # --- Ruimte en Wonen --------------------------------------------------
    {
        "username": "bart.vanderlinden",
        "first_name": "Bart",
        "last_name": "van der Linden",
        "email": "bart.vanderlinden@lindeburg.nl",
        "job_title": "Afdelingshoofd Ruimte en Wonen",
        "department": "ruimte-wonen",
        "location": "Stadskantoor, 2e verdieping",
        "phone": "0123-45 67 20",
        "about": "Ik ben afdelingshoofd Ruimte en Wonen: ruimtelijke ordening, vergunningen, "
        "buitenruimte en duurzaamheid. De Omgevingswet vraagt om een andere manier van "
        "werken, en daar ben ik enthousiast over.",
        "expertise": ["omgevingswet", "ruimtelijke ordening", "leidinggeven"],
        "site_admin": False,
        "kind": "employee",
    },
    {
        "username": "tom.vanbeek",
        "first_name": "Tom",
        "last_name": "van Beek",
        "email": "tom.vanbeek@lindeburg.nl",
        "job_title": "Teamleider Vergunningen, Toezicht en Handhaving",
        "department": "ruimte-wonen",
        "location": "Stadskantoor, 2e verdieping",
        "phone": "0123-45 67 21",
        "about": "Ik geef leiding aan het VTH-team. Mijn stokpaardje: snelle en begrijpelijke "
        "besluiten voor inwoners en ondernemers.",
        "expertise": ["vth", "omgevingswet", "handhaving"],
        "site_admin": False,
        "kind": "employee",
    },
    {
        "username": "femke.kok",
        "first_name": "Femke",
        "last_name": "Kok",
        "email": "femke.kok@lindeburg.nl",
        "job_title": "Vergunningverlener omgevingsrecht",
        "department": "ruimte-wonen",
        "location": "Stadskantoor, 2e verdieping",
        "phone": "0123-45 67 22",
        "about": "Ik behandel aanvragen voor omgevingsvergunningen, van dakkapel tot "
        "bedrijfspand. Ik werk graag samen met het KCC, zodat inwoners meteen het goede "
        "antwoord krijgen.",
        "expertise": ["omgevingswet", "vergunningen", "bouwen"],
        "site_admin": False,
        "kind": "employee",
    },
    {
        "username": "linda.peters",
        "first_name": "Linda",
        "last_name": "Peters",
        "email": "linda.peters@lindeburg.nl",
        "job_title": "Juridisch adviseur omgevingsrecht",
        "department": "ruimte-wonen",
        "location": "Stadskantoor, 2e verdieping",
        "phone": "0123-45 67 23",
        "about": "Ik adviseer over de juridische kant van de Omgevingswet: omgevingsplan, "
        "bezwaar en handhaving. Ik beheer de groep Omgevingswet hier op Kring.",
        "expertise": ["omgevingswet", "omgevingsplan", "bezwaar en beroep"],
        "site_admin": False,
        "kind": "employee",
    },
    {
        "username": "jeroen.vos",
        "first_name": "Jeroen",
        "last_name": "Vos",
        "email": "jeroen.vos@lindeburg.nl",
        "job_title": "Toezichthouder bouwen en wonen",
        "department": "ruimte-wonen",
        "location": "Stadskantoor, 2e verdieping (vaak op pad)",
        "phone": "06-1234 5624",
        "about": "Als toezichthouder ben ik vooral buiten op bouwplaatsen te vinden. Ik fiets "
        "elke dag 18 kilometer naar het werk en organiseer de fietschallenge.",
        "expertise": ["toezicht", "handhaving", "bouwen"],
        "site_admin": False,
        "kind": "employee",
    },
    {
        "username": "yvonne.brouwer",
        "first_name": "Yvonne",
        "last_name": "Brouwer",
        "email": "yvonne.brouwer@lindeburg.nl",
        "job_title": "Beleidsadviseur Duurzaamheid",
        "department": "ruimte-wonen",
        "location": "Stadskantoor, 2e verdieping",
        "phone": "0123-45 67 25",
        "about": "Ik werk aan de energietransitie en klimaatadaptatie in Lindeburg. Heb je een "
        "duurzaam idee? Ik hoor het graag.",
        "expertise": ["duurzaamheid", "energietransitie", "klimaatadaptatie"],
        "site_admin": False,
        "kind": "employee",
    },
    {
        "username": "henk.dijkstra",
        "first_name": "Henk",
        "last_name": "Dijkstra",
        "email": "henk.dijkstra@lindeburg.nl",
        "job_title": "Opzichter buitenruimte",
        "department": "ruimte-wonen",
        "location": "Werf Noord",
        "phone": "06-1234 5626",
        "about": "Ik ben opzichter op de Werf Noord en houd toezicht op het onderhoud van wegen, "
        "groen en riolering. Ik zit vaker in de bus dan achter een bureau.",
        "expertise": ["buitenruimte", "riolering", "wegbeheer"],
        "site_admin": False,
        "kind": "employee",
    },
    {
        "username": "wouter.dewit",
        "first_name": "Wouter",
        "last_name": "de Wit",
        "email": "wouter.dewit@lindeburg.nl",
        "job_title": "Medewerker groenonderhoud",
        "department": "ruimte-wonen",
        "location": "Werf Noord",
        "phone": "06-1234 5627",
        "about": "Ik ben net begonnen op de Werf Noord en zorg voor het groen in de wijken. "
        "Bomen zijn mijn passie.",
        "expertise": ["groenonderhoud", "bomen"],
        "site_admin": False,
        "kind": "employee",
    },
    # --- Informatievoorziening (ICT) --------------------------------------
    {
        "username": "dennis.meijer",
        "first_name": "Dennis",
        "last_name": "Meijer",
        "email": "dennis.meijer@lindeburg.nl",
        "job_title": "Teamleider Informatievoorziening",
        "department": "ict",
        "location": "Stadskantoor, 4e verdieping",
        "phone": "0123-45 67 30",
        "about": "Ik ben teamleider van Informatievoorziening: servicedesk, applicatiebeheer en "
        "informatiebeveiliging. Wij zorgen dat jij je werk kunt doen, waar je ook bent.",
        "expertise": ["ict", "informatievoorziening", "leidinggeven"],
        "site_admin": False,
        "kind": "employee",
    },
    {
        "username": "karin.vanwijk",
        "first_name": "Karin",
        "last_name": "van Wijk",
        "email": "karin.vanwijk@lindeburg.nl",
        "job_title": "Functioneel beheerder Kring en Office 365",
        "department": "ict",
        "location": "Stadskantoor, 4e verdieping",
        "phone": "0123-45 67 31",
        "about": "Ik ben functioneel beheerder van Kring en Office 365. Loop je ergens tegenaan, "
        "of heb je een idee om Kring beter te maken? Laat het me weten.",
        "expertise": ["kring", "office 365", "teams"],
        "site_admin": True,
        "kind": "employee",
    },
    {
        "username": "rick.degraaf",
        "first_name": "Rick",
        "last_name": "de Graaf",
        "email": "rick.degraaf@lindeburg.nl",
        "job_title": "Medewerker Servicedesk",
        "department": "ict",
        "location": "Stadskantoor, 1e verdieping (servicedesk)",
        "phone": "0123-45 44 44",
        "about": "Ik sta je te woord als je de servicedesk belt (toestel 4444). Laptop stuk, "
        "wachtwoord kwijt of printer in staking: ik los het op.",
        "expertise": ["servicedesk", "laptops", "teams"],
        "site_admin": False,
        "kind": "employee",
    },
    {
        "username": "sophie.huisman",
        "first_name": "Sophie",
        "last_name": "Huisman",
        "email": "sophie.huisman@lindeburg.nl",
        "job_title": "Privacy officer",
        "department": "ict",
        "location": "Stadskantoor, 4e verdieping",
        "phone": "0123-45 67 33",
        "about": "Als privacy officer help ik collega's zorgvuldig om te gaan met "
        "persoonsgegevens. Twijfel je of iets mag? Vraag het liever vooraf dan achteraf.",
        "expertise": ["privacy", "avg", "dpia"],
        "site_admin": False,
        "kind": "employee",
    },
    {
        "username": "martijn.kuipers",
        "first_name": "Martijn",
        "last_name": "Kuipers",
        "email": "martijn.kuipers@lindeburg.nl",
        "job_title": "Adviseur informatiebeveiliging (CISO)",
        "department": "ict",
        "location": "Stadskantoor, 4e verdieping",
        "phone": "0123-45 67 34",
        "about": "Ik ben verantwoordelijk voor informatiebeveiliging en de BIO. Verdachte mail "
        "gehad? Meld het, ook als je al geklikt hebt.",
        "expertise": ["informatiebeveiliging", "bio", "phishing"],
        "site_admin": False,
        "kind": "employee",
    },
    {
        "username": "emre.demir",
        "first_name": "Emre",
        "last_name": "Demir",
        "email": "emre.demir@lindeburg.nl",
        "job_title": "Applicatiebeheerder zaaksysteem",
        "department": "ict",
        "location": "Thuiswerken (ma, wo) / Stadskantoor, 4e verdieping",
        "phone": "06-1234 5635",
        "about": "Ik beheer het zaaksysteem en de koppelingen met het Omgevingsloket (DSO). Ik "
        "werk sinds kort bij Lindeburg, daarvoor bij een waterschap.",
        "expertise": ["zaaksysteem", "dso", "koppelingen"],
        "site_admin": False,
        "kind": "employee",
    },
    # --- Personeel en Organisatie (HR) ------------------------------------
    {
        "username": "monique.vandermeer",
        "first_name": "Monique",
        "last_name": "van der Meer",
        "email": "monique.vandermeer@lindeburg.nl",
        "job_title": "Teamleider Personeel en Organisatie",
        "department": "hr",
        "location": "Stadskantoor, 4e verdieping",
        "phone": "0123-45 67 40",
        "about": "Ik ben teamleider P&O. Goed werkgeverschap begint voor mij bij goed luisteren "
        "naar medewerkers.",
        "expertise": ["hr", "leidinggeven", "verzuim"],
        "site_admin": False,
        "kind": "employee",
    },
    {
        "username": "jasper.koster",
        "first_name": "Jasper",
        "last_name": "Koster",
        "email": "jasper.koster@lindeburg.nl",
        "job_title": "HR-adviseur",
        "department": "hr",
        "location": "Stadskantoor, 4e verdieping",
        "phone": "0123-45 67 41",
        "about": "Ik adviseer leidinggevenden en medewerkers over arbeidsvoorwaarden, regelingen "
        "en loopbaan. Ik ben ook het aanspreekpunt voor de fietsregeling en het IKB.",
        "expertise": ["arbeidsvoorwaarden", "ikb", "cao"],
        "site_admin": False,
        "kind": "employee",
    },
    {
        "username": "daphne.schouten",
        "first_name": "Daphne",
        "last_name": "Schouten",
        "email": "daphne.schouten@lindeburg.nl",
        "job_title": "Opleidingscoördinator",
        "department": "hr",
        "location": "Stadskantoor, 4e verdieping",
        "phone": "0123-45 67 42",
        "about": "Ik coördineer opleidingen en e-learning en ben Kring-ambassadeur. Mijn missie: "
        "van e-learning WE-learning maken, want samen leer je meer.",
        "expertise": ["e-learning", "opleidingen", "kring"],
        "site_admin": False,
        "kind": "employee",
    },
    {
        "username": "gerard.bos",
        "first_name": "Gerard",
        "last_name": "Bos",
        "email": "gerard.bos@lindeburg.nl",
        "job_title": "Adviseur arbo en verzuim",
        "department": "hr",
        "location": "Stadskantoor, 4e verdieping",
        "phone": "0123-45 67 43",
        "about": "Ik adviseer over arbo, verzuim en vitaliteit. Na dertig jaar bij de gemeente "
        "weet ik meestal wel wie je moet hebben.",
        "expertise": ["arbo", "verzuim", "vitaliteit"],
        "site_admin": False,
        "kind": "employee",
    },
    # --- Financiën en Bedrijfsvoering (incl. directie) --------------------
    {
        "username": "erik.vandijk",
        "first_name": "Erik",
        "last_name": "van Dijk",
        "email": "erik.vandijk@lindeburg.nl",
        "job_title": "Gemeentesecretaris / algemeen directeur",
        "department": "bedrijfsvoering",
        "location": "Stadskantoor, 5e verdieping",
        "phone": "0123-45 67 50",
        "about": "Als gemeentesecretaris ben ik de verbinding tussen college en organisatie. Ik "
        "lees veel mee op Kring en stel er ook mijn eigen vragen. Spreek me gerust aan, "
        "op Kring of bij de koffie.",
        "expertise": ["bestuur", "organisatieontwikkeling"],
        "site_admin": False,
        "kind": "employee",
    },
    {
        "username": "hanneke.prins",
        "first_name": "Hanneke",
        "last_name": "Prins",
        "email": "hanneke.prins@lindeburg.nl",
        "job_title": "Afdelingshoofd Financiën en Bedrijfsvoering",
        "department": "bedrijfsvoering",
        "location": "Stadskantoor, 5e verdieping",
        "phone": "0123-45 67 51",
        "about": "Ik ben afdelingshoofd Financiën en Bedrijfsvoering: financiën, inkoop, "
        "facilitair en communicatie. Cijfers vertellen een verhaal, als je ze goed leest.",
        "expertise": ["financiën", "begroting", "bedrijfsvoering"],
        "site_admin": False,
        "kind": "employee",
    },
    {
        "username": "mirjam.postma",
        "first_name": "Mirjam",
        "last_name": "Postma",
        "email": "mirjam.postma@lindeburg.nl",
        "job_title": "Concerncontroller",
        "department": "bedrijfsvoering",
        "location": "Stadskantoor, 5e verdieping",
        "phone": "0123-45 67 52",
        "about": "Ik ben concerncontroller en help budgethouders bij begroting en verantwoording. "
        "Excel is mijn tweede taal (al leer ik hier nog steeds bij).",
        "expertise": ["financiën", "planning en control", "excel"],
        "site_admin": False,
        "kind": "employee",
    },
    {
        "username": "rob.vermeulen",
        "first_name": "Rob",
        "last_name": "Vermeulen",
        "email": "rob.vermeulen@lindeburg.nl",
        "job_title": "Inkoopadviseur",
        "department": "bedrijfsvoering",
        "location": "Stadskantoor, 5e verdieping",
        "phone": "0123-45 67 53",
        "about": "Ik help collega's bij inkopen en aanbesteden: rechtmatig, duurzaam en zonder "
        "onnodige rompslomp.",
        "expertise": ["inkoop", "aanbesteden", "duurzaamheid"],
        "site_admin": False,
        "kind": "employee",
    },
    {
        "username": "nadia.benali",
        "first_name": "Nadia",
        "last_name": "Benali",
        "email": "nadia.benali@lindeburg.nl",
        "job_title": "Communicatieadviseur",
        "department": "bedrijfsvoering",
        "location": "Stadskantoor, 5e verdieping",
        "phone": "06-1234 5654",
        "about": "Ik ben communicatieadviseur en Kring-ambassadeur. Ik help je graag met heldere "
        "teksten, en met het opzetten van een goede groep op Kring.",
        "expertise": ["communicatie", "schrijven", "kring"],
        "site_admin": False,
        "kind": "employee",
    },
    {
        "username": "stefan.willems",
        "first_name": "Stefan",
        "last_name": "Willems",
        "email": "stefan.willems@lindeburg.nl",
        "job_title": "Medewerker Facilitaire Zaken",
        "department": "bedrijfsvoering",
        "location": "Stadskantoor, begane grond",
        "phone": "0123-45 67 55",
        "about": "Met het facilitaire team zorg ik voor het gebouw: vergaderzalen, koffie en de "
        "fietsenstalling. Iets kapot? Meld het bij mij.",
        "expertise": ["facilitair", "vergaderruimtes", "gebouwbeheer"],
        "site_admin": False,
        "kind": "employee",
    },
    {
        "username": "anouk.vanderheijden",
        "first_name": "Anouk",
        "last_name": "van der Heijden",
        "email": "anouk.vanderheijden@lindeburg.nl",
        "job_title": "Managementassistent directie",
        "department": "bedrijfsvoering",
        "location": "Stadskantoor, 5e verdieping",
        "phone": "0123-45 67 56",
        "about": "Ik ondersteun de gemeentesecretaris en het managementteam. Voor agenda's, "
        "vergaderstukken en zaalreserveringen op de directieverdieping ben je bij mij "
        "aan het goede adres.",
        "expertise": ["agendabeheer", "secretariaat"],
        "site_admin": False,
        "kind": "employee",
    },
    # --- External guests --------------------------------------------------
    {
        "username": "lisa.timmermans",
        "first_name": "Lisa",
        "last_name": "Timmermans",
        "email": "lisa.timmermans@rijnstadadvies.nl",
        "job_title": "Adviseur omgevingsrecht, Rijnstad Advies",
        "department": None,
        "location": "Extern (Rijnstad Advies)",
        "phone": "06-9876 5401",
        "about": "Ik ben adviseur bij Rijnstad Advies en ondersteun Gemeente Lindeburg bij het "
        "opstellen van het omgevingsplan. Via Kring deel ik voorbeelden uit andere "
        "gemeenten.",
        "expertise": ["omgevingswet", "omgevingsplan"],
        "site_admin": False,
        "kind": "guest",
    },
    {
        "username": "thijs.vanderveen",
        "first_name": "Thijs",
        "last_name": "van der Veen",
        "email": "thijs.vanderveen@oosterveld.nl",
        "job_title": "Privacy officer, Gemeente Oosterveld",
        "department": None,
        "location": "Gemeente Oosterveld",
        "phone": "0124-56 78 90",
        "about": "Ik ben privacy officer bij buurgemeente Oosterveld. In de AVG-werkgroep "
        "wisselen we ervaringen uit, want we lopen vaak tegen dezelfde vragen aan.",
        "expertise": ["privacy", "avg", "dpia"],
        "site_admin": False,
        "kind": "guest",
    },
]

# ---------------------------------------------------------------------------
# Groups
# ---------------------------------------------------------------------------

GROUPS = [
    # --- open ---------------------------------------------------------------
    {
        "slug": "omgevingswet",
        "name": "Omgevingswet",
        "description": "Vragen, antwoorden en praktijkvoorbeelden over de Omgevingswet: "
        "vergunningen, het omgevingsplan, toezicht en het Omgevingsloket.",
        "visibility": "open",
        "admins": ["linda.peters"],
        "members": [
            "femke.kok",
            "tom.vanbeek",
            "bart.vanderlinden",
            "jeroen.vos",
            "yvonne.brouwer",
            "emre.demir",
            "kevin.jansen",
            "lisa.timmermans",
        ],
    },
    {
        "slug": "tips-tricks-office-365",
        "name": "Tips & Tricks Office 365",
        "description": "Handige sneltoetsen, Teams-tips en Excel-vragen. Voor storingen blijft "
        "de servicedesk (toestel 4444) het adres.",
        "visibility": "open",
        "admins": ["karin.vanwijk", "rick.degraaf"],
        "members": [
            "nadia.benali",
            "joost.vandam",
            "daphne.schouten",
            "anouk.vanderheijden",
            "mirjam.postma",
            "rob.vermeulen",
            "lotte.visser",
            "esther.dejong",
            "sanne.devries",
            "ingrid.bakker",
            "femke.kok",
            "jasper.koster",
            "stefan.willems",
            "noor.vanleeuwen",
            "fatma.yilmaz",
            "dennis.meijer",
            "erik.vandijk",
            "ruben.mulder",
            "linda.peters",
        ],
    },
    {
        "slug": "fietsen-naar-het-werk",
        "name": "Fietsen naar het werk",
        "description": "Voor iedereen die (vaker) naar het werk wil fietsen: de fietsregeling, "
        "de fietsenstalling en natuurlijk de fietschallenge.",
        "visibility": "open",
        "admins": ["jasper.koster", "jeroen.vos"],
        "members": [
            "yvonne.brouwer",
            "rick.degraaf",
            "lotte.visser",
            "wouter.dewit",
            "erik.vandijk",
            "mohamed.elamrani",
            "martijn.kuipers",
            "esther.dejong",
            "stefan.willems",
            "noor.vanleeuwen",
        ],
    },
    {
        "slug": "nieuwe-collegas",
        "name": "Nieuwe collega's",
        "description": "Net begonnen bij Lindeburg? Hier vind je tips voor je eerste weken en "
        "kun je al je vragen kwijt. Geen vraag is te klein.",
        "visibility": "open",
        "admins": ["daphne.schouten", "nadia.benali"],
        "members": [
            "fatma.yilmaz",
            "noor.vanleeuwen",
            "emre.demir",
            "wouter.dewit",
            "joost.vandam",
            "karin.vanwijk",
            "jasper.koster",
            "stefan.willems",
            "kevin.jansen",
        ],
    },
    {
        "slug": "duurzaam-lindeburg",
        "name": "Duurzaam Lindeburg",
        "description": "Ideeën en initiatieven om Lindeburg, en onze eigen organisatie, "
        "duurzamer te maken.",
        "visibility": "open",
        "admins": ["yvonne.brouwer"],
        "members": [
            "henk.dijkstra",
            "wouter.dewit",
            "stefan.willems",
            "rob.vermeulen",
            "jeroen.vos",
            "esther.dejong",
            "bart.vanderlinden",
            "noor.vanleeuwen",
        ],
    },
    # --- closed -------------------------------------------------------------
    {
        "slug": "teamleiders-overleg",
        "name": "Teamleiders overleg",
        "description": "Overleg tussen teamleiders, afdelingshoofden en de gemeentesecretaris. "
        "Agenda's, voorbereiding en onderwerpen die (nog) niet breed gedeeld worden.",
        "visibility": "closed",
        "admins": ["erik.vandijk", "monique.vandermeer"],
        "members": [
            "sanne.devries",
            "marieke.vandenberg",
            "peter.hendriks",
            "bart.vanderlinden",
            "tom.vanbeek",
            "dennis.meijer",
            "hanneke.prins",
        ],
    },
    {
        "slug": "privacy-avg-werkgroep",
        "name": "Privacy & AVG werkgroep",
        "description": "Werkgroep van privacy-contactpersonen, samen met collega's uit de regio. "
        "We delen DPIA's, werkafspraken en lessen uit datalekken.",
        "visibility": "closed",
        "admins": ["sophie.huisman"],
        "members": [
            "martijn.kuipers",
            "ingrid.bakker",
            "esther.dejong",
            "annemarie.smit",
            "jasper.koster",
            "emre.demir",
            "karin.vanwijk",
            "thijs.vanderveen",
        ],
    },
    {
        "slug": "we-learning-klantgericht-schrijven",
        "name": "WE-learning: Klantgericht schrijven",
        "description": "Besloten groep bij de e-learning Klantgericht schrijven. Deel je "
        "oefenteksten, geef elkaar feedback en stel vragen aan de schrijfcoach.",
        "visibility": "closed",
        "admins": ["daphne.schouten", "nadia.benali"],
        "members": [
            "kevin.jansen",
            "fatma.yilmaz",
            "lotte.visser",
            "ahmed.bouzid",
            "femke.kok",
            "ruben.mulder",
            "mohamed.elamrani",
            "annemarie.smit",
        ],
    },
    # --- secret -------------------------------------------------------------
    {
        "slug": "stuurgroep-reorganisatie-sociaal-domein",
        "name": "Reorganisatie Sociaal Domein – stuurgroep",
        "description": "Stuurgroep voor de herinrichting van het sociaal domein (Project Kompas). "
        "Strikt vertrouwelijk.",
        "visibility": "secret",
        "admins": ["marieke.vandenberg"],
        "members": [
            "erik.vandijk",
            "monique.vandermeer",
            "hanneke.prins",
            "peter.hendriks",
            "jasper.koster",
        ],
    },
    {
        "slug": "vertrouwenspersonen",
        "name": "Vertrouwenspersonen",
        "description": "Intervisie en afstemming tussen de interne vertrouwenspersonen. Alleen "
        "geanonimiseerde casuïstiek.",
        "visibility": "secret",
        "admins": ["gerard.bos"],
        "members": ["annemarie.smit", "henk.dijkstra", "ingrid.bakker"],
    },
]

# ---------------------------------------------------------------------------
# Posts and replies
# ---------------------------------------------------------------------------
# Each post: {"author", "group" (slug or None), "hours_ago", "body", "replies"}
# Each reply: {"author", "body", "hours_ago", "replies"}

POSTS = [
    # ===================== Iedereen (company-wide) =========================
    {
        "author": "erik.vandijk",
        "group": None,
        "hours_ago": 1400,
        "body": "**Welkom op Kring!**\n\n"
        "Vanaf vandaag hebben we ons eigen kennisnetwerk. Mijn verzoek aan iedereen: "
        "stel je vraag hier, in plaats van in een mailtje aan tien collega's. Dan staat "
        "het antwoord er morgen nog, ook voor de collega die volgende maand begint.\n\n"
        "Ik ga zelf ook regelmatig iets delen, en ik lees mee. Laat maar zien wat we "
        "samen weten.\n\n"
        "Erik",
        "replies": [
            {
                "author": "nadia.benali",
                "hours_ago": 1396,
                "body": "Wat goed dat je zelf de aftrap doet, Erik! Voor wie wil beginnen: vul je "
                "profiel en je expertise in, dan kunnen collega's je vinden als ze een "
                "vraag hebben. Joost, Daphne en ik zijn de Kring-ambassadeurs, dus vragen "
                "mag altijd.",
                "replies": [],
            },
            {
                "author": "henk.dijkstra",
                "hours_ago": 1380,
                "body": "Werkt het ook op de telefoon? Wij zitten op de werf niet achter een pc.",
                "replies": [
                    {
                        "author": "karin.vanwijk",
                        "hours_ago": 1375,
                        "body": "Ja Henk, gewoon in de browser op je telefoon. Log in met je "
                        "gewone account en zet de pagina op je beginscherm, dan werkt "
                        "het net als een app.",
                        "replies": [
                            {
                                "author": "henk.dijkstra",
                                "hours_ago": 1370,
                                "body": "Gelukt, dank je!",
                                "replies": [],
                            },
                        ],
                    },
                ],
            },
        ],
    },
    {
        "author": "mohamed.elamrani",
        "group": None,
        "hours_ago": 1200,
        "body": "Weet iemand hoe ik in Zaaksysteem een zaak heropen? Ik heb een verhuizing per "
        "ongeluk afgesloten terwijl het adresonderzoek nog liep. #zaaksysteem",
        "replies": [
            {
                "author": "emre.demir",
                "hours_ago": 1195,
                "body": "Dat kan alleen met de rol *behandelaar plus*. Zo werkt het:\n\n"
                "1. Open de zaak via het zaaknummer\n"
                "2. Kies rechtsboven **Acties → Zaak heropenen**\n"
                "3. Vul bij `reden_heropening` kort in waarom\n\n"
                "Zie je die knop niet? Stuur me dan het zaaknummer, dan doe ik het even.",
                "replies": [
                    {
                        "author": "mohamed.elamrani",
                        "hours_ago": 1190,
                        "body": "Ik zag de knop niet, zaaknummer is gestuurd. Bedankt!",
                        "replies": [],
                    },
                ],
            },
        ],
    },
    {
        "author": "daphne.schouten",
        "group": None,
        "hours_ago": 1300,
        "body": "Vanaf deze maand staan er **nieuwe e-learnings** in de leeromgeving, onder andere:\n\n"
        "- Klantgericht schrijven (met een WE-learning-groep hier op Kring)\n"
        "- Werken met de Omgevingswet, basis\n"
        "- Veilig werken met persoonsgegevens (verplicht voor iedereen)\n\n"
        "Wil je Klantgericht schrijven volgen? Laat het me weten, dan voeg ik je toe aan "
        "de besloten groep. Daar delen we ervaringen en oefenbrieven. #leren #e-learning",
        "replies": [
            {
                "author": "lotte.visser",
                "hours_ago": 1280,
                "body": "Ik doe graag mee. Telt het mee voor mijn opleidingsuren?",
                "replies": [
                    {
                        "author": "daphne.schouten",
                        "hours_ago": 1275,
                        "body": "Ja Lotte, de uren schrijf je gewoon op je opleidingscode. Je "
                        "staat erin!",
                        "replies": [],
                    },
                ],
            },
        ],
    },
    {
        "author": "stefan.willems",
        "group": None,
        "hours_ago": 1100,
        "body": "De koffieautomaat op de **2e verdieping** is stuk (hij lekt bij de melkunit). De "
        "monteur komt morgenochtend. Gebruik tot die tijd graag de automaat op de 3e. "
        "Excuus voor het ongemak!",
        "replies": [
            {
                "author": "jeroen.vos",
                "hours_ago": 1098,
                "body": "Dus dát was die plas. Ik dacht dat iemand zijn thee had laten vallen.",
                "replies": [],
            },
            {
                "author": "stefan.willems",
                "hours_ago": 1075,
                "body": "Update: hij doet het weer. Volgens de monteur is de cappuccino nu zelfs "
                "beter dan voorheen.",
                "replies": [],
            },
        ],
    },
    {
        "author": "nadia.benali",
        "group": None,
        "hours_ago": 1250,
        "body": "**Mail of Kring? Een vuistregel**\n\n"
        "- Is het vertrouwelijk of gaat het over één persoon? → mail of telefoon\n"
        "- Hebben meer collega's iets aan de vraag of het antwoord? → Kring\n"
        "- Wil je dat het over een half jaar nog te vinden is? → zeker Kring\n\n"
        "Twijfel je? Vraag het gerust hieronder.",
        "replies": [
            {
                "author": "marieke.vandenberg",
                "hours_ago": 1200,
                "body": "Goede vuistregel. Voor het sociaal domein geldt wel: **nooit** "
                "cliëntgegevens op Kring, ook niet in een besloten groep. Daarvoor hebben "
                "we het zaaksysteem.",
                "replies": [
                    {
                        "author": "sophie.huisman",
                        "hours_ago": 1190,
                        "body": "Helemaal mee eens, Marieke. Een BSN of naam hoort hier niet "
                        "thuis. In de privacywerkgroep werken we de afspraken verder uit.",
                        "replies": [],
                    },
                ],
            },
        ],
    },
    {
        "author": "rick.degraaf",
        "group": None,
        "hours_ago": 900,
        "body": "**Let op:** vanavond na werktijd doen we onderhoud aan de VPN-verbinding. "
        "Thuiswerken kan dan een paar uur niet, dus sla je werk op tijd op. Morgenochtend "
        "werkt alles weer; zo niet, bel de servicedesk op toestel 4444.",
        "replies": [
            {
                "author": "annemarie.smit",
                "hours_ago": 898,
                "body": "Geldt dit ook voor Teams?",
                "replies": [
                    {
                        "author": "rick.degraaf",
                        "hours_ago": 897,
                        "body": "Nee, Teams werkt via internet en blijft gewoon werken. Alleen "
                        "de applicaties die via de VPN lopen (zaaksysteem, financieel "
                        "pakket) zijn even niet bereikbaar.",
                        "replies": [],
                    },
                ],
            },
        ],
    },
    {
        "author": "fatma.yilmaz",
        "group": None,
        "hours_ago": 300,
        "body": "Hallo allemaal! Ik ben Fatma en sinds maandag werk ik bij het "
        "Klantcontactcentrum. Hiervoor zat ik bij een zorgverzekeraar aan de telefoon, "
        "dus vragen beantwoorden ben ik gewend. Nu alleen nog leren wáár alle antwoorden "
        "staan 😉 Kom gerust even langs op de 1e verdieping.",
        "replies": [
            {
                "author": "sanne.devries",
                "hours_ago": 298,
                "body": "Welkom Fatma! Fijn dat je ons team komt versterken.",
                "replies": [],
            },
            {
                "author": "joost.vandam",
                "hours_ago": 295,
                "body": "Welkom! Tip: word lid van de groep *Nieuwe collega's*, daar staan veel "
                "handige dingen voor je eerste weken.",
                "replies": [],
            },
        ],
    },
    {
        "author": "erik.vandijk",
        "group": None,
        "hours_ago": 870,
        "body": "Vraag aan Burgerzaken: hoe staan we ervoor met de wachttijden voor paspoorten en "
        "ID-kaarten? Ik hoor van raadsleden dat inwoners lang moeten wachten op een "
        "afspraak. #paspoorten #dienstverlening",
        "replies": [
            {
                "author": "sanne.devries",
                "hours_ago": 869,
                "body": "Hoi Erik, op dit moment zitten we op gemiddeld **9 werkdagen** tot de "
                "eerste vrije afspraak; normaal is dat 3 à 4. Oorzaak: de paspoorten die "
                "tien jaar geleden massaal zijn aangevraagd, verlopen nu. En we hebben "
                "twee zieke collega's.",
                "replies": [
                    {
                        "author": "mohamed.elamrani",
                        "hours_ago": 866,
                        "body": "Idee: kunnen we een paar zaterdagochtenden open? Daar vragen "
                        "veel mensen om aan de balie.",
                        "replies": [
                            {
                                "author": "erik.vandijk",
                                "hours_ago": 860,
                                "body": "Goed idee, Mohamed. Sanne, wil je uitzoeken wat daarvoor "
                                "nodig is? Het budget voor overuren regel ik met Hanneke.",
                                "replies": [],
                            },
                        ],
                    },
                ],
            },
        ],
    },
    {
        "author": "erik.vandijk",
        "group": None,
        "hours_ago": 700,
        "body": "Vorige week vroeg ik hier hoe het met de wachttijden bij de balie ging. Binnen "
        "een uur had ik antwoord van Sanne, mét cijfers, en een idee van Mohamed om op "
        "zaterdag open te gaan. Per mail had dat twee weken geduurd.\n\n"
        "Dit is precies waarom we Kring hebben. **Mijn vraag aan alle teamleiders:** "
        "beantwoord de vragen van je team hier, zodat iedereen kan meelezen.",
        "replies": [
            {
                "author": "sanne.devries",
                "hours_ago": 690,
                "body": "Dank je Erik. De pilot met de zaterdagochtend start over drie weken; we "
                "houden jullie hier op de hoogte.",
                "replies": [],
            },
            {
                "author": "monique.vandermeer",
                "hours_ago": 680,
                "body": "Bij P&O zetten we onze 'vraag van de week' voortaan hier, in plaats van "
                "in de nieuwsbrief.",
                "replies": [],
            },
        ],
    },
    {
        "author": "ingrid.bakker",
        "group": None,
        "hours_ago": 1000,
        "body": "**Best practice: spoedaanvraag reisdocument**\n\n"
        "Omdat we er vaak vragen over krijgen, hier onze werkwijze:\n\n"
        "- Spoedaanvraag vóór de middag = document de volgende werkdag ophalen\n"
        "- Controleer altijd eerst of er geen vermissing geregistreerd staat\n"
        "- De spoedleges worden automatisch berekend; pas `legesbedrag` niet handmatig aan\n\n"
        "KCC-collega's: verwijs inwoners gerust naar de website, daar staat het ook. "
        "#paspoorten #Dienstverlening",
        "replies": [
            {
                "author": "kevin.jansen",
                "hours_ago": 990,
                "body": "Top, ik hang hem op bij het KCC. Kunnen jullie ook iets zeggen over "
                "ophalen door iemand anders (machtiging)?",
                "replies": [
                    {
                        "author": "ingrid.bakker",
                        "hours_ago": 985,
                        "body": "Een paspoort of ID-kaart haalt de aanvrager altijd zelf op. Een "
                        "rijbewijs mag met een machtiging. Ik zet het erbij.",
                        "replies": [],
                    },
                ],
            },
        ],
    },
    {
        "author": "joost.vandam",
        "group": None,
        "hours_ago": 950,
        "body": "Kring-tip van de week: **zoek eerst even**. Typ in de zoekbalk bijvoorbeeld "
        "*spoedaanvraag* en je vindt meteen de uitleg van Ingrid, inclusief het antwoord "
        "over machtigingen. Staat je vraag er niet tussen? Dan is het een goede nieuwe "
        "vraag!",
        "replies": [
            {
                "author": "esther.dejong",
                "hours_ago": 940,
                "body": "Goede tip. Ik merk nu al dat ik minder mailtjes krijg met 'weet jij "
                "wie...'.",
                "replies": [],
            },
        ],
    },
    {
        "author": "martijn.kuipers",
        "group": None,
        "hours_ago": 600,
        "body": "**Phishingmail in omloop** #informatiebeveiliging\n\n"
        "Er gaat een mail rond met als onderwerp *'Uw salarisstrook staat klaar'*, met "
        "een link naar een nep-inlogpagina. P&O stuurt nooit zo'n link; je salarisstrook "
        "staat alleen in het personeelsportaal.\n\n"
        "Toch geklikt? Geen schande, maar **meld het direct** bij de servicedesk (toestel "
        "4444), dan resetten we je wachtwoord.",
        "replies": [
            {
                "author": "jasper.koster",
                "hours_ago": 595,
                "body": "Bevestigd vanuit P&O: deze mail komt niet van ons.",
                "replies": [],
            },
        ],
    },
    {
        "author": "lotte.visser",
        "group": None,
        "hours_ago": 500,
        "body": "Even een **groot bedankt aan Rick** (@rick.degraaf) van de servicedesk. Mijn laptop gaf er "
        "gisteren de brui aan vlak voor een keukentafelgesprek, en binnen een kwartier "
        "had ik een vervangend exemplaar mét al mijn bestanden. Zo fijn!",
        "replies": [
            {
                "author": "rick.degraaf",
                "hours_ago": 495,
                "body": "Graag gedaan, Lotte! Goed dat je OneDrive gebruikt, anders was het een "
                "ander verhaal geweest 😉",
                "replies": [],
            },
        ],
    },
    {
        "author": "anouk.vanderheijden",
        "group": None,
        "hours_ago": 400,
        "body": "Gezocht: een vergaderruimte met scherm voor 20 personen, volgende week "
        "donderdag. De Raadzaal is bezet. Iemand een idee?",
        "replies": [
            {
                "author": "stefan.willems",
                "hours_ago": 398,
                "body": "De Lindezaal op de begane grond kan tot 24 personen. Reserveren via "
                "Outlook, ruimte *BG-Lindezaal*. Het scherm werkt met de HDMI- of "
                "USB-C-kabel die er ligt.",
                "replies": [
                    {
                        "author": "anouk.vanderheijden",
                        "hours_ago": 396,
                        "body": "Gereserveerd, dank je!",
                        "replies": [],
                    },
                ],
            },
        ],
    },
    {
        "author": "esther.dejong",
        "group": None,
        "hours_ago": 800,
        "body": "Voor wie met jeugd of onderwijs te maken heeft: het "
        "[Nederlands Jeugdinstituut](https://www.nji.nl/) heeft heldere dossiers over de "
        "rol van de gemeente bij jeugdhulp. Fijn om nieuwe collega's naar door te sturen.",
        "replies": [
            {
                "author": "ahmed.bouzid",
                "hours_ago": 795,
                "body": "Dank je! Gebruik ik ook vaak als voorbereiding op gesprekken met ouders.",
                "replies": [],
            },
        ],
    },
    {
        "author": "mirjam.postma",
        "group": None,
        "hours_ago": 1010,
        "body": "**Herinnering maandafsluiting:** keur openstaande facturen graag uiterlijk "
        "vrijdag goed in de workflow. Facturen die daarna binnenkomen, boeken we pas in "
        "de volgende periode. Vragen? Bel of app me.",
        "replies": [
            {
                "author": "tom.vanbeek",
                "hours_ago": 1005,
                "body": "Hoe zie ik welke facturen er bij mij openstaan?",
                "replies": [
                    {
                        "author": "mirjam.postma",
                        "hours_ago": 1003,
                        "body": "In het financieel pakket onder **Mijn taken → Te accorderen**. "
                        "Filter op `budgethouder` om alleen die van jouw team te zien.",
                        "replies": [],
                    },
                ],
            },
        ],
    },
    {
        "author": "rob.vermeulen",
        "group": None,
        "hours_ago": 750,
        "body": "**Inkopen onder de € 50.000?** Dan hoef je niet altijd meerdere offertes op te "
        "vragen. Ik heb de drempels uit ons inkoopbeleid op een rij gezet: "
        "[Inkoopwijzer Lindeburg](https://intranet.lindeburg.nl/inkoop/inkoopwijzer).\n\n"
        "Twijfel je? Stuur me even een bericht vóór je een offerte opvraagt. Dat "
        "voorkomt gedoe achteraf.",
        "replies": [
            {
                "author": "bart.vanderlinden",
                "hours_ago": 740,
                "body": "Heel fijn, Rob. Geldt dit ook voor de inhuur van tijdelijk personeel?",
                "replies": [
                    {
                        "author": "rob.vermeulen",
                        "hours_ago": 735,
                        "body": "Nee, inhuur loopt via de raamovereenkomst. Vraag daarvoor eerst "
                        "P&O.",
                        "replies": [],
                    },
                ],
            },
        ],
    },
    {
        "author": "erik.vandijk",
        "group": None,
        "hours_ago": 200,
        "body": "De resultaten van het **medewerkersonderzoek** zijn binnen. Wat eruit springt:\n\n"
        "- 84% is trots om bij Lindeburg te werken\n"
        "- De werkdruk scoort slecht bij Sociaal Domein en Burgerzaken; daar gaan we echt "
        "iets mee doen\n"
        "- 'Ik weet wie ik iets moet vragen' scoort hoger dan vorig jaar. Ik denk dat Kring "
        "daaraan bijdraagt\n\n"
        "De volledige rapportage staat op het intranet. Ik hoor graag hieronder wat jou "
        "opvalt.",
        "replies": [
            {
                "author": "noor.vanleeuwen",
                "hours_ago": 190,
                "body": "Als nieuwe collega merk ik dat 'wie moet ik vragen' hier echt goed "
                "werkt. Via Kring vond ik binnen een dag de juiste persoon voor een "
                "vraag over de Participatiewet.",
                "replies": [],
            },
            {
                "author": "marieke.vandenberg",
                "hours_ago": 180,
                "body": "Dank je, Erik. We bespreken de uitkomsten volgende week in alle "
                "teamoverleggen van het sociaal domein.",
                "replies": [],
            },
        ],
    },
    {
        "author": "noor.vanleeuwen",
        "group": None,
        "hours_ago": 350,
        "body": "Vraag voor de experts Participatiewet: mag iemand met een bijstandsuitkering "
        "vrijwilligerswerk doen zonder dat te melden?",
        "replies": [
            {
                "author": "annemarie.smit",
                "hours_ago": 345,
                "body": "Melden moet altijd, maar het mag meestal wel. We kijken vooral of het de "
                "weg naar betaald werk niet in de weg zit. Een vrijwilligersvergoeding tot "
                "het fiscale maximum telt niet als inkomen.",
                "replies": [
                    {
                        "author": "noor.vanleeuwen",
                        "hours_ago": 340,
                        "body": "Helder, dank je Anne-Marie! Ik zet het in mijn aantekeningen.",
                        "replies": [],
                    },
                ],
            },
        ],
    },
    {
        "author": "karin.vanwijk",
        "group": None,
        "hours_ago": 60,
        "body": "Kring is nu twee maanden in de lucht. Wat opvalt: bijna iedereen heeft "
        "inmiddels ingelogd, en de best gelezen discussie ging over... de koffieautomaat "
        "op de 2e 😄\n\n"
        "Een verzoek: zet je **expertise** op je profiel (bijvoorbeeld *wmo*, *excel*, "
        "*inkoop*). Dan vinden collega's je sneller als ze een vraag hebben.",
        "replies": [
            {
                "author": "daphne.schouten",
                "hours_ago": 55,
                "body": "Hulp nodig bij het invullen? Ik zit donderdag op de 3e bij de koffie, "
                "schuif gerust aan.",
                "replies": [],
            },
            {
                "author": "wouter.dewit",
                "hours_ago": 40,
                "body": "Gedaan. Ik heb *bomen* en *groenonderhoud* ingevuld. Mag ik nu "
                "verwachten dat jullie me bellen over de eik bij het stadskantoor? 🌳",
                "replies": [],
            },
        ],
    },
    # ===================== Omgevingswet (open) =============================
    {
        "author": "linda.peters",
        "group": "omgevingswet",
        "hours_ago": 1380,
        "body": "Welkom in de groep **Omgevingswet**! Hier verzamelen we vragen, antwoorden en "
        "voorbeelden uit de praktijk, zodat niet iedereen zelf het wiel hoeft uit te "
        "vinden.\n\n"
        "Goede startpunten:\n\n"
        "- [Informatiepunt Leefomgeving (IPLO)](https://iplo.nl/)\n"
        "- [Handreikingen van de VNG](https://vng.nl/rubrieken/omgevingswet)\n"
        "- Ons eigen *Werkproces vergunningverlening* op het intranet",
        "replies": [
            {
                "author": "femke.kok",
                "hours_ago": 1370,
                "body": "Fijn dat deze groep er is. Het IPLO gebruik ik dagelijks.",
                "replies": [],
            },
        ],
    },
    {
        "author": "kevin.jansen",
        "group": "omgevingswet",
        "hours_ago": 1020,
        "body": "Vraag vanuit het KCC: een inwoner wil een dakkapel aan de achterkant van zijn "
        "huis plaatsen. Is dat onder de Omgevingswet nog steeds vergunningvrij? Ik wil "
        "geen verkeerd antwoord geven.",
        "replies": [
            {
                "author": "femke.kok",
                "hours_ago": 1015,
                "body": "Meestal wel, als de achterkant niet naar openbaar gebied is gekeerd en "
                "de dakkapel binnen de regels van het Bbl (Besluit bouwwerken "
                "leefomgeving) past. **Maar** check altijd het omgevingsplan, "
                "bijvoorbeeld bij een monument of beschermd stadsgezicht.\n\n"
                "Beste advies aan de inwoner: doe de vergunningcheck in het Omgevingsloket.",
                "replies": [
                    {
                        "author": "kevin.jansen",
                        "hours_ago": 1010,
                        "body": "Duidelijk! Dan verwijs ik naar de vergunningcheck en pas ik het "
                        "artikel in onze KCC-kennisbank aan.",
                        "replies": [
                            {
                                "author": "linda.peters",
                                "hours_ago": 1000,
                                "body": "Goed plan, Kevin. Zet er wel bij: vergunningvrij is niet "
                                "regelvrij. Burenrecht en het omgevingsplan gelden nog "
                                "steeds.",
                                "replies": [],
                            },
                        ],
                    },
                ],
            },
        ],
    },
    {
        "author": "lisa.timmermans",
        "group": "omgevingswet",
        "hours_ago": 900,
        "body": "Vanuit Rijnstad Advies ondersteun ik Lindeburg bij het omgevingsplan. Ik deel hier "
        "graag een **voorbeeld van een beleidsregel voor buitenplanse "
        "omgevingsplanactiviteiten (BOPA's)** die we bij een andere gemeente hebben "
        "gebruikt. Feedback is welkom; ik pas de conceptversie voor Lindeburg erop aan.",
        "replies": [
            {
                "author": "tom.vanbeek",
                "hours_ago": 890,
                "body": "Dank je, Lisa. Wat mij betreft nemen we de adviestermijn van de "
                "commissie ruimtelijke kwaliteit expliciet op; daar gaat het in de "
                "praktijk vaak mis.",
                "replies": [
                    {
                        "author": "lisa.timmermans",
                        "hours_ago": 880,
                        "body": "Goed punt, neem ik mee. Ik zet de aangepaste versie eind van de "
                        "week hier neer.",
                        "replies": [],
                    },
                ],
            },
        ],
    },
    {
        "author": "jeroen.vos",
        "group": "omgevingswet",
        "hours_ago": 650,
        "body": "Handhaving onder de Omgevingswet: wie heeft ervaring met een **last onder "
        "dwangsom** waarbij de overtreden regel in het omgevingsplan staat en niet meer in "
        "een verordening? Welke grondslag noemen jullie in de brief?",
        "replies": [
            {
                "author": "linda.peters",
                "hours_ago": 640,
                "body": "Je noemt de overtreden regel uit het omgevingsplan, en voor de "
                "bevoegdheid artikel 18.1 Omgevingswet (handhavingstaak) met artikel 5:32 "
                "Awb (last onder dwangsom). Er staat een modelbrief in de juridische map: "
                "`Modellen > Handhaving > LOD_Omgevingsplan.docx`.",
                "replies": [
                    {
                        "author": "jeroen.vos",
                        "hours_ago": 630,
                        "body": "Precies wat ik zocht, dank je!",
                        "replies": [],
                    },
                ],
            },
        ],
    },
    {
        "author": "emre.demir",
        "group": "omgevingswet",
        "hours_ago": 420,
        "body": "**Koppeling Omgevingsloket ↔ zaaksysteem:** vanaf vandaag komen aanvragen uit "
        "het Omgevingsloket automatisch als zaak binnen. Wat je moet weten:\n\n"
        "- Het zaaktype is `Omgevingsvergunning (DSO)`\n"
        "- Bijlagen staan onder het tabblad *Documenten*, niet meer in de mail\n"
        "- Gaat er iets mis? Meld het bij de servicedesk met het DSO-verzoeknummer",
        "replies": [
            {
                "author": "tom.vanbeek",
                "hours_ago": 400,
                "body": "Top, Emre. Ik zie alleen dat de beslistermijn nog niet automatisch "
                "wordt berekend. Klopt dat?",
                "replies": [
                    {
                        "author": "emre.demir",
                        "hours_ago": 395,
                        "body": "Klopt, dat komt in de volgende release. Vul tot die tijd de "
                        "uiterste beslisdatum zelf in bij `uiterste_datum`.",
                        "replies": [],
                    },
                ],
            },
        ],
    },
    {
        "author": "yvonne.brouwer",
        "group": "omgevingswet",
        "hours_ago": 150,
        "body": "Vraag: kunnen we in het omgevingsplan regels opnemen over verplichte groene "
        "daken bij nieuwbouw? Heeft iemand voorbeelden uit andere gemeenten?",
        "replies": [
            {
                "author": "lisa.timmermans",
                "hours_ago": 145,
                "body": "Ja, dat kan als maatwerk in het omgevingsplan, mits je het goed "
                "onderbouwt (klimaatadaptatie, wateroverlast). Een paar gemeenten hebben "
                "het al gedaan; ik zoek de voorbeelden voor je op.",
                "replies": [],
            },
            {
                "author": "linda.peters",
                "hours_ago": 140,
                "body": "Let wel op de samenloop met het Bbl: aan de bouwtechniek zelf mag je "
                "geen strengere eisen stellen, maar bijvoorbeeld wel aan waterberging op "
                "het perceel.",
                "replies": [],
            },
        ],
    },
    # ===================== Tips & Tricks Office 365 (open) =================
    {
        "author": "karin.vanwijk",
        "group": "tips-tricks-office-365",
        "hours_ago": 1350,
        "body": "Welkom bij **Tips & Tricks Office 365**! Deel hier je handigste sneltoetsen, "
        "Teams-tips en Excel-vragen. Niet voor storingen: daarvoor blijft de servicedesk "
        "(toestel 4444) het adres.",
        "replies": [
            {
                "author": "joost.vandam",
                "hours_ago": 1340,
                "body": "Ik begin meteen: **Windows + Shift + S** maakt een schermafbeelding van "
                "een deel van je scherm. Gebruik ik twintig keer per dag.",
                "replies": [],
            },
        ],
    },
    {
        "author": "mirjam.postma",
        "group": "tips-tricks-office-365",
        "hours_ago": 1100,
        "body": "Excelvraag: ik heb twee lijsten (budgetten en uitgaven) en wil per kostenplaats "
        "het bedrag ophalen. Ik gebruik nu VERT.ZOEKEN, maar dat gaat mis zodra ik een "
        "kolom invoeg. Tips?",
        "replies": [
            {
                "author": "joost.vandam",
                "hours_ago": 1095,
                "body": "Gebruik `X.ZOEKEN`. Bijvoorbeeld:\n\n"
                "`=X.ZOEKEN(A2; Uitgaven!A:A; Uitgaven!D:D; 0)`\n\n"
                "Die gaat niet stuk als je kolommen invoegt, en je bepaalt zelf wat er "
                "komt te staan als er niets gevonden wordt.",
                "replies": [
                    {
                        "author": "mirjam.postma",
                        "hours_ago": 1090,
                        "body": "Wauw, werkt meteen. Waarom heeft niemand me dit eerder verteld 😅",
                        "replies": [
                            {
                                "author": "joost.vandam",
                                "hours_ago": 1085,
                                "body": "Daarom is Kring er 😉",
                                "replies": [],
                            },
                        ],
                    },
                ],
            },
        ],
    },
    {
        "author": "rick.degraaf",
        "group": "tips-tricks-office-365",
        "hours_ago": 800,
        "body": "**Teams-tip:** zet je status op *Niet storen* als je in een gesprek of aan de "
        "balie zit. Meldingen komen dan pas binnen als je terug bent. Wie er toch door "
        "mag, stel je in via *Instellingen → Privacy → Prioriteitstoegang beheren*.",
        "replies": [
            {
                "author": "lotte.visser",
                "hours_ago": 790,
                "body": "Heel handig voor huisbezoeken, dank je!",
                "replies": [],
            },
        ],
    },
    {
        "author": "fatma.yilmaz",
        "group": "tips-tricks-office-365",
        "hours_ago": 250,
        "body": "Beginnersvraag: hoe deel ik een bestand uit mijn OneDrive met een collega, zonder "
        "dat het een bijlage wordt?",
        "replies": [
            {
                "author": "karin.vanwijk",
                "hours_ago": 248,
                "body": "Goede vraag! Klik met rechts op het bestand → **Delen** → kies "
                "*Personen in Gemeente Lindeburg* en vul de naam in. Dan werken jullie "
                "allebei in hetzelfde bestand en bestaat 'versie_def_echt_def.docx' niet "
                "meer 🙂",
                "replies": [
                    {
                        "author": "fatma.yilmaz",
                        "hours_ago": 245,
                        "body": "Haha, die bestandsnamen ken ik. Gelukt!",
                        "replies": [],
                    },
                ],
            },
        ],
    },
    {
        "author": "erik.vandijk",
        "group": "tips-tricks-office-365",
        "hours_ago": 520,
        "body": "Ik heb gehoord dat je in Outlook een mail kunt **uitstellen**, zodat hij pas 's "
        "ochtends verstuurd wordt. Ik wil collega's 's avonds niet lastigvallen. Hoe "
        "werkt dat?",
        "replies": [
            {
                "author": "karin.vanwijk",
                "hours_ago": 515,
                "body": "Bij een nieuw bericht: **Opties → Levering uitstellen** en dan het "
                "tijdstip kiezen. In de webversie: pijltje naast *Verzenden* → "
                "*Verzenden plannen*.",
                "replies": [
                    {
                        "author": "erik.vandijk",
                        "hours_ago": 510,
                        "body": "Gedaan. Mijn avondmails komen voortaan gewoon om half negen 's "
                        "ochtends binnen.",
                        "replies": [],
                    },
                ],
            },
        ],
    },
    {
        "author": "ingrid.bakker",
        "group": "tips-tricks-office-365",
        "hours_ago": 100,
        "body": "Hoe krijg ik in Word een **sjabloon** met het Lindeburg-logo en de juiste "
        "huisstijl? Ik krijg steeds een oude versie.",
        "replies": [
            {
                "author": "nadia.benali",
                "hours_ago": 95,
                "body": "De actuele sjablonen staan in Word onder **Bestand → Nieuw → "
                "Lindeburg**. Zie je daar nog de oude? Dan moet de lokale cache geleegd "
                "worden; Rick weet hoe.",
                "replies": [
                    {
                        "author": "rick.degraaf",
                        "hours_ago": 90,
                        "body": "Klopt. Zoek in het servicedeskportaal op *sjablonen vernieuwen* "
                        "voor de handleiding. Of bel even, dan doen we het samen.",
                        "replies": [],
                    },
                ],
            },
        ],
    },
    # ===================== Fietsen naar het werk (open) ====================
    {
        "author": "jeroen.vos",
        "group": "fietsen-naar-het-werk",
        "hours_ago": 400,
        "body": "**Fietsen naar het werk-challenge** 🚲\n\n"
        "Deze maand houden we bij wie de meeste kilometers naar het werk fietst. We "
        "tellen per team; het winnende team krijgt een ontbijt van de gemeentesecretaris "
        "(Erik, je hebt al ja gezegd 😉).\n\n"
        "Houd je kilometers bij in het gedeelde Excel-bestand in deze groep. Eerlijk tellen!",
        "replies": [
            {
                "author": "erik.vandijk",
                "hours_ago": 395,
                "body": "Klopt, het ontbijt is toegezegd. Ik fiets zelf ook mee: 14 km enkele reis.",
                "replies": [],
            },
            {
                "author": "wouter.dewit",
                "hours_ago": 390,
                "body": "Werf Noord doet mee! We zijn met z'n vijven en fietsen allemaal.",
                "replies": [],
            },
        ],
    },
    {
        "author": "jasper.koster",
        "group": "fietsen-naar-het-werk",
        "hours_ago": 1000,
        "body": "De regeling even op een rij: met de **fietsregeling** koop je via je IKB-budget "
        "fiscaal voordelig een (elektrische) fiets, tot maximaal € 1.500. Aanvragen gaat "
        "via het personeelsportaal onder *Mijn regelingen*. Vragen? Stel ze hier, dan "
        "heeft iedereen er wat aan.",
        "replies": [
            {
                "author": "esther.dejong",
                "hours_ago": 990,
                "body": "Telt een fietsverzekering ook mee?",
                "replies": [
                    {
                        "author": "jasper.koster",
                        "hours_ago": 985,
                        "body": "Ja, een verzekering en accessoires zoals een slot vallen binnen "
                        "hetzelfde maximum.",
                        "replies": [],
                    },
                ],
            },
        ],
    },
    {
        "author": "stefan.willems",
        "group": "fietsen-naar-het-werk",
        "hours_ago": 700,
        "body": "De fietsenstalling onder het stadskantoor heeft sinds deze week **vier extra "
        "laadpunten** voor e-bikes. Ze zitten achterin, bij de douches.",
        "replies": [
            {
                "author": "lotte.visser",
                "hours_ago": 695,
                "body": "Super! Ik stond gisteren nog naar een vrij stopcontact te zoeken.",
                "replies": [],
            },
        ],
    },
    {
        "author": "mohamed.elamrani",
        "group": "fietsen-naar-het-werk",
        "hours_ago": 70,
        "body": "Tussenstand challenge: team Burgerzaken staat op plek 2! 💪 Werf Noord is niet "
        "bij te houden: 1.240 km tegen onze 890.",
        "replies": [
            {
                "author": "wouter.dewit",
                "hours_ago": 65,
                "body": "Het is de wind mee op de heenweg 😄",
                "replies": [],
            },
        ],
    },
    # ===================== Nieuwe collega's (open) =========================
    {
        "author": "daphne.schouten",
        "group": "nieuwe-collegas",
        "hours_ago": 1390,
        "body": "**Welkom bij Lindeburg!** In deze groep vind je alles voor je eerste weken:\n\n"
        "- Je laptop en toegangspas haal je op bij de servicedesk (1e verdieping)\n"
        "- Het introductieprogramma start elke eerste dinsdag van de maand\n"
        "- Je buddy helpt je met de praktische dingen\n"
        "- Vragen zijn nooit dom: stel ze hier!\n\n"
        "Tip: vul meteen je profiel in, met foto en expertise.",
        "replies": [
            {
                "author": "emre.demir",
                "hours_ago": 1385,
                "body": "Dank je, Daphne! Ik ben nu twee weken binnen en heb vooral veel aan mijn "
                "buddy gehad.",
                "replies": [],
            },
        ],
    },
    {
        "author": "noor.vanleeuwen",
        "group": "nieuwe-collegas",
        "hours_ago": 600,
        "body": "Waar kan ik het beste lunchen? Ik zie mensen met broodjes, maar de kantine "
        "lijkt dicht 🤔",
        "replies": [
            {
                "author": "stefan.willems",
                "hours_ago": 598,
                "body": "De kantine is open van half twaalf tot half twee, op de begane grond "
                "achter de receptie. Op vrijdag is er soep!",
                "replies": [
                    {
                        "author": "noor.vanleeuwen",
                        "hours_ago": 595,
                        "body": "Gevonden. De tomatensoep is een aanrader.",
                        "replies": [],
                    },
                ],
            },
        ],
    },
    {
        "author": "jasper.koster",
        "group": "nieuwe-collegas",
        "hours_ago": 450,
        "body": "**Checklist eerste week** (aangevuld met jullie tips):\n\n"
        "1. Inloggen op je laptop en het personeelsportaal\n"
        "2. Geheimhoudingsverklaring tekenen (die krijg je digitaal)\n"
        "3. E-learning *Veilig werken met persoonsgegevens* afronden\n"
        "4. Kennismaken met je buddy en je teamleider\n"
        "5. Je profiel op Kring invullen\n\n"
        "Mis je iets? Zet het eronder.",
        "replies": [
            {
                "author": "fatma.yilmaz",
                "hours_ago": 280,
                "body": "Aanvulling: vraag meteen toegang tot de telefooncentrale aan. Dat duurde "
                "bij mij een paar dagen.",
                "replies": [
                    {
                        "author": "jasper.koster",
                        "hours_ago": 275,
                        "body": "Goeie! Ik zet het erbij en kijk of we het standaard kunnen "
                        "meenemen in de aanvraag.",
                        "replies": [],
                    },
                ],
            },
        ],
    },
    {
        "author": "fatma.yilmaz",
        "group": "nieuwe-collegas",
        "hours_ago": 200,
        "body": "Hoe vraag ik verlof aan? In het portaal zie ik twee knoppen: *Verlof* en "
        "*Afwezigheid*.",
        "replies": [
            {
                "author": "joost.vandam",
                "hours_ago": 198,
                "body": "**Verlof** = vakantiedagen of vrije uren die je zelf opneemt. "
                "**Afwezigheid** = dokter, bijzonder verlof en dergelijke. Verlof gaat ter "
                "goedkeuring naar je teamleider.",
                "replies": [
                    {
                        "author": "fatma.yilmaz",
                        "hours_ago": 195,
                        "body": "Nu snap ik het, dank je Joost!",
                        "replies": [],
                    },
                ],
            },
        ],
    },
    {
        "author": "wouter.dewit",
        "group": "nieuwe-collegas",
        "hours_ago": 920,
        "body": "Nieuwe collega op de Werf Noord hier. Tips om Kring op een gedeelde tablet te "
        "gebruiken? We delen met z'n vieren één tablet in de schaftkeet.",
        "replies": [
            {
                "author": "karin.vanwijk",
                "hours_ago": 910,
                "body": "Goede vraag, Wouter. Iedereen logt zelf in via de browser en **logt "
                "daarna weer uit** (rechtsboven bij je naam). Zo zie je nooit per ongeluk "
                "berichten van een ander. Ik kom volgende week langs om het te laten zien.",
                "replies": [
                    {
                        "author": "wouter.dewit",
                        "hours_ago": 905,
                        "body": "Graag, de koffie staat klaar.",
                        "replies": [],
                    },
                ],
            },
        ],
    },
    # ===================== Duurzaam Lindeburg (open) =======================
    {
        "author": "yvonne.brouwer",
        "group": "duurzaam-lindeburg",
        "hours_ago": 1300,
        "body": "In deze groep delen we ideeën om Lindeburg (en onszelf) duurzamer te maken. "
        "Eerste vraag: **wat is jouw kleinste duurzame gewoonte op het werk?** Ik begin: "
        "ik print alleen nog als het echt niet anders kan.",
        "replies": [
            {
                "author": "henk.dijkstra",
                "hours_ago": 1290,
                "body": "Op de werf scheiden we sinds kort al het groenafval voor de compostering, "
                "in plaats van het af te voeren.",
                "replies": [],
            },
            {
                "author": "stefan.willems",
                "hours_ago": 1280,
                "body": "Vanaf volgende maand geen plastic bekertjes meer bij de automaten. Neem "
                "je eigen mok mee!",
                "replies": [
                    {
                        "author": "esther.dejong",
                        "hours_ago": 1270,
                        "body": "Eindelijk! Komt er dan ook een vaatwasser op de 3e?",
                        "replies": [],
                    },
                ],
            },
        ],
    },
    {
        "author": "rob.vermeulen",
        "group": "duurzaam-lindeburg",
        "hours_ago": 660,
        "body": "Vanuit inkoop: bij nieuwe aanbestedingen nemen we **duurzaamheid als "
        "gunningscriterium** op, met minimaal 20% van de weging. Heb je een aanbesteding "
        "in voorbereiding? Neem contact op, dan denk ik mee over de criteria.",
        "replies": [
            {
                "author": "bart.vanderlinden",
                "hours_ago": 645,
                "body": "Goed initiatief. Voor het nieuwe groenbestek willen we elektrisch "
                "materieel als eis opnemen.",
                "replies": [],
            },
        ],
    },
    {
        "author": "wouter.dewit",
        "group": "duurzaam-lindeburg",
        "hours_ago": 80,
        "body": "Deze week 40 nieuwe bomen geplant in de wijk De Linde, samen met de kinderen van "
        "basisschool De Regenboog. Mooiste werkdag van het jaar! 🌳",
        "replies": [
            {
                "author": "yvonne.brouwer",
                "hours_ago": 78,
                "body": "Wat mooi, Wouter! Mogen we de foto's gebruiken voor de nieuwsbrief?",
                "replies": [
                    {
                        "author": "wouter.dewit",
                        "hours_ago": 75,
                        "body": "Tuurlijk. Ik vraag even na of de ouders akkoord zijn.",
                        "replies": [],
                    },
                ],
            },
        ],
    },
    # ===================== Teamleiders overleg (closed) ====================
    {
        "author": "monique.vandermeer",
        "group": "teamleiders-overleg",
        "hours_ago": 1100,
        "body": "Agenda teamleidersoverleg donderdag:\n\n"
        "1. Verzuimcijfers per afdeling (bijgevoegd)\n"
        "2. Werkdruk bij Burgerzaken en Sociaal Domein\n"
        "3. Inzet van Kring: ervaringen tot nu toe\n\n"
        "Aanvullingen graag hieronder, uiterlijk woensdag.",
        "replies": [
            {
                "author": "dennis.meijer",
                "hours_ago": 1090,
                "body": "Mag ik bij punt 3 kort de gebruikscijfers laten zien? Vijf minuten.",
                "replies": [
                    {
                        "author": "monique.vandermeer",
                        "hours_ago": 1085,
                        "body": "Prima, staat erop.",
                        "replies": [],
                    },
                ],
            },
        ],
    },
    {
        "author": "erik.vandijk",
        "group": "teamleiders-overleg",
        "hours_ago": 880,
        "body": "**Vertrouwelijk tot het collegebesluit:** de begroting voor volgend jaar vraagt "
        "een **taakstelling van € 1,2 miljoen** op de bedrijfsvoering. Ik vraag jullie "
        "om binnen drie weken per team twee besparingsscenario's aan te leveren.\n\n"
        "Nog niet delen met je team; ik informeer iedereen zelf na het collegeoverleg.",
        "replies": [
            {
                "author": "hanneke.prins",
                "hours_ago": 875,
                "body": "Ik maak een format, zodat de scenario's vergelijkbaar zijn. Dat zet ik "
                "hier volgende week neer.",
                "replies": [],
            },
            {
                "author": "tom.vanbeek",
                "hours_ago": 872,
                "body": "Mogen we hogere legesinkomsten meenemen als dekking, of alleen "
                "besparingen?",
                "replies": [
                    {
                        "author": "erik.vandijk",
                        "hours_ago": 865,
                        "body": "Allebei, maar raam realistisch. Geen luchtfietserij.",
                        "replies": [],
                    },
                ],
            },
        ],
    },
    {
        "author": "sanne.devries",
        "group": "teamleiders-overleg",
        "hours_ago": 410,
        "body": "Hoe gaan jullie om met thuiswerken in teams met baliewerk? Bij ons voelt het "
        "scheef dat de backoffice wel thuis kan werken en de balie niet.",
        "replies": [
            {
                "author": "peter.hendriks",
                "hours_ago": 405,
                "body": "Herkenbaar. Wij roosteren iedereen minstens één dag per week in voor "
                "werk dat thuis kan (rapportages, scholing). Dat helpt voor het gevoel "
                "van eerlijkheid.",
                "replies": [
                    {
                        "author": "sanne.devries",
                        "hours_ago": 385,
                        "body": "Goede tip, daar ga ik met het rooster mee aan de slag.",
                        "replies": [],
                    },
                ],
            },
        ],
    },
    # ===================== Privacy & AVG werkgroep (closed) ================
    {
        "author": "sophie.huisman",
        "group": "privacy-avg-werkgroep",
        "hours_ago": 1180,
        "body": "**Werkafspraken Kring en privacy** (zoals beloofd):\n\n"
        "- Geen namen, BSN's of adressen van inwoners op Kring, ook niet in besloten of "
        "geheime groepen\n"
        "- Casuïstiek alleen geanonimiseerd en zo algemeen mogelijk\n"
        "- Twijfel? Eerst even bij mij checken\n\n"
        "Voorstel van de werkgroep: dit opnemen in de gebruiksvoorwaarden van Kring. "
        "Reacties graag vóór het volgende overleg.",
        "replies": [
            {
                "author": "martijn.kuipers",
                "hours_ago": 1170,
                "body": "Eens. Ik zou er nog aan toevoegen: deel nooit wachtwoorden of "
                "inloggegevens, ook niet 'even snel' in een groep.",
                "replies": [
                    {
                        "author": "sophie.huisman",
                        "hours_ago": 1165,
                        "body": "Toegevoegd!",
                        "replies": [],
                    },
                ],
            },
        ],
    },
    {
        "author": "thijs.vanderveen",
        "group": "privacy-avg-werkgroep",
        "hours_ago": 700,
        "body": "Vanuit Gemeente Oosterveld: we hebben net onze **DPIA voor slimme camera's** in "
        "de openbare ruimte afgerond. Conclusie: pas opschalen na een proefperiode van "
        "drie maanden, mét evaluatie. Staan jullie voor een vergelijkbare vraag? Dan deel "
        "ik graag ons format en onze lessen, vooral over bewaartermijnen.",
        "replies": [
            {
                "author": "sophie.huisman",
                "hours_ago": 690,
                "body": "Heel waardevol, Thijs, dank je. Wij doen volgend kwartaal iets "
                "vergelijkbaars voor de parkeerhandhaving. Zullen we een keer bellen?",
                "replies": [
                    {
                        "author": "thijs.vanderveen",
                        "hours_ago": 685,
                        "body": "Graag, ik stuur je een uitnodiging.",
                        "replies": [],
                    },
                ],
            },
        ],
    },
    {
        "author": "ingrid.bakker",
        "group": "privacy-avg-werkgroep",
        "hours_ago": 300,
        "body": "Datalek gemeld: een brief met een uittreksel uit de BRP is naar een verkeerd adres "
        "gestuurd (huisnummer verwisseld). De brief is inmiddels ongeopend terug. Moet "
        "dit nog gemeld worden bij de Autoriteit Persoonsgegevens?",
        "replies": [
            {
                "author": "sophie.huisman",
                "hours_ago": 295,
                "body": "Goed dat je het meteen meldt, Ingrid. De brief is ongeopend terug en het "
                "gaat om één persoon, dus het risico is laag. We registreren het wel in het "
                "**datalekregister**, maar melden het niet bij de "
                "[Autoriteit Persoonsgegevens](https://www.autoriteitpersoonsgegevens.nl/). "
                "Ik vul het register aan; jij hoeft niets meer te doen.",
                "replies": [],
            },
        ],
    },
    # ===================== WE-learning: Klantgericht schrijven (closed) ====
    {
        "author": "daphne.schouten",
        "group": "we-learning-klantgericht-schrijven",
        "hours_ago": 1200,
        "body": "**Welkom bij de WE-learning Klantgericht schrijven!**\n\n"
        "Zo werkt het:\n\n"
        "1. Elke week maak je één module van de e-learning (ongeveer 45 minuten)\n"
        "2. Hier deel je je oefenbrief, of een stuk tekst uit je eigen werk "
        "(geanonimiseerd!)\n"
        "3. Je geeft feedback op minstens één tekst van een collega\n\n"
        "Nadia is onze schrijfcoach en geeft in week 3 een webinar over *taalniveau B1*.",
        "replies": [
            {
                "author": "ruben.mulder",
                "hours_ago": 1190,
                "body": "Zin in! Onze brieven over schuldhulp kunnen wel een opfrisbeurt gebruiken.",
                "replies": [],
            },
        ],
    },
    {
        "author": "kevin.jansen",
        "group": "we-learning-klantgericht-schrijven",
        "hours_ago": 950,
        "body": "Oefening module 2: herschrijf een standaardzin. Mijn poging:\n\n"
        "> Voor: *'Naar aanleiding van uw schrijven delen wij u mede dat uw verzoek in "
        "behandeling is genomen.'*\n"
        ">\n"
        "> Na: *'Bedankt voor uw brief. We gaan met uw vraag aan de slag.'*\n\n"
        "Feedback welkom!",
        "replies": [
            {
                "author": "nadia.benali",
                "hours_ago": 940,
                "body": "Veel beter, Kevin! Wat de lezer nog mist: **wanneer** hoort hij iets? "
                "Bijvoorbeeld: 'Binnen twee weken hoort u van ons.'",
                "replies": [
                    {
                        "author": "kevin.jansen",
                        "hours_ago": 935,
                        "body": "Goed punt. Daar bellen mensen het KCC ook precies over.",
                        "replies": [],
                    },
                ],
            },
        ],
    },
    {
        "author": "fatma.yilmaz",
        "group": "we-learning-klantgericht-schrijven",
        "hours_ago": 180,
        "body": "Ik vind module 3 (taalniveau B1) lastig. Hoe schrijf je eenvoudig zonder dat het "
        "kinderachtig klinkt?",
        "replies": [
            {
                "author": "daphne.schouten",
                "hours_ago": 175,
                "body": "Herkenbaar! Eenvoudig is niet hetzelfde als kinderachtig. Gebruik korte "
                "zinnen en gewone woorden, maar spreek de lezer aan als volwassene. Het "
                "webinar van Nadia is terug te kijken in de leeromgeving.",
                "replies": [
                    {
                        "author": "ahmed.bouzid",
                        "hours_ago": 170,
                        "body": "Wat mij helpt: ik lees de brief hardop voor. Struikel ik, dan "
                        "is de zin te lang.",
                        "replies": [],
                    },
                ],
            },
        ],
    },
    # ===================== Stuurgroep reorganisatie (secret) ===============
    {
        "author": "marieke.vandenberg",
        "group": "stuurgroep-reorganisatie-sociaal-domein",
        "hours_ago": 1000,
        "body": "**Strikt vertrouwelijk – Project Kompas**\n\n"
        "Hierbij de eerste schets van de nieuwe organisatie van het sociaal domein:\n\n"
        "- De teams Wmo, Jeugd en Werk & Inkomen gaan op in **drie gebiedsteams** "
        "(Noord, Centrum, Zuid)\n"
        "- De formatie daalt met ongeveer **4,5 fte**, grotendeels via natuurlijk verloop\n"
        "- Twee teamleidersfuncties vervallen; er komt één coördinator per gebiedsteam\n\n"
        "Dit is nog níet gedeeld met de OR of met medewerkers. Reageer alleen in deze groep.",
        "replies": [
            {
                "author": "erik.vandijk",
                "hours_ago": 990,
                "body": "Dank je, Marieke, heldere schets. Ik wil de OR informeren voordat er iets "
                "uitlekt. Kunnen we het adviestraject over twee weken starten?",
                "replies": [
                    {
                        "author": "marieke.vandenberg",
                        "hours_ago": 985,
                        "body": "Haalbaar, als P&O het kader voor het sociaal plan dan klaar heeft.",
                        "replies": [
                            {
                                "author": "monique.vandermeer",
                                "hours_ago": 980,
                                "body": "Het concept-sociaal plan ligt er over tien dagen. Jasper "
                                "schrijft mee.",
                                "replies": [],
                            },
                        ],
                    },
                ],
            },
            {
                "author": "peter.hendriks",
                "hours_ago": 970,
                "body": "Ik maak me zorgen over de overgang voor de Wmo-consulenten: lopende "
                "keukentafelgesprekken mogen niet blijven liggen. Mijn voorstel: een "
                "overgangsperiode van drie maanden.",
                "replies": [],
            },
        ],
    },
    {
        "author": "jasper.koster",
        "group": "stuurgroep-reorganisatie-sociaal-domein",
        "hours_ago": 600,
        "body": "Update sociaal plan (Project Kompas): de **plaatsingsgesprekken** staan gepland in "
        "de weken na het OR-advies. Voor de drie medewerkers die mogelijk boventallig "
        "worden, zoeken we eerst intern naar passende functies. De lijst met namen deel "
        "ik níet via Kring; die krijgen jullie via beveiligde mail.",
        "replies": [
            {
                "author": "hanneke.prins",
                "hours_ago": 590,
                "body": "Financieel is er ruimte voor een mobiliteitsbudget van maximaal € 5.000 "
                "per persoon. Neem dat op in het concept.",
                "replies": [
                    {
                        "author": "jasper.koster",
                        "hours_ago": 585,
                        "body": "Verwerkt.",
                        "replies": [],
                    },
                ],
            },
        ],
    },
    # ===================== Vertrouwenspersonen (secret) ====================
    {
        "author": "gerard.bos",
        "group": "vertrouwenspersonen",
        "hours_ago": 800,
        "body": "Intervisie vertrouwenspersonen: volgende keer bespreken we geanonimiseerd "
        "**casus K-17** (melding van ongewenst gedrag door een leidinggevende op een "
        "buitenlocatie). Denk alvast na over de vraag: wanneer adviseren we een melder om "
        "een formele klacht in te dienen?",
        "replies": [
            {
                "author": "henk.dijkstra",
                "hours_ago": 790,
                "body": "Ik neem de ervaring mee uit een vergelijkbare situatie van een paar jaar "
                "terug. Laten we de locatie verder niet benoemen; het is een kleine groep.",
                "replies": [],
            },
        ],
    },
    {
        "author": "annemarie.smit",
        "group": "vertrouwenspersonen",
        "hours_ago": 260,
        "body": "Jaarverslag vertrouwenspersonen: ik heb de cijfers verzameld. **11 gesprekken**, "
        "waarvan 4 over ongewenst gedrag, 5 over conflicten met een leidinggevende en 2 "
        "over integriteit. Geen formele klachten. Kunnen de categorieën zo in het verslag "
        "voor de directie, of is dat te herleidbaar?",
        "replies": [
            {
                "author": "gerard.bos",
                "hours_ago": 255,
                "body": "Bij 2 meldingen over integriteit is het risico op herleidbaarheid groot. "
                "Ik stel voor die onder 'overig' samen te voegen.",
                "replies": [
                    {
                        "author": "ingrid.bakker",
                        "hours_ago": 250,
                        "body": "Eens met Gerard.",
                        "replies": [],
                    },
                ],
            },
        ],
    },
]


# Private conversations (issue 4): messages oldest first; the first author starts it.
# Sanne (the first demo login) has one she has read and one with news for her.
CONVERSATIONS = [
    {
        "subject": "",
        "people": ["mohamed.elamrani", "sanne.devries"],
        "read_by": ["mohamed.elamrani"],
        "messages": [
            (
                "mohamed.elamrani",
                30,
                "Hoi Sanne, mag ik volgende week vrijdag vrij nemen? "
                "Mijn dochter heeft haar diploma-uitreiking.",
            ),
            (
                "sanne.devries",
                29,
                "Natuurlijk, gefeliciteerd alvast! Zet je het wel even in het rooster?",
            ),
            ("mohamed.elamrani", 3, "Staat erin. Kevin neemt mijn balie-uren over."),
        ],
    },
    {
        "subject": "Evaluatie nieuwe afsprakenmodule",
        "people": ["ingrid.bakker", "sanne.devries", "kevin.jansen"],
        "read_by": ["ingrid.bakker", "sanne.devries", "kevin.jansen"],
        "messages": [
            (
                "ingrid.bakker",
                72,
                "Zullen we de evaluatie van de afsprakenmodule eerst met z'n "
                "drieën doornemen, voordat het naar het MT gaat?",
            ),
            (
                "kevin.jansen",
                70,
                "Goed plan. Ik heb de cijfers van de eerste maand: **83%** van "
                "de afspraken werd online gemaakt.",
            ),
            ("sanne.devries", 49, "Mooi! Donderdag om 10 uur in de kleine vergaderzaal?"),
        ],
    },
]

# ---------------------------------------------------------------------------
# Praise (issue 4): posts that thank named colleagues, shown on their profiles.
# Each: {"author", "group" (slug or None), "hours_ago", "body", "praised", "reason"}
# ---------------------------------------------------------------------------
PRAISE = [
    {
        "author": "karin.vanwijk",
        "group": None,
        "hours_ago": 30,
        "body": "Zonder hen was de overstap naar Kring nooit zo soepel gegaan. "
        "Iedereen die ze onderweg tegenkwam, kreeg geduldig uitleg. Dank jullie wel!",
        "praised": ["erik.vandijk", "monique.vandermeer"],
        "reason": "het trekken van de invoering van Kring",
    },
    {
        "author": "nadia.benali",
        "group": None,
        "hours_ago": 8,
        "body": "Drie nieuwe collega's in één week wegwijs gemaakt, en dat naast het gewone "
        "werk. Petje af!",
        "praised": ["joost.vandam", "daphne.schouten"],
        "reason": "de warme ontvangst van de nieuwe collega's",
    },
]

# Polls in posts (issue 4): the body is the question; `votes` maps who chose what.
POLLS = [
    {
        "author": "karin.vanwijk",
        "group": "tips-tricks-office-365",
        "hours_ago": 20,
        "body": "Welke training willen jullie dit najaar? Meerdere antwoorden mogen.",
        "options": [
            "Excel: draaitabellen",
            "Teams: slim vergaderen",
            "Outlook: rust in je mailbox",
            "OneNote voor beginners",
        ],
        "multiple": True,
        "closes_in_days": 7,
        "votes": {
            "nadia.benali": [0, 2],
            "joost.vandam": [1],
            "daphne.schouten": [0],
            "mirjam.postma": [2, 3],
            "rob.vermeulen": [0, 1],
        },
    },
    {
        "author": "nadia.benali",
        "group": None,
        "hours_ago": 5,
        "body": "Hoe laat beginnen we met de eindejaarsborrel in de hal van het stadskantoor?",
        "options": ["16.00 uur", "16.30 uur", "17.00 uur"],
        "multiple": False,
        "closes_in_days": None,
        "votes": {
            "karin.vanwijk": [1],
            "erik.vandijk": [1],
            "monique.vandermeer": [0],
            "joost.vandam": [2],
        },
    },
]

# ---------------------------------------------------------------------------
# Questions (issue 5): a post with a title; its replies are the answers.
# Each: {"author", "group" (slug or None), "hours_ago", "title", "body",
#        "answers": [{"author", "hours_ago", "body", "votes": [usernames]}],
#        "accepted": index of the accepted answer or None}
# ---------------------------------------------------------------------------
QUESTIONS = [
    {
        "author": "femke.kok",
        "group": "omgevingswet",
        "hours_ago": 30,
        "title": "Hoe lang is de beslistermijn voor een omgevingsvergunning?",
        "body": "Een inwoner belde over een dakkapel aan de voorkant. Ik wil haar goed "
        "uitleggen wanneer ze een besluit kan verwachten. Geldt nog steeds acht weken?",
        "answers": [
            {
                "author": "linda.peters",
                "hours_ago": 28,
                "body": "Voor de reguliere procedure is het acht weken, en we mogen één keer "
                "zes weken verlengen. Valt de aanvraag onder de uitgebreide procedure, dan is "
                "het zes maanden. Een dakkapel aan de voorkant is bijna altijd regulier.",
                "votes": ["tom.vanbeek", "femke.kok", "jeroen.vos"],
            },
            {
                "author": "tom.vanbeek",
                "hours_ago": 27,
                "body": "Tip: wijs haar op de vergunningcheck in het Omgevingsloket. Soms is "
                "er helemaal geen vergunning nodig.",
                "votes": ["linda.peters"],
            },
        ],
        "accepted": 0,
    },
    {
        "author": "joost.vandam",
        "group": "tips-tricks-office-365",
        "hours_ago": 9,
        "title": "Hoe laat ik een externe partij meedoen aan een Teams-vergadering?",
        "body": "Ik heb volgende week overleg met de woningcorporatie. Ze moeten wel in de "
        "vergadering, maar niet in ons teamkanaal. Hoe regel ik dat?",
        "answers": [
            {
                "author": "karin.vanwijk",
                "hours_ago": 8,
                "body": "Plan de vergadering vanuit je Outlook-agenda in plaats van in het "
                "kanaal, en zet de lobby aan voor mensen van buiten. Dan laat jij ze binnen.",
                "votes": ["nadia.benali"],
            },
        ],
        "accepted": None,
    },
    {
        "author": "daphne.schouten",
        "group": None,
        "hours_ago": 3,
        "title": "Bij wie meld ik een kapotte laptop?",
        "body": "Mijn scherm flikkert sinds vanochtend. Moet ik bellen of een melding maken?",
        "answers": [],
        "accepted": None,
    },
]

# ---------------------------------------------------------------------------
# Announcements (issue 4): leaders (set by the site admin) and their must-read posts.
# Each announcement: {"author", "group" (slug or None), "hours_ago", "body", "read_by"}
# ---------------------------------------------------------------------------
LEADERS = ["erik.vandijk"]

ANNOUNCEMENTS = [
    {
        "author": "erik.vandijk",
        "group": None,
        "hours_ago": 20,
        "body": "**Vanaf 1 januari werken we met de nieuwe huisvestingsregels.**\n\n"
        "Elke afdeling krijgt vaste teamdagen op het stadskantoor; op de andere dagen "
        "reserveer je een flexplek via Kring. Lees de regels voor je volgende kantoordag, "
        "en laat met *Gelezen* weten dat je ze kent. Vragen? Stel ze hieronder.",
        "read_by": ["karin.vanwijk", "sanne.devries", "ingrid.bakker"],
    },
]

# ---------------------------------------------------------------------------
# The knowledge base (issue 5): folders (arranged by the site admin or a group admin) and
# pages. "review_in_days" below zero makes a page "mogelijk verouderd"; "edits" are later
# versions of the body, so the history has something to compare.
# ---------------------------------------------------------------------------
KNOWLEDGE_FOLDERS = [
    {"group": None, "name": "Werkplek en ICT"},
    {"group": None, "name": "Inwerken"},
    {"group": "privacy-avg-werkgroep", "name": "Werkafspraken"},
]

KNOWLEDGE_PAGES = [
    {
        "group": None,
        "folder": "Inwerken",
        "owner": "daphne.schouten",
        "kind": "page",
        "onboarding": True,
        "review_in_days": 120,
        "title": "Je eerste week bij de gemeente",
        "body": "Welkom! Dit helpt je de eerste dagen op weg.\n\n"
        "## Maandag\n\n- Je laptop en pas haal je op bij de servicebalie (begane grond).\n"
        "- Je leidinggevende loopt met je mee langs het team.\n\n"
        "## De rest van de week\n\n- Word lid van de groep **Nieuwe collega's**.\n"
        "- Plan een koffie met je buddy.\n",
        "edits": [
            "Welkom! Dit helpt je de eerste dagen op weg.\n\n"
            "## Maandag\n\n- Je laptop en pas haal je op bij de servicebalie (begane grond).\n"
            "- Je leidinggevende loopt met je mee langs het team.\n\n"
            "## De rest van de week\n\n- Word lid van de groep **Nieuwe collega's**.\n"
            "- Plan een koffie met je buddy.\n"
            "- Stel je voor in Kring: een korte post in *Iedereen* is genoeg.\n",
        ],
    },
    {
        "group": None,
        "folder": "Werkplek en ICT",
        "owner": "karin.vanwijk",
        "kind": "procedure",
        "onboarding": True,
        "review_in_days": 60,
        "title": "Wachtwoord vergeten? Zo reset je het",
        "body": "## Doel\n\nZelf je wachtwoord herstellen, zonder te wachten op de servicedesk.\n\n"
        "## Stappen\n\n1. Ga naar *mijnaccount.lindeburg.nl*.\n"
        "2. Kies **Wachtwoord vergeten** en vul je personeelsnummer in.\n"
        "3. Bevestig met de code op je telefoon.\n\n"
        "## Wie is verantwoordelijk\n\nDe servicedesk ICT (toestel 4400).\n",
        "edits": [],
    },
    {
        "group": None,
        "folder": "Werkplek en ICT",
        "owner": "rick.degraaf",
        "kind": "tip",
        "onboarding": False,
        "review_in_days": -12,
        "title": "Vergaderen met Teams: onze afspraken",
        "body": "## De tip\n\nZet de agenda in de uitnodiging en begin op tijd; "
        "wie niet spreekt, zet de microfoon uit.\n\n"
        "## Waarom het helpt\n\nKortere overleggen, en wie later kijkt weet waar het over ging.\n",
        "edits": [],
    },
    {
        "group": "privacy-avg-werkgroep",
        "folder": "Werkafspraken",
        "owner": "sophie.huisman",
        "kind": "procedure",
        "onboarding": False,
        "review_in_days": 30,
        "title": "Datalek melden: de stappen",
        "body": "## Doel\n\nBinnen 72 uur melden bij de Autoriteit Persoonsgegevens als dat moet.\n\n"
        "## Stappen\n\n1. Meld het lek meteen bij de privacy-contactpersoon.\n"
        "2. Leg vast wat er gebeurde, wanneer, en om welke gegevens het gaat.\n"
        "3. De functionaris gegevensbescherming beslist over de melding.\n",
        "edits": [],
    },
]

# ---------------------------------------------------------------------------
# Self-check: python3 kring/seed/demo_data.py
# ---------------------------------------------------------------------------

if __name__ == "__main__":
    errors = []

    def check(condition, message):
        if not condition:
            errors.append(message)

    # --- departments ------------------------------------------------------
    dept_slugs = [d["slug"] for d in DEPARTMENTS]
    check(len(DEPARTMENTS) == 6, f"expected 6 departments, got {len(DEPARTMENTS)}")
    check(len(set(dept_slugs)) == len(dept_slugs), "duplicate department slugs")
    check(len({d["name"] for d in DEPARTMENTS}) == len(DEPARTMENTS), "duplicate department names")

    # --- people -----------------------------------------------------------
    person_keys = {
        "username",
        "first_name",
        "last_name",
        "email",
        "job_title",
        "department",
        "location",
        "phone",
        "about",
        "expertise",
        "site_admin",
        "kind",
    }
    people = {}
    for p in PEOPLE:
        check(set(p) == person_keys, f"{p.get('username')}: keys {sorted(set(p) ^ person_keys)}")
        u = p["username"]
        check(u not in people, f"duplicate username {u}")
        people[u] = p
        check(u == u.lower() and " " not in u, f"username not lowercase/without spaces: {u}")
        check(p["kind"] in ("employee", "guest"), f"{u}: bad kind {p['kind']}")
        if p["kind"] == "employee":
            check(p["email"] == f"{u}@{EMAIL_DOMAIN}", f"{u}: email should be {u}@{EMAIL_DOMAIN}")
            check(p["department"] in dept_slugs, f"{u}: unknown department {p['department']}")
        else:
            check(not p["email"].endswith("@" + EMAIL_DOMAIN), f"{u}: guest on own domain")
            check(p["department"] is None, f"{u}: guest with a department")
            check(not p["site_admin"], f"{u}: guest cannot be site admin")
        check(1 <= len(p["expertise"]) <= 4, f"{u}: 1-4 expertise tags")
        check(
            all(t == t.lower() and len(t) <= 50 for t in p["expertise"]),
            f"{u}: expertise tags must be lowercase, <= 50 chars",
        )
        check(len(set(p["expertise"])) == len(p["expertise"]), f"{u}: duplicate expertise")
        check(p["about"].strip() != "", f"{u}: empty about")
        for field, limit in (("job_title", 100), ("location", 100), ("phone", 30)):
            check(len(p[field]) <= limit, f"{u}: {field} longer than {limit}")
            check("<" not in p[field], f"{u}: markup in {field}")
    emails = [p["email"] for p in PEOPLE]
    check(len(set(emails)) == len(emails), "duplicate emails")

    employees = {u for u, p in people.items() if p["kind"] == "employee"}
    guests = {u for u, p in people.items() if p["kind"] == "guest"}
    site_admins = [u for u, p in people.items() if p["site_admin"]]
    check(len(site_admins) == 1, f"expected exactly one site admin, got {site_admins}")
    if site_admins:
        check(people[site_admins[0]]["department"] == "ict", "site admin should be in ICT")
    check(len(guests) == 2, f"expected 2 guests, got {sorted(guests)}")
    secretaries = [u for u, p in people.items() if "gemeentesecretaris" in p["job_title"].lower()]
    check(len(secretaries) == 1, f"expected one gemeentesecretaris, got {secretaries}")
    ambassadors = [u for u, p in people.items() if "ambassadeur" in p["about"].lower()]
    check(2 <= len(ambassadors) <= 3, f"expected 2-3 ambassadors, got {ambassadors}")
    for slug in dept_slugs:
        managers = [
            u
            for u, p in people.items()
            if p["department"] == slug
            and p["job_title"].startswith(("Teamleider", "Afdelingshoofd"))
        ]
        check(managers, f"department {slug} has no manager")

    # --- groups -----------------------------------------------------------
    group_keys = {"slug", "name", "description", "visibility", "admins", "members"}
    groups = {}
    membership = {}  # slug -> set of all members (admins included)
    for g in GROUPS:
        s = g["slug"]
        check(set(g) == group_keys, f"group {s}: keys {sorted(set(g) ^ group_keys)}")
        check(s not in groups, f"duplicate group slug {s}")
        groups[s] = g
        check(g["visibility"] in ("open", "closed", "secret"), f"{s}: bad visibility")
        check(len(g["name"]) <= 80 and len(s) <= 90, f"{s}: name/slug too long")
        check(len(g["admins"]) >= 1, f"{s}: no admin")
        check(len(set(g["admins"])) == len(g["admins"]), f"{s}: duplicate admins")
        check(len(set(g["members"])) == len(g["members"]), f"{s}: duplicate members")
        check(not set(g["admins"]) & set(g["members"]), f"{s}: admins repeated in members")
        everyone = set(g["admins"]) | set(g["members"])
        for u in everyone:
            check(u in people, f"{s}: unknown person {u}")
        check(not set(g["admins"]) & guests, f"{s}: a guest is group admin")
        check(4 <= len(everyone) <= 25, f"{s}: {len(everyone)} members, expected 4-25")
        if g["visibility"] == "secret":
            check(not everyone & guests, f"{s}: guest in a secret group")
        membership[s] = everyone
    check(len({g["name"] for g in GROUPS}) == len(GROUPS), "duplicate group names")
    guest_group_kinds = []
    for u in guests:
        in_groups = [s for s, m in membership.items() if u in m]
        check(len(in_groups) == 1, f"guest {u} in {in_groups}, expected exactly one group")
        guest_group_kinds += [groups[s]["visibility"] for s in in_groups]
    check(
        sorted(guest_group_kinds) == ["closed", "open"],
        f"guests should be in one open and one closed group, got {guest_group_kinds}",
    )

    # --- posts ------------------------------------------------------------
    post_keys = {"author", "group", "hours_ago", "body", "replies"}
    reply_keys = {"author", "hours_ago", "body", "replies"}
    totals = {"posts": 0, "replies": 0}
    per_space = {}
    deep_threads = 0  # threads with at least 3 levels of replies below the post

    def may_write(author, slug):
        """Who may post or reply in a space, per the demo rules."""
        if author not in people:
            return False
        if slug is None:
            return author in employees
        if slug not in groups:
            return False
        if groups[slug]["visibility"] == "open":
            return author in employees or author in membership[slug]
        return author in membership[slug]

    def walk(replies, parent_hours, slug, where, depth):
        deepest = depth - 1
        for r in replies:
            check(set(r) == reply_keys, f"{where}: reply keys {sorted(set(r) ^ reply_keys)}")
            totals["replies"] += 1
            per_space[slug] = per_space.get(slug, 0) + 1
            check(may_write(r["author"], slug), f"{where}: {r['author']} may not reply here")
            check(
                1 <= r["hours_ago"] < parent_hours,
                f"{where}: reply by {r['author']} ({r['hours_ago']}h) not newer than parent "
                f"({parent_hours}h)",
            )
            check(r["body"].strip() != "", f"{where}: empty reply body")
            deepest = max(
                deepest, depth, walk(r["replies"], r["hours_ago"], slug, where, depth + 1)
            )
        return deepest

    for i, post in enumerate(POSTS):
        slug = post["group"]
        where = f"post #{i} ({post['author']} in {slug or EVERYONE_SPACE})"
        check(set(post) == post_keys, f"{where}: keys {sorted(set(post) ^ post_keys)}")
        totals["posts"] += 1
        per_space[slug] = per_space.get(slug, 0) + 1
        check(slug is None or slug in groups, f"{where}: unknown group")
        if slug is None:
            check(post["author"] in employees, f"{where}: only employees post in {EVERYONE_SPACE}")
        else:
            check(post["author"] in membership.get(slug, ()), f"{where}: author is not a member")
        check(1 <= post["hours_ago"] <= 1440, f"{where}: hours_ago out of range")
        check(post["body"].strip() != "", f"{where}: empty body")
        if walk(post["replies"], post["hours_ago"], slug, where, 1) >= 3:
            deep_threads += 1

    total = totals["posts"] + totals["replies"]
    check(50 <= totals["posts"] <= 60, f"expected ~55 posts, got {totals['posts']}")
    check(150 <= total <= 170, f"expected 150-170 posts + replies, got {total}")
    check(deep_threads >= 3, f"expected several threads with 3 reply levels, got {deep_threads}")
    for s in groups:
        check(per_space.get(s, 0) > 0, f"group {s} has no posts")

    # --- report -----------------------------------------------------------
    print(
        f"{ORGANISATION}: {len(DEPARTMENTS)} departments, {len(employees)} employees, "
        f"{len(guests)} guests, {len(GROUPS)} groups"
    )
    print(
        f"posts: {totals['posts']}, replies: {totals['replies']}, total: {total}, "
        f"threads with 3+ reply levels: {deep_threads}"
    )
    for s, g in list(groups.items()) + [(None, None)]:
        label = f"{s} ({g['visibility']}, {len(membership[s])} members)" if g else EVERYONE_SPACE
        print(f"  {label}: {per_space.get(s, 0)} posts+replies")
    print(
        f"site admin: {site_admins}; gemeentesecretaris: {secretaries}; "
        f"ambassadors: {ambassadors}; guests: {sorted(guests)}"
    )
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print(f"  - {e}")
        raise SystemExit(1)
    print("OK")
