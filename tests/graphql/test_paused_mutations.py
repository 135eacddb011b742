"""Issue 12, point 6, through GraphQL: every mutation of the committed SDL (graphql/schema.graphql), sent with valid
arguments by a resident, the makelaar and the wijk admin of a paused Parkwijk, changes nothing. The same requests in
the open wijk show the sweep is not empty: whatever succeeds there is refused in the paused wijk with
PERMISSION_DENIED and the paused message, now that the rule is in the permission table instead of six bases.

Allowed in a paused wijk, and left out of the sweep: the AVG rights (eraseMe; withdrawConsent and revokeProxy take
back an authority) and markNotificationsRead (a read marker; reading goes on). tests/tenants/test_paused_wijk.py
covers erasure and proxies."""

import pytest
from django.core.cache import cache
from django.db import connection
from django_tenants.utils import tenant_context

from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    get_named_type,
    is_list_type,
    is_non_null_type,
)
from tests.builders.clients import client_for
from tests.builders.marketplace import category_id, gid, member_id, place, respond
from tests.builders.members import make_member
from tests.graphql.hostile import sdl_schema
from wijkmarkt.platform.accounts.models import Role
from wijkmarkt.platform.wijken.models import Wijk, WijkStatus
from wijkmarkt.tenants.makelaar.actions.signals import report_signal
from wijkmarkt.tenants.membership.selectors import actor_for

PAUSED_MESSAGE = "Deze wijk is gepauzeerd: u kunt lezen, maar niets plaatsen of wijzigen."
ALLOWED_WHEN_PAUSED = {"eraseMe", "withdrawConsent", "revokeProxy", "markNotificationsRead"}
# Writes that must be among those the sweep's arguments make succeed in the open wijk: one or more per domain, so
# the paused run is known to refuse real writes, not requests that fail anyway.
# Joining is closed in a paused wijk by the sign-up rule (wijken.models.OPEN_FOR_SIGN_UP), answered as a typed error.
REFUSED_OTHERWISE = {"joinWijk": "errors [{'code': 'WIJK_CLOSED'}]", "signUp": "errors [{'code': 'WIJK_CLOSED'}]"}
MUST_SUCCEED_WHEN_OPEN = {
    "publishListing",
    "respondToListing",
    "updateProfile",
    "addCategory",
    "startConversation",
    "reportSignal",
    "openCase",
    "registerOfflineResident",
    "savePlace",
    "startSelfAssessment",
}


def _value(type_, name: str, ids: dict, mutation: str):
    """A value `type_` accepts: a real object's ID chosen by the argument's (or mutation's) name, the first enum
    value, the required fields of an input object, or a plain Dutch string."""
    if is_non_null_type(type_):
        return _value(type_.of_type, name, ids, mutation)
    if is_list_type(type_):
        return [_value(type_.of_type, name, ids, mutation)]
    if isinstance(type_, GraphQLInputObjectType):
        return {
            key: _value(field.type, key, ids, mutation)
            for key, field in type_.fields.items()
            if is_non_null_type(field.type)
        }
    if isinstance(type_, GraphQLEnumType):
        return next(iter(type_.values))
    if type_.name == "ID":
        return next((ids[hint] for hint in ids if hint in (name + mutation).lower()), ids["default"])
    return {"Int": 1, "Float": 1.0, "Boolean": True, "Date": "2027-03-14"}.get(type_.name, "Hallo buren")


def _requests(ids: dict, overrides: dict) -> list[tuple[str, dict, dict]]:
    """(mutation, its arguments, their types) for every mutation of the sweep."""
    schema = sdl_schema()
    found = []
    for name, field in schema.mutation_type.fields.items():
        if name in ALLOWED_WHEN_PAUSED:
            continue
        args = {arg: _value(a.type, arg, ids, name) for arg, a in field.args.items() if is_non_null_type(a.type)}
        args.update(overrides.get(name, {}))
        found.append((name, args, {arg: str(field.args[arg].type) for arg in args}))
    return found


def _document(requests) -> tuple[str, dict]:
    """One mutation document for these requests: request i is alias `m<i>` with variables `$m<i>_<argument>`.
    The server runs a document's mutations one after the other, each in its own transaction."""
    schema = sdl_schema()
    definitions, calls, variables = [], [], {}
    for index, (name, args, types) in enumerate(requests):
        definitions += [f"$m{index}_{arg}: {types[arg]}" for arg in args]
        variables.update({f"m{index}_{arg}": value for arg, value in args.items()})
        call = ", ".join(f"{arg}: $m{index}_{arg}" for arg in args)
        fields = getattr(get_named_type(schema.mutation_type.fields[name].type), "fields", {})
        selection = " { errors { code } }" if "errors" in fields else " { __typename }"
        calls.append(f"m{index}: {name}{f'({call})' if call else ''}{selection}")
    head = f"mutation({', '.join(definitions)})" if definitions else "mutation"
    return f"{head} {{ {' '.join(calls)} }}", variables


def _snapshot() -> dict[str, str]:
    """A digest of every row of Parkwijk's schema and of the public tables a mutation could write (sessions left
    out: logging in writes them)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT quote_ident(schemaname) || '.' || quote_ident(relname) FROM pg_stat_user_tables"
            " WHERE schemaname IN ('parkwijk', 'public') AND relname <> 'django_session'"
        )
        tables = [row[0] for row in cursor.fetchall()]
        digests = {}
        for table in tables:
            cursor.execute(f"SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM {table} t")  # noqa: S608
            digests[table] = cursor.fetchone()[0]
    return digests


def _outcome(body: dict, alias: str) -> str:
    """The answer to one alias of the document: its first top-level error, else its payload's errors, else ok."""
    errors = [error for error in body.get("errors", []) if (error.get("path") or [alias])[0] == alias]
    if errors:
        return f"{errors[0].get('extensions', {}).get('code')}: {errors[0]['message']}"
    payload = (body.get("data") or {}).get(alias) or {}
    return f"errors {payload['errors']}" if payload.get("errors") else "ok"


def _post(client, requests) -> dict:
    query, variables = _document(requests)
    return client.post("/graphql", {"query": query, "variables": variables}, content_type="application/json").json()


def _set_status(status: str) -> None:
    Wijk.objects.filter(schema_name="parkwijk").update(status=status)
    cache.clear()  # the host lookup


@pytest.fixture
def world(parkwijk):
    anna, bram = make_member(parkwijk, "Anna"), make_member(parkwijk, "Bram")
    fatima = make_member(parkwijk, "Fatima", role=Role.MAKELAAR)
    wim = make_member(parkwijk, "Wim", role=Role.WIJK_ADMIN)
    listing = place(parkwijk, anna)
    exchange = respond(parkwijk, listing, bram)
    with tenant_context(parkwijk):
        signal = report_signal(actor=actor_for(bram.user, bram), about="Meneer Jansen", worry="Geen post gehaald")
    ids = {
        "resident": member_id(anna),
        "member": member_id(bram),
        "listing": gid("Listing", "parkwijk", listing.pk),
        "exchange": gid("Exchange", "parkwijk", exchange.pk),
        "category": category_id(parkwijk),
        "signal": gid("Signal", "parkwijk", signal.pk),
        "default": gid("Listing", "parkwijk", 999999),
    }
    overrides = {
        "publishListing": {
            "input": {
                "kind": "REQUEST",
                "title": "Hulp bij de verwarming",
                "description": "De thermostaat doet het niet meer.",
                "category": ids["category"],
            }
        },
        "savePlace": {"input": {"kind": "MEETING_PLACE", "name": "Buurthuis De Linde", "address": "Lindelaan 1"}},
        "registerOfflineResident": {"consentGiven": True, "firstName": "Truus", "phone": "023 555 12 34"},
        # its own listing: the sweep withdraws the other one before it gets here
        "respondToListing": {"listingId": gid("Listing", "parkwijk", place(parkwijk, bram, title="Ladder lenen").pk)},
        "addCategory": {"name": "Fietsen"},
    }
    users = {"resident": anna.user, "makelaar": fatima.user, "wijk admin": wim.user}
    return _requests(ids, overrides), users


@pytest.mark.slow
def test_a_paused_wijk_refuses_every_mutation_and_the_same_requests_write_when_it_is_open(world):
    requests, users = world
    clients = {who: client_for("parkwijk", user) for who, user in users.items()}

    def paused_sweep() -> dict[tuple[str, str], str]:
        """Each person sends every mutation in one document: refused one by one, none changes what the next
        finds."""
        outcomes = {}
        for who, client in clients.items():
            body = _post(client, requests)
            outcomes.update({(name, who): _outcome(body, f"m{i}") for i, (name, *_args) in enumerate(requests)})
        return outcomes

    def open_sweep() -> dict[tuple[str, str], str]:
        """One request per mutation and person, mutation by mutation, so that each finds what it needs to write."""
        outcomes = {}
        for request in requests:
            for who, client in clients.items():
                outcomes[(request[0], who)] = _outcome(_post(client, [request]), "m0")
        return outcomes

    _set_status(WijkStatus.PAUSED)
    before = _snapshot()
    paused = paused_sweep()
    written = [table for table, digest in _snapshot().items() if before.get(table) != digest]
    _set_status(WijkStatus.PILOT)
    opened = open_sweep()

    succeeded_when_open = {key for key, outcome in opened.items() if outcome == "ok"}
    print(
        f"Paused sweep: {len(requests)} mutations x {len(clients)} people, each person's in one request; the same "
        f"{len(opened)} one by one in the open wijk, where {len(succeeded_when_open)} of them write"
    )
    assert written == [], f"a paused wijk wrote to {written}"
    assert [key for key, outcome in paused.items() if outcome == "ok"] == []
    missing = MUST_SUCCEED_WHEN_OPEN - {name for name, _who in succeeded_when_open}
    assert missing == set(), {key: outcome for key, outcome in opened.items() if key[0] in missing}
    paused_answer = f"PERMISSION_DENIED: {PAUSED_MESSAGE}"
    wrongly_worded = {
        key: paused[key] for key in succeeded_when_open if paused[key] != REFUSED_OTHERWISE.get(key[0], paused_answer)
    }
    assert wrongly_worded == {}
