"""The demo's meeting places and counters of one wijk, through the actions, so `./wijkmarkt run` shows a filled
"In de wijk". Development only. De Hamelink is the meeting place the 2010 project plan names for the Slachthuisbuurt
(seeds/INVENTORY.md 1.2); the counters follow the kinds the plan lists (Loket Haarlem buurtservicepunt, the
corporation's office, the library); addresses and hours are made up for the demo."""

from collections.abc import Callable

from wijkmarkt.platform.accounts.models import Role, User
from wijkmarkt.platform.accounts.permissions import Actor
from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.places.actions import PlaceInput, save_place
from wijkmarkt.tenants.places.hours import parse_day
from wijkmarkt.tenants.places.models import Place, PlaceKind

WEEKDAYS_9_TO_5 = {
    1: "09:00-12:30, 13:30-17:00",
    2: "09:00-12:30, 13:30-17:00",
    3: "09:00-12:30",
    4: "09:00-12:30, 13:30-17:00",
    5: "09:00-12:30",
}
MEETING_HOURS = {1: "10:00-16:00", 2: "10:00-16:00", 3: "10:00-21:00", 4: "10:00-16:00", 5: "10:00-14:00"}

# slug -> [(kind, name, address, postcode, description, phone, wheelchair accessible, hours)]
PLACES = {
    "parkwijk": [
        (
            PlaceKind.MEETING_PLACE,
            "Buurtkamer Parkwijk",
            "Prinses Beatrixplein 4",
            "2034",
            "Koffie, een praatje en de sociaal makelaar op dinsdag en donderdag. Hier staat ook een computer die u mag "
            "gebruiken.",
            "023 555 11 00",
            True,
            MEETING_HOURS,
        ),
        (
            PlaceKind.COUNTER,
            "Buurtservicepunt Loket Haarlem",
            "Prins Bernhardlaan 10",
            "2034",
            "Vragen over zorg, welzijn, wonen en geldzaken. De adviseurs helpen u ook met de Wijkmarkt.",
            "023 555 11 10",
            True,
            WEEKDAYS_9_TO_5,
        ),
    ],
    "slachthuisbuurt": [
        (
            PlaceKind.MEETING_PLACE,
            "De Hamelink",
            "Slachthuisplein 1",
            "2033",
            "De ontmoetingsplek van de buurt: koffie, activiteiten, het prikbord met vraag en aanbod, en de sociaal "
            "makelaar die helpt met uw vraag of aanbod.",
            "023 555 22 00",
            True,
            MEETING_HOURS,
        ),
        (
            PlaceKind.COUNTER,
            "Kantoor woningcorporatie",
            "Arnulfstraat 2",
            "2033",
            "Vragen over uw huis, en folders van de Wijkmarkt.",
            "023 555 22 10",
            False,
            {1: "09:00-12:00", 3: "09:00-12:00", 5: "09:00-12:00"},
        ),
    ],
    "centrum": [
        (
            PlaceKind.MEETING_PLACE,
            "Buurtkamer Vijfhoek",
            "Barteljorisstraat 12",
            "2011",
            "Een kop koffie, samen eten op woensdag en hulp bij de computer.",
            "023 555 33 00",
            False,
            {2: "10:00-16:00", 3: "10:00-20:00", 4: "10:00-16:00"},
        ),
        (
            PlaceKind.COUNTER,
            "Bibliotheek Centrum",
            "Grote Markt 20",
            "2011",
            "Informatie over de Wijkmarkt en hulp bij het gebruik van de website.",
            "023 555 33 10",
            True,
            {
                1: "13:00-18:00",
                2: "10:00-18:00",
                3: "10:00-18:00",
                4: "10:00-20:00",
                5: "10:00-18:00",
                6: "10:00-17:00",
            },
        ),
        (
            PlaceKind.COUNTER,
            "Buurtservicepunt Loket Haarlem",
            "Grote Markt 2",
            "2011",
            "Vragen over zorg, welzijn, wonen en geldzaken.",
            "023 555 33 20",
            True,
            WEEKDAYS_9_TO_5,
        ),
    ],
}


def seed_demo_places(*, wijk: Wijk, progress: Callable[[str], None]) -> None:
    """Add the demo places of the active wijk that are not there yet (by name)."""
    specs = PLACES.get(wijk.schema_name, [])
    # The demo speaks as the wijk admin; the action checks the permission as for anyone.
    system = Actor(user=User(is_active=True), role=Role.WIJK_ADMIN)
    added = 0
    for kind, name, address, postcode, description, phone, accessible, hours in specs:
        if Place.objects.filter(kind=kind, name=name).exists():
            continue
        periods = [(day, opens, closes) for day, text in hours.items() for opens, closes in parse_day(text, "hours")]
        save_place(
            actor=system,
            data=PlaceInput(
                kind=kind,
                name=name,
                address=address,
                postcode=postcode,
                description=description,
                phone=phone,
                wheelchair_accessible=accessible,
                hours=periods,
            ),
        )
        added += 1
    if added:
        progress(f"{wijk.name}: {added} ontmoetingsplekken en loketten")
