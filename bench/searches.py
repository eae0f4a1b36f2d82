"""What colleagues type into the search box: 1-4 Dutch words about the seeded subjects
(kring/seed/scale_text.py), names, groups, compounds split or joined, and some typos.

The search scenario sends one of these at random with every request. The mix leans on
specific words, as people search, but keeps a few common ones ("vraag", "overleg") that
match a large share of all posts: those are the slow end of the distribution.
"""

SEARCHES = (
    # One subject word
    "omgevingswet",
    "parkeerbeleid",
    "zwerfafval",
    "gladheidsbestrijding",
    "jeugdzorg",
    "leerplicht",
    "inburgering",
    "statushouders",
    "energiearmoede",
    "bestemmingsplannen",
    "Koningsdag",
    "weekmarkt",
    "riolering",
    "zaaksysteem",
    "jaarrekening",
    # Two to four words
    "woo verzoek",
    "wmo aanvragen",
    "brief inwoners B1",
    "zonnepanelen vastgoed",
    "inloopsessie raadzaal",
    "werkinstructie afvalinzameling",
    "termijnen bezwaar en beroep",
    "dashboard cijfers kwartaal",
    "wachttijd reisdocumenten",
    "samenwerking met de GGD",
    "raadsvoorstel woningbouw",
    "evenementenvergunning Koningsdag",
    "klachtenregeling handhaving",
    "pilot warmtetransitie wijk",
    "hybride werken vitaliteit",
    "subsidies cultuur bibliotheek",
    # Word forms and compounds
    "vergunningen",
    "belasting",
    "zonne panelen",
    "kennisbank pagina",
    "werk instructie",
    # Typos
    "omgevingwet",
    "schuldhulpverlenning",
    "afvalinzamling",
    "begrooting",
    "parkeerbelied",
    "informatiebeveliging",
    "evenementenvergunnig",
    # People and groups
    "Jansen",
    "Fatima de Vries",
    "hardloopclub",
    "fietsen naar het werk",
    "tips office 365",
    # Common words: many matches
    "vraag",
    "overleg planning",
)

# The query `kring bench queries` counts the search page's queries with, on both data sets.
COUNTED_SEARCH = "omgevingswet"
