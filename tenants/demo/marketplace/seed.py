"""The demo marketplace of one wijk, loaded by `./wijkmarkt run` and `./wijkmarkt test` (tenants/demo/load.py) on every
start: streets, about one member per hundred inhabitants with profiles, a few requests and offers each, exchanges in
every state, thank-yous on the home page, a registered proxy, a proposed three-way swap and one still to propose,
and a report in the moderation queue. The personas of the documents (seeds/INVENTORY.md 6) play their scenes.

Listings, exchanges, thank-yous, proxies, rings and reports go through the actions, so the demo obeys the rules a
person meets. Three shortcuts keep the first start at a few seconds (a second start is one query):
- The generated neighbours' accounts, memberships and profiles are inserted in bulk, with an unusable password:
  nobody logs in as them (like residents a makelaar registers), and one statement replaces ~10 per person. The
  people of the scenes join and fill in their profile through the actions.
- Generated listings are back-dated over the past four weeks (created_at is set on insert, and a demo where
  everything was "placed just now" looks wrong).
- The match notifications the actions queue for after the commit are dropped: no demo member opted in to them.

Deterministic for a seed, idempotent: a wijk that already has demo listings is skipped. Never runs in production
(load_demo and generate_marketplace_data refuse)."""

import datetime as dt
import random
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone

from wijkmarkt.platform.accounts.models import Role, User
from wijkmarkt.platform.accounts.permissions import Actor
from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.demo.marketplace.content import (
    CANCEL_REASONS,
    DAYS,
    INHABITANTS,
    PLACES,
    RESPONSES_TO_OFFER,
    RESPONSES_TO_REQUEST,
    STREETS,
    THANK_YOUS,
)
from wijkmarkt.tenants.demo.marketplace.draw import Neighbour, draw_listing, draw_neighbour, talents_of
from wijkmarkt.tenants.marketplace.actions.exchanges import (
    agree_exchange,
    cancel_exchange,
    confirm_done,
    consent_to_thank_you,
    respond_to_listing,
    thank,
)
from wijkmarkt.tenants.marketplace.actions.listings import ListingInput, publish_listing, withdraw_listing
from wijkmarkt.tenants.marketplace.actions.moderation import report
from wijkmarkt.tenants.marketplace.actions.profiles import ProfileInput, update_profile
from wijkmarkt.tenants.marketplace.actions.rings import LinkInput, propose_ring
from wijkmarkt.tenants.marketplace.models import (
    Category,
    ContactWay,
    Exchange,
    ExchangeStatus,
    Listing,
    ListingKind,
    Profile,
    Street,
    Visibility,
    When,
)
from wijkmarkt.tenants.membership.actions.consent import record_consent
from wijkmarkt.tenants.membership.actions.joining import join_wijk
from wijkmarkt.tenants.membership.actions.proxies import register_proxy
from wijkmarkt.tenants.membership.models import ConsentTopic, Membership

SEED = 2010  # BUUV went live in November 2010
NEIGHBOUR_DOMAIN = "buren.demo.wijkmarkt.nl"
MEMBERS_PER_INHABITANT = 1 / 100
MAX_LISTINGS_PER_NEIGHBOUR = 4

Progress = Callable[[str], None]


def _quiet(_message: str) -> None:
    pass


@dataclass
class DemoSummary:
    members: int = 0
    listings: int = 0
    exchanges: dict[str, int] = field(default_factory=dict)
    rings: int = 0

    def __str__(self) -> str:
        states = ", ".join(f"{n} {state}" for state, n in self.exchanges.items())
        return f"{self.members} leden, {self.listings} vragen en aanbiedingen, afspraken: {states}, {self.rings} ruil"


def has_demo_data() -> bool:
    """Whether the active wijk already has the demo: one indexed look-up, so a second start stays fast."""
    return Listing.objects.filter(owner__user__email__endswith=f"@{NEIGHBOUR_DOMAIN}").exists()


def seed_demo_marketplace(
    *, wijk: Wijk, logins: Mapping[str, User], progress: Progress = _quiet, seed: int = SEED
) -> DemoSummary | None:
    """The demo of the active wijk (it must be `wijk`'s schema). `logins` maps the demo logins' e-mail local part
    ("bewoner", "makelaar", "familie", ...) to their accounts, so the people who try the demo own part of the data;
    a missing login is played by a generated neighbour. Returns None when there is nothing to do."""
    if wijk.schema_name not in STREETS or has_demo_data():
        return None
    rng = random.Random(f"{seed}:{wijk.schema_name}")  # noqa: S311 - reproducible demo data, not a secret
    with transaction.atomic():
        # Two `./wijkmarkt test` runs starting together on one server would both find no demo and both insert it;
        # the second would fail on the unique e-mail addresses. The lock makes it wait and then skip.
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [zlib.crc32(f"demo:{wijk.schema_name}".encode())])
        if has_demo_data():
            return None
        queued = len(connection.run_on_commit)
        builder = _Builder(wijk, rng, logins)
        builder.build()
        # What the actions queued for after the commit: match notifications for each new listing and e-mails.
        # No demo member opted in to either, so they would write and send nothing, yet working out suggestions for
        # ~450 listings (each reads every profile's text) took two thirds of the demo's time. Drop only our own.
        del connection.run_on_commit[queued:]
    progress(f"{wijk.name}: {builder.summary}")
    return builder.summary


def ensure_streets(wijk: Wijk) -> dict[str, Street]:
    """The wijk's streets (content.STREETS). Reference data, like the seed categories: no person creates streets."""
    for name, latitude, longitude in STREETS[wijk.schema_name]:
        Street.objects.get_or_create(name=name, defaults={"latitude": latitude, "longitude": longitude})
    return {street.name: street for street in Street.objects.all()}


def actor_of(member: Membership) -> Actor:
    return Actor(user=member.user, role=member.role, suspended=bool(member.suspended_at))


def _user_actor(user: User) -> Actor:
    """A person acting without being a member of this wijk (a relative from outside Haarlem)."""
    membership = Membership.objects.filter(user=user).first()
    return actor_of(membership) if membership else Actor(user=user, role=None)


class _Builder:
    def __init__(self, wijk: Wijk, rng: random.Random, logins: Mapping[str, User]):
        self.wijk, self.rng, self.logins = wijk, rng, logins
        self.today = timezone.localdate()
        self.place = PLACES[wijk.schema_name]
        self.categories = dict(Category.objects.values_list("slug", "id"))
        self.summary = DemoSummary()
        self.members: list[tuple[Membership, Neighbour | None]] = []
        self.generic_requests: list[Listing] = []
        self.persons: dict[str, Membership] = {}
        self.speakers: dict[int, Actor] = {}  # members who act through the makelaar (no computer)
        self.counter = 0

    def build(self) -> None:
        self.streets = ensure_streets(self.wijk)
        target = max(10, round(INHABITANTS[self.wijk.schema_name] * MEMBERS_PER_INHABITANT))
        getattr(self, f"_scenes_{self.wijk.schema_name}")()
        self._neighbours(target - len(self.members))
        self._generic_exchanges()
        self._backdate()
        self.summary.members = Membership.objects.count()
        self.summary.listings = Listing.objects.count()
        statuses = dict.fromkeys(ExchangeStatus.values, 0)
        for status in Exchange.objects.values_list("status", flat=True):
            statuses[status] += 1
        self.summary.exchanges = {ExchangeStatus(s).label.lower(): n for s, n in statuses.items()}

    # -- people --------------------------------------------------------------------------------------------------

    def _street_of(self, index: int) -> Street:
        names = [name for name, _lat, _lon in STREETS[self.wijk.schema_name]]
        return self.streets[names[index % len(names)]]

    def _accounts(self, people: list[tuple[str, str]]) -> list[User]:
        """Accounts for neighbours who never log in: one INSERT, an unusable password (no hashing)."""
        users = []
        for first_name, last_name in people:
            self.counter += 1
            email = f"{self.wijk.schema_name}.{self.counter:03d}@{NEIGHBOUR_DOMAIN}"
            users.append(User(email=email, first_name=first_name, last_name=last_name, password=make_password(None)))
        existing = {u.email: u for u in User.objects.filter(email__in=[u.email for u in users])}
        User.objects.bulk_create([u for u in users if u.email not in existing])
        return [existing.get(u.email, u) for u in users]

    def _member(self, user: User, role: str = Role.RESIDENT) -> Membership:
        member = join_wijk(wijk=self.wijk, user=user, accepted_house_rules=True, role=role)
        member.user = user
        return member

    def person(
        self,
        key: str,
        first_name: str,
        last_name: str,
        street: str,
        profile: ProfileInput,
        role: str = Role.RESIDENT,
        login: str | None = None,
    ) -> Membership:
        """A named person of a scene: a demo login when there is one, otherwise a neighbour account."""
        user = self.logins.get(login) if login else None
        if user is None:
            user = self._accounts([(first_name, last_name)])[0]
        member = self._member(user, role)
        profile.street_id = self.streets[street].pk
        update_profile(actor=actor_of(member), member=member, data=profile)
        self.persons[key] = member
        self.members.append((member, None))
        return member

    def _neighbours(self, count: int) -> None:
        """The generated neighbours. Their memberships and profiles are inserted in bulk (like their accounts):
        one statement each instead of ~10 per person keeps the first start quick; the values are drawn valid."""
        drawn = [draw_neighbour(self.rng, len(self.streets)) for _ in range(max(count, 0))]
        users = self._accounts([(n.first_name, n.last_name) for n in drawn])
        now = timezone.now()
        members = Membership.objects.bulk_create(
            Membership(user=user, role=Role.RESIDENT, accepted_house_rules_at=now) for user in users
        )
        profiles = []
        for neighbour, member, user in zip(drawn, members, users, strict=True):
            member.user = user
            street = self._street_of(neighbour.street)
            talents = talents_of(neighbour) if neighbour.side != "ask" else []
            profiles.append(
                Profile(
                    member=member,
                    about=f"Ik woon aan de {street.name}.",
                    talents=talents,
                    offers=("Ik help graag met: " + ", ".join(talents) + ".") if talents else "",
                    languages=neighbour.languages,
                    available=neighbour.available,
                    street=street,
                    contact_way=self.rng.choice([ContactWay.SITE, ContactWay.SITE, ContactWay.PHONE]),
                )
            )
        Profile.objects.bulk_create(profiles)
        for neighbour, member, profile in zip(drawn, members, profiles, strict=True):
            street = profile.street
            self.members.append((member, neighbour))
            for _ in range(self.rng.randint(1, MAX_LISTINGS_PER_NEIGHBOUR)):
                kind = neighbour.listing_kind(self.rng)
                drawn_listing = draw_listing(
                    self.rng, neighbour, kind, today=self.today, street=street.name, place=self.place
                )
                listing = self.publish(
                    member,
                    ListingInput(
                        kind=drawn_listing.kind,
                        title=drawn_listing.title,
                        description=drawn_listing.description,
                        category_id=self.categories[drawn_listing.category],
                        when=drawn_listing.when,
                        starts_on=drawn_listing.starts_on,
                        ends_on=drawn_listing.ends_on,
                        recurrence=drawn_listing.recurrence,
                        street_id=street.pk,
                        duration_minutes=drawn_listing.duration_minutes,
                    ),
                )
                if kind == ListingKind.REQUEST:
                    self.generic_requests.append(listing)

    # -- listings and exchanges ----------------------------------------------------------------------------------

    def publish(self, owner: Membership, data: ListingInput, actor: Actor | None = None) -> Listing:
        listing = publish_listing(actor=actor or actor_of(owner), wijk=self.wijk, owner=owner, data=data)
        listing.owner = owner
        return listing

    def listing(
        self,
        owner: Membership,
        kind: str,
        slug: str,
        title: str,
        description: str,
        *,
        in_days: int | None = None,
        recurrence: str = "",
        minutes: int | None = 60,
        actor: Actor | None = None,
        visibility: str = Visibility.WIJK,
    ) -> Listing:
        when = When.DATE if in_days else When.RECURRING if recurrence else When.FLEXIBLE
        street = owner.profile.street_id if hasattr(owner, "profile") else None
        return self.publish(
            owner,
            ListingInput(
                kind=kind,
                title=title,
                description=description,
                category_id=self.categories[slug],
                when=when,
                starts_on=self.today + dt.timedelta(days=in_days) if in_days else None,
                recurrence=recurrence,
                street_id=street,
                duration_minutes=minutes,
                visibility=visibility,
            ),
            actor=actor,
        )

    def ask(self, owner, slug, title, description, **kwargs) -> Listing:
        return self.listing(owner, ListingKind.REQUEST, slug, title, description, **kwargs)

    def offer(self, owner, slug, title, description, **kwargs) -> Listing:
        return self.listing(owner, ListingKind.OFFER, slug, title, description, **kwargs)

    def speaks_for(self, makelaar: Membership, member: Membership) -> None:
        """`member` has no computer: the makelaar writes down their consent and from then on acts for them."""
        record_consent(
            actor=actor_of(makelaar),
            member=member,
            topic=ConsentTopic.ACT_FOR,
            note="Mondeling, bij het spreekuur in het wijkcentrum",
        )
        self.speakers[member.pk] = actor_of(makelaar)

    def _as(self, member: Membership) -> dict:
        """Who acts for `member` in an exchange: themselves, or the makelaar naming them."""
        speaker = self.speakers.get(member.pk)
        return {"actor": speaker, "on_behalf_of": member} if speaker else {"actor": actor_of(member)}

    def respond(self, member: Membership, listing: Listing, message: str | None = None) -> Exchange:
        day = DAYS[(self.today.weekday() + self.rng.randint(1, 5)) % 7]
        lines = RESPONSES_TO_REQUEST if listing.kind == ListingKind.REQUEST else RESPONSES_TO_OFFER
        text = message or self.rng.choice(lines).format(dag=day)
        actor = self.speakers.get(member.pk) or actor_of(member)
        return respond_to_listing(actor=actor, member=member, listing=listing, message=text)

    def agree(self, exchange: Exchange, *, in_days: int, hours: str = "1.5") -> Exchange:
        moment = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0) + dt.timedelta(days=in_days)
        if in_days == 0:
            moment = timezone.now()  # done today: an agreed moment in the past is refused, now is not
        for party in (exchange.helper, exchange.receiver):
            exchange = agree_exchange(
                exchange=exchange,
                what=exchange.listing.title,
                agreed_for=moment,
                hours=Decimal(hours),
                **self._as(party),
            )
        return exchange

    def done(self, exchange: Exchange, *, hours: str = "1.5", both_thank: bool = False) -> Exchange:
        exchange = self.agree(exchange, in_days=0, hours=hours)
        for party in (exchange.helper, exchange.receiver):
            exchange = confirm_done(exchange=exchange, **self._as(party))
        thankers = [exchange.receiver, exchange.helper] if both_thank else [exchange.receiver]
        for author in thankers:
            other = exchange.helper if author.pk == exchange.receiver_id else exchange.receiver
            thank_you = thank(
                exchange=exchange, text=self.rng.choice(THANK_YOUS), show_on_home=True, **self._as(author)
            )
            consent_to_thank_you(thank_you=thank_you, **self._as(other))
        return exchange

    def cancel(self, exchange: Exchange) -> Exchange:
        return cancel_exchange(exchange=exchange, reason=self.rng.choice(CANCEL_REASONS), **self._as(exchange.receiver))

    def _generic_exchanges(self) -> None:
        """Exchanges in every state among the generated neighbours, in proportion to the wijk's size."""
        n = len(self.members)
        plan = ["done"] * max(3, n // 8) + ["agreed"] * max(2, n // 15) + ["proposed"] * max(2, n // 15)
        plan += ["cancelled"] * max(1, n // 30)
        requests = list(self.generic_requests)
        self.rng.shuffle(requests)
        helpers = [(m, nb) for m, nb in self.members if nb is not None and nb.side != "ask"]
        for state, listing in zip(plan, requests, strict=False):
            fitting = [m for m, nb in helpers if listing.category.slug in nb.skills and m.pk != listing.owner_id]
            candidates = fitting or [m for m, _nb in helpers if m.pk != listing.owner_id]
            exchange = self.respond(self.rng.choice(candidates), listing)
            if state == "agreed":
                self.agree(exchange, in_days=self.rng.randint(1, 10))
            elif state == "done":
                self.done(exchange, hours=self.rng.choice(["0.5", "1", "1.5", "2", "3"]))
            elif state == "cancelled":
                self.cancel(exchange)
        # One neighbour withdraws a request: it was arranged elsewhere.
        for listing in requests[len(plan) : len(plan) + 1]:
            withdraw_listing(actor=actor_of(listing.owner), listing=listing)

    def _backdate(self) -> None:
        """Spread the generated listings over the past four weeks; expiry moves along, as if placed back then."""
        expiry = dt.timedelta(days=self.wijk.listing_expiry_days)
        now = timezone.now()
        generated = {m.pk for m, neighbour in self.members if neighbour is not None}
        listings = list(Listing.objects.filter(owner_id__in=generated).order_by("pk"))
        for listing in listings:
            listing.created_at = now - dt.timedelta(hours=self.rng.randint(1, 28 * 24))
            listing.expires_at = listing.created_at + expiry
        Listing.objects.bulk_update(listings, ["created_at", "expires_at"], batch_size=500)

    # -- the scenes of each wijk ----------------------------------------------------------------------------------

    def _scenes_parkwijk(self) -> None:
        """Anna (demo login) is in a ring the makelaar proposed: she helps meneer Meijer find his way in the
        household, he helps Fatma with a letter, Fatma prunes Anna's hedge. Carla, who lives outside Haarlem, is
        her mother's proxy. Another ring (Greet, Youssef, Ria) waits for the makelaar to propose it."""
        anna = self.person(
            "anna",
            "Anna",
            "",
            "Prinses Beatrixplein",
            login="bewoner",
            profile=ProfileInput(
                about="Ik woon met mijn twee kinderen aan het Beatrixplein.",
                offers="Boodschappen en hulp in het huishouden.",
                talents=["huishouden", "boodschappen"],
                could_use="Iemand die mijn heg snoeit.",
                available=["sat_morning", "wed_afternoon", "sun_afternoon"],
            ),
        )
        fatima = self.person(
            "fatima",
            "Fatima",
            "",
            "Prins Bernhardlaan",
            role=Role.MAKELAAR,
            login="makelaar",
            profile=ProfileInput(
                about="Ik ben de sociaal makelaar van Parkwijk. Bel of mail mij gerust.", contact_way=ContactWay.PHONE
            ),
        )
        meijer = self.person(
            "meijer",
            "Gerrit",
            "Meijer",
            "Dr. Schaepmanstraat",
            profile=ProfileInput(
                about="Ik ben 75. Mijn vrouw is onlangs overleden; zij deed het huishouden, ik de administratie.",
                offers="Administratie, formulieren en geldzaken.",
                talents=["administratie", "formulieren"],
                could_use="Iemand die mij op weg helpt in het huishouden. Zwaar werk kan ik niet door trombose.",
                available=["mon_morning", "tue_morning", "thu_morning"],
            ),
        )
        fatma = self.person(
            "fatma",
            "Fatma",
            "Yilmaz",
            "Prins Bernhardlaan",
            profile=ProfileInput(
                offers="Tuinieren, ik heb een heggenschaar.",
                talents=["tuinieren"],
                languages=["Nederlands", "Turks"],
                available=["sat_morning", "sat_afternoon"],
            ),
        )
        greet = self.person(
            "greet",
            "Greet",
            "Bakker",
            "Leonard Springerlaan",
            profile=ProfileInput(
                about="Ik was juf. Door mijn versleten heup kan ik niet meer schoonmaken.",
                talents=["taalles"],
                contact_way=ContactWay.PHONE,
                available=["tue_afternoon", "thu_afternoon"],
            ),
        )
        youssef = self.person(
            "youssef",
            "Youssef",
            "El Amrani",
            "Reinaldapad",
            profile=ProfileInput(
                offers="Ik heb een auto en breng u graag.",
                talents=["auto"],
                languages=["Nederlands", "Arabisch"],
                available=["fri_afternoon", "sat_morning"],
            ),
        )
        ria = self.person(
            "ria",
            "Ria",
            "de Wit",
            "Fuikvaartweg",
            profile=ProfileInput(
                offers="Hulp in huis.", talents=["huishouden"], available=["mon_afternoon", "wed_morning"]
            ),
        )
        truus = self.person(
            "truus",
            "Truus",
            "Jansen",
            "Schipholweg",
            profile=ProfileInput(
                about="Ik ben 82 en heb geen computer. De sociaal makelaar helpt mij.", contact_way=ContactWay.MAKELAAR
            ),
        )
        corrie = self.person(
            "corrie",
            "Corrie",
            "Smit",
            "Reinaldapad",
            profile=ProfileInput(could_use="Zware boodschappen.", available=["sat_morning"]),
        )
        wim = self.person("wim", "Wim", "Dekker", "Fuikvaartweg", profile=ProfileInput(available=["sat_morning"]))
        khadija = self.person(
            "khadija", "Khadija", "Ouali", "Diakenhuisweg", profile=ProfileInput(languages=["Nederlands", "Berbers"])
        )
        sjaak = self.person("sjaak", "Sjaak", "Kok", "Prins Bernhardlaan", profile=ProfileInput())
        self.speaks_for(fatima, truus)

        # The proposed ring.
        anna_helps = self.offer(
            anna,
            "huishouden",
            "Hulp in het huishouden",
            "Ik help graag in huis en leg uit hoe de wasmachine en de oven werken.",
        )
        meijer_asks = self.ask(
            meijer,
            "huishouden",
            "Wie helpt mij op weg in het huishouden?",
            "Mijn vrouw deed altijd het huishouden. Ik wil het zelf leren: wassen, een "
            "eenvoudige maaltijd, wat waar ligt. Zwaar werk kan ik niet door trombose.",
        )
        meijer_helps = self.offer(
            meijer,
            "formulieren",
            "Ik help met administratie en formulieren",
            "Veertig jaar deed ik de administratie thuis. Ik kijk graag met u mee naar "
            "brieven, toeslagen en de belasting.",
            recurrence="elke dinsdagochtend",
        )
        fatma_asks = self.ask(
            fatma,
            "formulieren",
            "Hulp bij een brief van de gemeente",
            "Ik heb een brief over de huurtoeslag gekregen en begrijp niet wat ik moet doen.",
            in_days=4,
        )
        fatma_helps = self.offer(
            fatma, "tuin", "Ik snoei uw heg", "Ik heb een elektrische heggenschaar en help graag met snoeien."
        )
        anna_asks = self.ask(
            anna,
            "tuin",
            "Heg snoeien",
            "Mijn heg is te hoog geworden. Wie helpt mij met snoeien? Ik heb zakken voor het groen en zet koffie.",
            in_days=9,
            minutes=120,
        )
        propose_ring(
            actor=actor_of(fatima),
            links=[
                LinkInput(request_id=meijer_asks.pk, giver_id=anna.pk, offer_id=anna_helps.pk),
                LinkInput(request_id=fatma_asks.pk, giver_id=meijer.pk, offer_id=meijer_helps.pk),
                LinkInput(request_id=anna_asks.pk, giver_id=fatma.pk, offer_id=fatma_helps.pk),
            ],
        )
        self.summary.rings += 1

        # Carla, Greet's daughter, lives outside Haarlem and acts for her mother, who names her as proxy.
        carla = self.logins.get("familie")
        if carla is not None:
            register_proxy(actor=actor_of(greet), principal=greet, proxy_email=carla.email, relation="dochter")
        carla_actor = _user_actor(carla) if carla is not None else actor_of(greet)
        self.ask(
            greet,
            "huishouden",
            "Hulp bij het schoonmaken voor mijn moeder",
            "Mijn moeder (75) heeft een versleten heup en kan niet meer schoonmaken. Wie helpt haar eens per "
            "week met stofzuigen en de badkamer? Groet, Carla (haar dochter)",
            recurrence="elke week",
            actor=carla_actor,
        )
        self.offer(
            greet,
            "taal",
            "Nederlands oefenen met een oud-juf",
            "Mijn moeder was veertig jaar juf en oefent graag Nederlands met u, bij haar thuis.",
            actor=carla_actor,
        )
        # The ring still to propose: Greet -> Youssef (taal) -> Ria (vervoer) -> Greet (huishouden).
        self.ask(
            youssef,
            "taal",
            "Oefenen voor het inburgeringsexamen",
            "Over twee maanden doe ik examen. Wie wil met mij oefenen met spreken?",
            recurrence="elke week",
        )
        self.offer(
            youssef,
            "vervoer",
            "Lift met de auto",
            "Ik breng u graag naar de dokter of het ziekenhuis, vooral op vrijdagmiddag.",
        )
        self.ask(
            ria,
            "vervoer",
            "Lift naar de dokter",
            "Op die dag heb ik een afspraak bij de specialist. Wie kan mij brengen?",
            in_days=6,
        )
        self.offer(ria, "huishouden", "Hulp in huis", "Ik help graag met stofzuigen en de badkamer.")

        # Going along to the hospital, placed by the makelaar for Truus, who has no computer.
        truus_asks = self.ask(
            truus,
            "meegaan",
            "Mee naar het ziekenhuis",
            "Mevrouw Jansen moet naar het Spaarne Gasthuis voor een controle en ziet er tegenop "
            "om alleen te gaan. Wie gaat mee? (Geplaatst door de sociaal makelaar.)",
            in_days=5,
            minutes=180,
            actor=actor_of(fatima),
        )
        self.respond(wim, truus_asks, "Ik ga graag mee. Ik kan mevrouw Jansen ook met de auto ophalen.")

        # Anna's own exchanges: done and thanked, agreed, and one response waiting for her.
        anna_shops = self.offer(
            anna,
            "boodschappen",
            "Ik doe boodschappen voor u",
            "Ik ga elke zaterdag naar de supermarkt en neem graag iets mee.",
            recurrence="elke zaterdagochtend",
        )
        corrie_asks = self.ask(
            corrie,
            "boodschappen",
            "Zware boodschappen meenemen",
            "Flessen water en aardappelen krijg ik de trap niet meer op.",
            in_days=2,
        )
        self.done(self.respond(anna, corrie_asks), hours="1", both_thank=True)
        self.agree(self.respond(wim, anna_shops), in_days=3)
        self.respond(khadija, anna_shops)

        # A report in the makelaar's moderation queue.
        advert = self.offer(
            sjaak,
            "klusjes",
            "Goedkoop schilderwerk, bel 06-12345678",
            "Binnen- en buitenschilderwerk voor een scherpe prijs. Offerte binnen een dag.",
        )
        report(
            actor=actor_of(meijer),
            reporter=meijer,
            listing=advert,
            reason="Dit lijkt reclame van een schildersbedrijf, niet iets van een buurtgenoot.",
        )

    def _scenes_slachthuisbuurt(self) -> None:
        """The De Groot family: Tessa asks for occasional heavy housework, Bart repairs bikes and his brother does
        his paperwork as proxy. Mevrouw Van Dam (83) gets help through the makelaar. Joost (demo login) holds a
        consultation hour for forms. Mehmet proposed a ring with Bart and Lotte."""
        samira = self.person(
            "samira",
            "Samira",
            "Benali",
            "Slachthuisplein",
            role=Role.MAKELAAR,
            profile=ProfileInput(about="Sociaal makelaar in de Slachthuisbuurt.", contact_way=ContactWay.PHONE),
        )
        joost = self.person(
            "joost",
            "Joost",
            "",
            "Zwaardstraat",
            role=Role.PROFESSIONAL,
            login="professional",
            profile=ProfileInput(
                about="Ik werk bij het buurthuis en help met formulieren.",
                talents=["formulieren"],
                available=["wed_morning"],
            ),
        )
        tessa = self.person(
            "tessa",
            "Tessa",
            "de Groot",
            "Arnulfstraat",
            profile=ProfileInput(
                about="Ik werk drie dagen in de thuiszorg.", could_use="Af en toe hulp bij zwaar werk in huis."
            ),
        )
        bart = self.person(
            "bart",
            "Bart",
            "de Groot",
            "Arnulfstraat",
            profile=ProfileInput(
                offers="Oude fietsen repareren.",
                talents=["fietsen", "klussen"],
                available=["mon_afternoon", "fri_morning"],
            ),
        )
        kees = self._accounts([("Kees", "de Groot")])[0]
        johanna = self.person(
            "johanna",
            "Johanna",
            "van Dam",
            "Nijlstraat",
            profile=ProfileInput(
                about="Ik ben 83 en woon al zestig jaar in deze buurt.", contact_way=ContactWay.MAKELAAR
            ),
        )
        mehmet = self.person(
            "mehmet",
            "Mehmet",
            "Kaya",
            "Barbarossastraat",
            profile=ProfileInput(
                offers="Computers en telefoons.", talents=["computers"], languages=["Nederlands", "Turks"]
            ),
        )
        lotte = self.person(
            "lotte",
            "Lotte",
            "Vermeulen",
            "Patriarchstraat",
            profile=ProfileInput(offers="Formulieren en administratie.", talents=["administratie"]),
        )
        naima = self.person(
            "naima",
            "Naima",
            "Bouzid",
            "Aleppostraat",
            profile=ProfileInput(offers="Hulp in huis.", talents=["huishouden"]),
        )
        piet = self.person("piet", "Piet", "Mulder", "Graaf van Wiedstraat", profile=ProfileInput())
        self.speaks_for(samira, johanna)

        register_proxy(actor=actor_of(bart), principal=bart, proxy_email=kees.email, relation="broer")
        tessa_asks = self.ask(
            tessa,
            "huishouden",
            "Af en toe hulp bij zwaar huishoudelijk werk",
            "Door artrose lukt zwaar werk in huis mij niet meer: stofzuigen boven, de badkamer. "
            "Eens in de twee weken zou een grote hulp zijn.",
            recurrence="om de week",
        )
        self.offer(naima, "huishouden", "Hulp in het huishouden", "Ik help graag met de zware dingen in huis.")
        self.agree(self.respond(naima, tessa_asks), in_days=4, hours="2")

        bart_helps = self.offer(
            bart,
            "klusjes",
            "Ik repareer fietsen",
            "Band plakken, remmen stellen, kettinkje vervangen. In mijn schuur of bij u.",
            visibility=Visibility.CITY,
        )
        bart_asks = self.ask(
            bart,
            "formulieren",
            "Hulp bij een brief van de gemeente",
            "Ik snap de brief over mijn uitkering niet. Wie kijkt mee?",
            in_days=3,
        )
        mehmet_asks = self.ask(
            mehmet,
            "klusjes",
            "Fietsband plakken",
            "Mijn achterband is lek en ik heb de fiets nodig voor mijn werk.",
            in_days=2,
        )
        mehmet_helps = self.offer(
            mehmet, "computer", "Ik help met de computer", "Computer, tablet of telefoon: ik help u op weg."
        )
        lotte_asks = self.ask(
            lotte,
            "computer",
            "Printer werkt niet meer",
            "De printer doet niets meer sinds de nieuwe router.",
            in_days=5,
        )
        lotte_helps = self.offer(
            lotte,
            "formulieren",
            "Ik help met formulieren",
            "Brieven van de gemeente en toeslagen: ik kijk graag met u mee.",
        )
        propose_ring(
            actor=actor_of(mehmet),
            links=[
                LinkInput(request_id=mehmet_asks.pk, giver_id=bart.pk, offer_id=bart_helps.pk),
                LinkInput(request_id=lotte_asks.pk, giver_id=mehmet.pk, offer_id=mehmet_helps.pk),
                LinkInput(request_id=bart_asks.pk, giver_id=lotte.pk, offer_id=lotte_helps.pk),
            ],
        )
        self.summary.rings += 1

        self.ask(
            johanna,
            "gezelschap",
            "Samen een kopje koffie",
            "Mevrouw Van Dam woont alleen en krijgt weinig bezoek. Wie komt af en toe koffie drinken? "
            "(Geplaatst door de sociaal makelaar.)",
            recurrence="elke donderdagmiddag",
            actor=actor_of(samira),
        )
        johanna_visit = self.ask(
            johanna,
            "meegaan",
            "Mee naar de huisarts",
            "Mevrouw Van Dam heeft een afspraak bij de huisarts. Twee oren horen meer dan één. "
            "(Geplaatst door de sociaal makelaar.)",
            in_days=3,
            actor=actor_of(samira),
        )
        self.done(self.respond(tessa, johanna_visit), hours="2")

        joost_helps = self.offer(
            joost,
            "formulieren",
            "Spreekuur: hulp bij formulieren",
            "Elke woensdagochtend in het buurthuis, of bij u thuis als u slecht ter been bent.",
            recurrence="elke woensdagochtend",
        )
        self.respond(piet, joost_helps)
        self.done(self.respond(johanna, joost_helps), hours="1", both_thank=True)

        phones = self.offer(
            piet,
            "overig",
            "Tweedehands telefoons te koop",
            "Ik verkoop gebruikte telefoons, vanaf 50 euro. Kom langs in de winkel.",
        )
        report(actor=actor_of(lotte), reporter=lotte, listing=phones, reason="Dit is verkoop, geen burenhulp.")

    def _scenes_centrum(self) -> None:
        """Meneer and mevrouw De Haas: he asks for a backup (achtervang) for small unexpected tasks and the couple
        helps others with computers; mevrouw De Lange, new in Haarlem, answers. Henk (demo login) offers household
        help as a provider; Marleen (demo login) has a report in her queue. Lin proposed a ring with meneer De Haas."""
        self.person(
            "esther",
            "Esther",
            "Prins",
            "Grote Markt",
            role=Role.MAKELAAR,
            profile=ProfileInput(about="Sociaal makelaar in het Centrum.", contact_way=ContactWay.PHONE),
        )
        self.person(
            "marleen",
            "Marleen",
            "",
            "Zijlstraat",
            role=Role.WIJK_ADMIN,
            login="beheerder",
            profile=ProfileInput(about="Ik beheer de Wijkmarkt van het Centrum."),
        )
        henk = self.person(
            "henk",
            "Henk",
            "",
            "Kruisweg",
            role=Role.PROVIDER,
            login="aanbieder",
            profile=ProfileInput(about="Ik werk bij een organisatie voor huishoudelijke hulp."),
        )
        rob = self.person(
            "rob",
            "Rob",
            "de Haas",
            "Lange Veerstraat",
            profile=ProfileInput(
                about="Ik ben 53. Binnen gebruik ik een rollator, buiten een rolstoel. Mijn vrouw is ernstig ziek.",
                offers="Mijn vrouw en ik zijn handig met computers.",
                talents=["computers"],
                could_use="Een achtervang voor kleine, onverwachte dingen.",
            ),
        )
        marianne = self.person(
            "marianne", "Marianne", "de Haas", "Lange Veerstraat", profile=ProfileInput(talents=["computers"])
        )
        ingrid = self.person(
            "ingrid",
            "Ingrid",
            "de Lange",
            "Lange Veerstraat",
            profile=ProfileInput(
                about="Nieuw in Haarlem. Ik doe graag klusjes, zo leer ik mensen kennen.", talents=["klussen"]
            ),
        )
        lin = self.person(
            "lin",
            "Lin",
            "Chen",
            "Smedestraat",
            profile=ProfileInput(
                offers="Taalmaatje, ook Engels.", talents=["taalles"], languages=["Nederlands", "Engels"]
            ),
        )
        kofi = self.person(
            "kofi",
            "Kofi",
            "Mensah",
            "Bakenessergracht",
            profile=ProfileInput(
                offers="Boodschappen met de bakfiets.", talents=["boodschappen"], languages=["Nederlands", "Engels"]
            ),
        )
        linda = self.person("linda", "Linda", "Hoekstra", "Groot Heiligland", profile=ProfileInput())

        backup = self.ask(
            rob,
            "klusjes",
            "Achtervang voor kleine onverwachte klusjes",
            "We hebben huishoudelijke hulp en de boodschappen worden bezorgd. Maar soms is er iets "
            "vergeten, moet het beddengoed worden opgehangen of moet er iets van een hoge plank. "
            "Onze buurvrouw helpt al, maar zij kan niet altijd. Wie wil achtervang zijn?",
        )
        self.offer(
            ingrid,
            "klusjes",
            "Nieuw in de buurt, ik help met klusjes",
            "Ik woon sinds kort aan de Lange Veerstraat en help graag met kleine klusjes.",
        )
        self.agree(
            self.respond(ingrid, backup, "Ik woon een paar deuren verderop. Bel me gerust als er iets is!"),
            in_days=2,
            hours="1",
        )
        linen = self.ask(
            marianne,
            "huishouden",
            "Beddengoed ophangen",
            "Het beddengoed ophangen lukt ons niet meer. Wie helpt?",
            in_days=1,
        )
        self.done(self.respond(ingrid, linen), hours="0.5", both_thank=True)

        rob_helps = self.offer(
            rob,
            "computer",
            "Wij helpen met computers",
            "Loopt u vast met de computer, tablet of telefoon? Mijn vrouw en ik helpen graag. "
            "Het is fijn om ook iets terug te kunnen doen.",
            visibility=Visibility.CITY,  # found from the other wijken: the citywide search's demo
        )
        rob_asks = self.ask(
            rob,
            "boodschappen",
            "Iets halen als ik het vergeten ben",
            "Soms ontbreekt er iets bij de bezorging. Wie haalt het even voor mij?",
        )
        lin_asks = self.ask(
            lin,
            "computer",
            "Videobellen met mijn kleinkinderen",
            "Mijn kleinkinderen wonen in Utrecht. Wie leert mij videobellen?",
            in_days=6,
        )
        lin_helps = self.offer(lin, "taal", "Taalmaatje", "Een uur per week samen praten, in het Nederlands of Engels.")
        kofi_asks = self.ask(
            kofi,
            "taal",
            "Hulp met een brief in het Nederlands",
            "Ik moet een brief aan de woningcorporatie schrijven. Wie helpt met de woorden?",
            in_days=4,
        )
        kofi_helps = self.offer(
            kofi, "boodschappen", "Boodschappen met de bakfiets", "Met de bakfiets neem ik ook zware boodschappen mee."
        )
        propose_ring(
            actor=actor_of(lin),
            links=[
                LinkInput(request_id=lin_asks.pk, giver_id=rob.pk, offer_id=rob_helps.pk),
                LinkInput(request_id=kofi_asks.pk, giver_id=lin.pk, offer_id=lin_helps.pk),
                LinkInput(request_id=rob_asks.pk, giver_id=kofi.pk, offer_id=kofi_helps.pk),
            ],
        )
        self.summary.rings += 1

        henk_helps = self.offer(
            henk,
            "huishouden",
            "Huishoudelijke hulp via de gemeente",
            "Heeft u een indicatie voor hulp bij het huishouden? Ik kom graag kennismaken.",
        )
        self.respond(linda, henk_helps)

        tutoring = self.offer(
            linda, "taal", "Bijles Nederlands, 25 euro per uur", "Ervaren docent geeft bijles. Betaling contant."
        )
        report(
            actor=actor_of(kofi),
            reporter=kofi,
            listing=tutoring,
            reason="Hier wordt geld gevraagd; dat past niet bij burenhulp.",
        )
