"""What demo and benchmark neighbours write: streets, names, and requests and offers per seed category, in plain
Dutch (B1). Data only; demo.py and bulk.py choose from it with a seeded random.Random.

Street names come from local sources (wijkraad newsletters, local press) where we found them; the coordinates are
approximate (to a few hundred metres), enough for "near me" inside a wijk but not for a map."""

from dataclasses import dataclass

# Street name, latitude, longitude. Parkwijk and Slachthuisbuurt lie in Haarlem-Oost, Centrum around the Grote Markt.
# Boerhaavewijk is planned ("komt eraan") and gets no data.
STREETS: dict[str, list[tuple[str, float, float]]] = {
    "parkwijk": [
        ("Prins Bernhardlaan", 52.3790, 4.6560),
        ("Prinses Beatrixplein", 52.3815, 4.6578),
        ("Dr. Schaepmanstraat", 52.3800, 4.6600),
        ("Leonard Springerlaan", 52.3770, 4.6650),
        ("Reinaldapad", 52.3760, 4.6620),
        ("Fuikvaartweg", 52.3745, 4.6690),
        ("Diakenhuisweg", 52.3830, 4.6700),
        ("Schipholweg", 52.3715, 4.6600),
    ],
    "slachthuisbuurt": [
        ("Slachthuisplein", 52.3800, 4.6520),
        ("Arnulfstraat", 52.3790, 4.6540),
        ("Barbarossastraat", 52.3785, 4.6555),
        ("Zwaardstraat", 52.3795, 4.6565),
        ("Saracenenstraat", 52.3780, 4.6530),
        ("Graaf van Wiedstraat", 52.3808, 4.6548),
        ("Nijlstraat", 52.3815, 4.6505),
        ("Patriarchstraat", 52.3772, 4.6545),
        ("Aleppostraat", 52.3768, 4.6560),
        ("Kruistochtstraat", 52.3800, 4.6580),
    ],
    "centrum": [
        ("Grote Markt", 52.3812, 4.6368),
        ("Barteljorisstraat", 52.3826, 4.6362),
        ("Zijlstraat", 52.3822, 4.6335),
        ("Grote Houtstraat", 52.3790, 4.6330),
        ("Kleine Houtstraat", 52.3782, 4.6362),
        ("Anegang", 52.3800, 4.6365),
        ("Lange Veerstraat", 52.3805, 4.6395),
        ("Spaarne", 52.3800, 4.6420),
        ("Botermarkt", 52.3802, 4.6345),
        ("Breestraat", 52.3832, 4.6322),
        ("Smedestraat", 52.3835, 4.6350),
        ("Bakenessergracht", 52.3825, 4.6425),
        ("Kruisweg", 52.3860, 4.6360),
        ("Jansweg", 52.3858, 4.6395),
        ("Parklaan", 52.3868, 4.6340),
        ("Groot Heiligland", 52.3768, 4.6340),
        ("Klein Heiligland", 52.3775, 4.6330),
        ("Gasthuisvest", 52.3760, 4.6345),
    ],
}

# Inhabitants from the documents (seeds/INVENTORY.md 3.1); the demo has about 1 member per 100 inhabitants.
INHABITANTS = {"parkwijk": 3542, "slachthuisbuurt": 5521, "centrum": 10323}

# A place in the wijk that texts mention ("samen wandelen in het Reinaldapark").
PLACES = {"parkwijk": "het Reinaldapark", "slachthuisbuurt": "het Slachthuisplein", "centrum": "de Grote Markt"}

# Haarlem's mix: the Zomerzone wijken have many residents with a non-western background (38% and 21%).
FIRST_NAMES = [
    "Anneke",
    "Bert",
    "Corrie",
    "Dirk",
    "Els",
    "Frans",
    "Gerda",
    "Henk",
    "Ingrid",
    "Jan",
    "Karin",
    "Leo",
    "Marja",
    "Nico",
    "Olga",
    "Piet",
    "Riet",
    "Sjaak",
    "Truus",
    "Wim",
    "Yvonne",
    "Ton",
    "Ria",
    "Kees",
    "Hans",
    "Willemijn",
    "Sanne",
    "Daan",
    "Lotte",
    "Bram",
    "Femke",
    "Joris",
    "Noor",
    "Sem",
    "Lieke",
    "Ruben",
    "Esther",
    "Mark",
    "Linda",
    "Fatma",
    "Mehmet",
    "Ayşe",
    "Mustafa",
    "Khadija",
    "Said",
    "Naima",
    "Youssef",
    "Samira",
    "Hamza",
    "Zeynep",
    "Orlando",
    "Sharon",
    "Marciano",
    "Denise",
    "Anil",
    "Priya",
    "Tomasz",
    "Agnieszka",
    "Ahmad",
    "Mariam",
    "Kofi",
    "Ama",
    "Lin",
    "Wei",
    "Giulia",
    "Marco",
    "Ana",
    "João",
    "Irina",
    "Dmitri",
]
SURNAMES = [
    "de Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "Kok",
    "Jacobs",
    "de Haan",
    "Vermeulen",
    "van den Berg",
    "Schouten",
    "Willems",
    "Hoekstra",
    "Koster",
    "Prins",
    "Blom",
    "Huisman",
    "Kuipers",
    "Verhoeven",
    "Yilmaz",
    "Kaya",
    "Demir",
    "El Amrani",
    "Bouzid",
    "Ouali",
    "Benali",
    "Pinas",
    "Kromodikoro",
    "Ramdin",
    "Sardjoe",
    "Kowalski",
    "Nowak",
    "Haddad",
    "Mensah",
    "Chen",
    "Rossi",
    "Santos",
    "Ivanova",
]

DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
LANGUAGES = ["Nederlands", "Engels", "Turks", "Arabisch", "Berbers", "Sranantongo", "Pools", "Duits", "Frans"]

# How often each category is asked for and offered. From the documents: early demand was small jobs, transport,
# shopping and language; examples are walking the dog, a lift to the doctor, a garden job (INVENTORY 1.1, 1.9).
REQUEST_WEIGHTS = {
    "boodschappen": 14,
    "klusjes": 16,
    "tuin": 9,
    "meegaan": 8,
    "vervoer": 10,
    "taal": 7,
    "formulieren": 8,
    "computer": 10,
    "gezelschap": 6,
    "huishouden": 6,
    "maaltijden": 3,
    "huisdieren": 2,
    "overig": 1,
}
OFFER_WEIGHTS = {
    "boodschappen": 10,
    "klusjes": 14,
    "tuin": 7,
    "meegaan": 8,
    "vervoer": 8,
    "taal": 8,
    "formulieren": 6,
    "computer": 12,
    "gezelschap": 12,
    "huishouden": 4,
    "maaltijden": 5,
    "huisdieren": 5,
    "overig": 1,
}

# What a profile says someone is good at, per category (Profile.talents holds short words).
TALENTS = {
    "boodschappen": "boodschappen",
    "klusjes": "klussen",
    "tuin": "tuinieren",
    "meegaan": "meegaan",
    "vervoer": "auto",
    "taal": "taalles",
    "formulieren": "administratie",
    "computer": "computers",
    "gezelschap": "gezelschap",
    "huishouden": "huishouden",
    "maaltijden": "koken",
    "huisdieren": "dieren",
    "overig": "van alles",
}


@dataclass(frozen=True)
class Text:
    title: str
    description: str


# {dag}: a weekday, {straat}: the member's street, {plek}: a place in the wijk.
REQUESTS: dict[str, list[Text]] = {
    "boodschappen": [
        Text(
            "Boodschappen doen op {dag}",
            "Ik kan zelf niet goed lopen. Wie wil op {dag} boodschappen voor mij doen? Het is een korte lijst: brood, melk, fruit. Ik betaal alles meteen terug.",
        ),
        Text(
            "Zware boodschappen meenemen",
            "Flessen water, aardappelen en kattenbakvulling krijg ik niet meer de trap op. Wie neemt ze eens per week mee naar de {straat}?",
        ),
        Text(
            "Medicijnen ophalen bij de apotheek",
            "Mijn medicijnen liggen klaar bij de apotheek. Wie kan ze voor mij ophalen? Ik woon aan de {straat}.",
        ),
        Text(
            "Iets halen als ik het vergeten ben",
            "Soms vergeet ik iets bij de bezorging van de supermarkt. Is er iemand in de buurt die dan even iets wil halen?",
        ),
    ],
    "klusjes": [
        Text(
            "Lamp ophangen in de woonkamer",
            "Ik heb een nieuwe lamp, maar ik kan niet meer op een trap staan. Wie helpt mij? Het duurt ongeveer een half uur.",
        ),
        Text(
            "Kast in elkaar zetten",
            "Ik heb een kast gekocht en de beschrijving is lastig. Wie heeft gereedschap en een uurtje tijd?",
        ),
        Text(
            "Fietsband plakken",
            "Mijn achterband is lek en ik heb de fiets nodig om naar mijn werk te gaan. Wie kan een band plakken?",
        ),
        Text(
            "Schilderijen ophangen",
            "Na de verhuizing staan de schilderijen nog op de grond. Wie helpt met boren en ophangen?",
        ),
        Text(
            "Lekkende kraan in de keuken",
            "De kraan drupt al weken. Misschien is het alleen een rubbertje. Wie kijkt even?",
        ),
        Text("Gordijnrails vastzetten", "De gordijnrails in de slaapkamer zit los. Ik heb zelf geen boormachine."),
    ],
    "tuin": [
        Text(
            "Heg snoeien",
            "Mijn heg is te hoog geworden en ik kan het zelf niet meer. Wie helpt mij met snoeien? Ik heb een heggenschaar en zakken voor het groen.",
        ),
        Text(
            "Onkruid wieden in de voortuin",
            "De voortuin aan de {straat} staat vol onkruid. Wie helpt een middagje mee? Koffie staat klaar.",
        ),
        Text("Bladeren harken", "In de herfst ligt de tuin vol bladeren. Ik kan niet goed bukken. Wie wil harken?"),
        Text(
            "Balkonplanten verpotten",
            "Mijn planten op het balkon zijn te groot voor hun potten. Wie helpt met verpotten en potgrond sjouwen?",
        ),
    ],
    "meegaan": [
        Text(
            "Mee naar het ziekenhuis",
            "Op {dag} moet ik naar het Spaarne Gasthuis voor een controle. Ik zie er tegenop om alleen te gaan. Wie gaat met mij mee?",
        ),
        Text(
            "Mee naar de kapper",
            "Ik wil graag naar de kapper, maar alleen op straat voel ik mij niet zeker. Wie loopt met mij mee?",
        ),
        Text(
            "Mee naar de huisarts", "Ik heb een afspraak bij de huisarts en twee oren horen meer dan één. Wie wil mee?"
        ),
        Text(
            "Samen naar de markt",
            "Ik ga graag naar de markt op {dag}, maar met mijn rollator is het druk. Wie gaat mee?",
        ),
    ],
    "vervoer": [
        Text(
            "Lift naar de dokter",
            "Op {dag} heb ik een afspraak bij de specialist. Met de bus is het te ver lopen voor mij. Wie kan mij brengen?",
        ),
        Text(
            "Rit naar het ziekenhuis",
            "Ik moet voor een onderzoek naar het ziekenhuis in Hoofddorp. Wie kan mij met de auto brengen en weer ophalen?",
        ),
        Text(
            "Ophalen van station Haarlem",
            "Mijn kleindochter komt op {dag} met de trein. Ik kan haar niet ophalen met de koffer. Wie helpt?",
        ),
        Text(
            "Rolstoel duwen naar {plek}", "Ik zit in een rolstoel en wil graag een keer naar {plek}. Wie wil mij duwen?"
        ),
    ],
    "taal": [
        Text(
            "Nederlands oefenen",
            "Ik woon sinds kort in Haarlem en wil beter Nederlands spreken. Wie wil een uurtje per week met mij praten?",
        ),
        Text(
            "Hulp met een brief in het Nederlands",
            "Ik moet een brief schrijven aan de woningcorporatie. Wie leest mee en helpt met de woorden?",
        ),
        Text(
            "Voorlezen aan mijn zoon",
            "Mijn zoon is zeven en moet meer lezen. Wie wil af en toe samen met hem een boek lezen?",
        ),
        Text(
            "Oefenen voor het inburgeringsexamen",
            "Over twee maanden doe ik examen. Wie wil met mij oefenen met spreken en luisteren?",
        ),
    ],
    "formulieren": [
        Text(
            "Hulp bij een brief van de gemeente",
            "Ik heb een brief gekregen en begrijp niet wat ik moet doen. Wie kijkt met mij mee?",
        ),
        Text("Toeslagen aanvragen", "Ik wil huurtoeslag aanvragen, maar de formulieren zijn ingewikkeld. Wie helpt?"),
        Text(
            "DigiD aanvragen", "Voor bijna alles heb ik DigiD nodig. Wie helpt mij het aan te vragen en te gebruiken?"
        ),
        Text(
            "Belastingaangifte invullen",
            "Mijn man deed altijd de papieren. Nu moet ik het zelf. Wie helpt mij met de aangifte?",
        ),
    ],
    "computer": [
        Text("Hulp met mijn nieuwe tablet", "Ik krijg de videobel-app niet werkend. Wie kan even komen kijken?"),
        Text("Hulp met de computer", "Mijn computer is traag en mijn e-mail komt niet meer binnen. Wie kan helpen?"),
        Text(
            "Videobellen met mijn kleinkinderen",
            "Mijn kleinkinderen wonen ver weg. Wie leert mij videobellen op de telefoon?",
        ),
        Text("Printer werkt niet meer", "De printer doet niets meer sinds de nieuwe router. Wie weet hier iets van?"),
        Text(
            "Internetbankieren leren", "Mijn bank sluit het kantoor. Wie leert mij rustig hoe internetbankieren werkt?"
        ),
        Text("WhatsApp instellen", "Iedereen in de familie gebruikt WhatsApp, behalve ik. Wie helpt mij op weg?"),
    ],
    "gezelschap": [
        Text(
            "Samen een kopje koffie",
            "Sinds mijn vrouw overleden is, is het stil in huis. Wie komt af en toe een kopje koffie drinken?",
        ),
        Text(
            "Wandelmaatje gezocht", "Ik wil meer bewegen, maar alleen wandelen vind ik saai. Wie loopt mee door {plek}?"
        ),
        Text(
            "Iemand om mee te praten", "Ik ben veel alleen. Een praatje op {dag} zou mijn week een stuk fijner maken."
        ),
        Text("Samen een spelletje doen", "Ik speel graag sjoelen en kaarten. Wie heeft zin in een middagje?"),
    ],
    "huishouden": [
        Text(
            "Af en toe hulp bij zwaar huishoudelijk werk",
            "Door pijn in mijn handen lukt zwaar werk in huis niet meer: stofzuigen boven, de badkamer. Eens in de twee weken zou fijn zijn.",
        ),
        Text("Beddengoed ophangen", "Het beddengoed ophangen lukt mij niet meer. Wie helpt mij daar af en toe mee?"),
        Text("Ramen lappen", "De ramen aan de binnenkant kan ik niet meer goed bereiken. Wie helpt?"),
        Text(
            "Hoge kastjes schoonmaken",
            "Ik kom niet meer bij de bovenste kastjes in de keuken. Wie wil helpen met schoonmaken?",
        ),
    ],
    "maaltijden": [
        Text(
            "Af en toe een warme maaltijd",
            "Koken voor één persoon doe ik weinig. Wie kookt een keer te veel en deelt een bord?",
        ),
        Text("Samen koken", "Ik wil leren koken, mijn vrouw deed dat altijd. Wie kookt een keer samen met mij?"),
        Text("Soep als ik ziek ben", "Ik ben herstellende van een operatie. Een pan soep zou heel welkom zijn."),
    ],
    "huisdieren": [
        Text(
            "Hond uitlaten",
            "Mijn knie is geopereerd en ik kan de hond een paar weken niet uitlaten. Wie loopt 's middags een rondje?",
        ),
        Text(
            "Kat eten geven in de vakantie",
            "Ik ga een week naar familie. Wie geeft mijn kat eten en maakt de kattenbak schoon?",
        ),
        Text(
            "Met de kat naar de dierenarts",
            "Mijn kat moet naar de dierenarts en ik heb geen auto. Wie kan ons brengen?",
        ),
    ],
    "overig": [
        Text(
            "Hulp bij het sjouwen van een kast",
            "Een kast moet van de eerste verdieping naar beneden. Wie heeft sterke armen?",
        ),
        Text("Kerstkaarten schrijven", "Mijn ogen worden slechter. Wie helpt mij met het schrijven van kaarten?"),
    ],
}

OFFERS: dict[str, list[Text]] = {
    "boodschappen": [
        Text(
            "Ik doe boodschappen voor u",
            "Ik ga elke {dag} naar de supermarkt en neem graag iets voor u mee. Ik woon aan de {straat}.",
        ),
        Text(
            "Boodschappen met de bakfiets",
            "Met de bakfiets kan ik zware boodschappen meenemen: water, aardappelen, potgrond.",
        ),
        Text("Medicijnen ophalen", "Ik kom vaak langs de apotheek en haal uw medicijnen graag op."),
    ],
    "klusjes": [
        Text(
            "Klusjes in en om het huis",
            "Ik ben handig en heb gereedschap. Lamp ophangen, kastje monteren, plankje ophangen: vraag het gerust.",
        ),
        Text(
            "Ik repareer fietsen",
            "Band plakken, remmen stellen, kettinkje vervangen. Ik doe het graag, in mijn schuur of bij u.",
        ),
        Text(
            "Nieuw in de buurt, ik help met klusjes",
            "Ik woon sinds kort in de wijk en wil graag mensen leren kennen. Ik help met kleine klusjes.",
        ),
        Text(
            "Achtervang voor kleine klusjes",
            "Als er onverwacht iets moet gebeuren, bel mij. Ik woon vlakbij en kan vaak snel komen.",
        ),
    ],
    "tuin": [
        Text(
            "Ik snoei uw heg", "Ik heb een elektrische heggenschaar en help graag met snoeien. Het groen neem ik mee."
        ),
        Text("Hulp in de tuin", "Onkruid wieden, gras maaien, bladeren harken: ik ben graag buiten bezig."),
        Text(
            "Geveltuintje aanleggen",
            "Ik help met het aanleggen van een geveltuintje. Planten kunnen we samen uitzoeken.",
        ),
    ],
    "meegaan": [
        Text(
            "Ik ga mee naar het ziekenhuis",
            "Ik ga graag mee naar een afspraak in het ziekenhuis of bij de huisarts. Twee oren horen meer dan één.",
        ),
        Text("Meelopen naar de kapper of de winkel", "Voelt u zich niet zeker op straat? Ik loop graag met u mee."),
    ],
    "vervoer": [
        Text(
            "Lift met de auto",
            "Ik heb een auto en breng u graag naar de dokter, het ziekenhuis of familie in de buurt.",
        ),
        Text("Rolstoel duwen", "Ik ben sterk en duw graag uw rolstoel, naar {plek} of de markt."),
        Text("Ophalen van het station", "Ik haal u of uw bezoek graag op van station Haarlem, ook met bagage."),
    ],
    "taal": [
        Text(
            "Nederlands oefenen met mij",
            "Ik was juf en oefen graag Nederlands met u. Praten, lezen of een brief schrijven.",
        ),
        Text("Taalmaatje", "Een uur per week samen praten over van alles: zo leert u de taal het snelst."),
        Text("Hulp met Engels", "Ik spreek goed Engels en help met brieven, formulieren of huiswerk."),
    ],
    "formulieren": [
        Text(
            "Ik help met formulieren",
            "Brieven van de gemeente, toeslagen, de belasting: ik heb er ervaring mee en kijk graag met u mee.",
        ),
        Text(
            "Hulp bij administratie",
            "Ik deed altijd de administratie thuis en help u graag uw papieren op orde te krijgen.",
        ),
        Text("DigiD en online zaken", "Ik help u met DigiD, Mijn Overheid en afspraken online maken."),
    ],
    "computer": [
        Text(
            "Ik help met de computer",
            "Hulp bij de computer, tablet of telefoon: ik help u op weg, met geduld en zonder moeilijke woorden.",
        ),
        Text("Videobellen leren", "Ik leer u videobellen met uw familie, op de telefoon of de tablet."),
        Text("Printer en internet instellen", "Werkt de printer of het internet niet? Ik kom graag even kijken."),
    ],
    "gezelschap": [
        Text(
            "Samen wandelen in {plek}", "Ik wandel graag en vind het gezellig om samen te gaan. Elke {dag} heb ik tijd."
        ),
        Text("Een kopje koffie en een praatje", "Ik kom graag langs voor koffie en een praatje. Gewoon gezellig."),
        Text("Spelletjes en voorlezen", "Sjoelen, kaarten of voorlezen uit de krant: ik doe het graag samen met u."),
    ],
    "huishouden": [
        Text("Hulp in het huishouden", "Ik help graag met de zware dingen in huis: stofzuigen, de badkamer, ramen."),
        Text("Beddengoed en was", "Ik help met het verschonen van het bed en het ophangen van de was."),
    ],
    "maaltijden": [
        Text(
            "Ik kook een keer te veel",
            "Ik kook elke dag en deel graag een bord met een buur. Zeg het maar als u iets niet mag eten.",
        ),
        Text("Samen koken", "Ik leer u graag eenvoudige maaltijden maken, voor één persoon."),
    ],
    "huisdieren": [
        Text("Ik laat uw hond uit", "Ik ben dol op honden en loop graag een rondje met de uwe."),
        Text("Oppassen op uw kat", "Gaat u weg? Ik geef uw kat eten en maak de kattenbak schoon."),
    ],
    "overig": [
        Text("Sterke armen voor sjouwwerk", "Moet er iets zwaars verplaatst worden? Ik help graag een uurtje mee."),
    ],
}

RESPONSES_TO_REQUEST = [
    "Ik kan u helpen! Zal ik {dag} langskomen?",
    "Dat wil ik graag doen. Wanneer komt het u uit?",
    "Ik woon om de hoek en heb tijd op {dag}.",
]
RESPONSES_TO_OFFER = [
    "Dit wil ik graag. Wanneer komt het u uit?",
    "Wat fijn dat u dit aanbiedt! Kunt u op {dag}?",
]
THANK_YOUS = [
    "Dank je wel, het was een fijne middag!",
    "Heel erg bedankt, ik ben er echt mee geholpen.",
    "Wat fijn dat je zo snel kon komen. Dank je!",
    "Bedankt voor je geduld, nu lukt het mij zelf ook.",
    "Het was gezellig en het is weer netjes. Dank je wel!",
]
CANCEL_REASONS = [
    "Het is al geregeld door mijn dochter.",
    "Ik ben ziek geworden, sorry.",
    "Ik ben die dag toch niet thuis.",
]
