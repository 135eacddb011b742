"""Issue 12, point 7: every argument the schema accepts either works or gives a typed error. The sweep sends each
hostile value of tests/graphql/hostile.py to every argument of every query and mutation of the committed SDL, as an
anonymous visitor and as a member of Parkwijk, and checks each case: no HTTP 500, no INTERNAL error, a hostile
string refused (a mutation: any; a query: what PostgreSQL cannot take or longer than any field), and no row written
by a case that was refused. Cases share requests as aliases of one document (hostile.py says why each case's
outcome stays its own)."""

import time

import pytest
from django.db import connection

from tests.builders.clients import client_for
from tests.builders.marketplace import category_id, gid, member_id, place
from tests.builders.members import make_member
from tests.graphql.hostile import RowWatch, batches, cases, request_body
from wijkmarkt.graphql.core.views import WijkmarktGraphQLView


def _ids(parkwijk, member) -> dict[str, str]:
    listing = place(parkwijk, member)
    listing_id = gid("Listing", "parkwijk", listing.pk)
    return {
        "member": member_id(member),
        "owner": member_id(member),
        "behalf": member_id(member),
        "recipient": member_id(member),
        "category": category_id(parkwijk),
        "listing": listing_id,
        "default": listing_id,
    }


def _problems(case, errors: list[dict], payload, written: list[str]) -> list[str]:
    """What is wrong with one case's answer: its errors (top-level, for its alias) and its part of `data`."""
    problems = []
    if "INTERNAL" in [error.get("extensions", {}).get("code") for error in errors]:
        problems.append(f"{case}: INTERNAL")
    refused = bool(errors) or (isinstance(payload, dict) and bool(payload.get("errors")))
    if case.text and not refused:
        problems.append(f"{case}: not refused but {errors} {payload}")
    if written and refused:
        problems.append(f"{case}: refused, yet wrote to {written}")
    return problems


def _send(client, batch, watch) -> tuple[int, list[str]]:
    """The problems of a batch's cases, and how many requests it took."""
    response = client.post("/graphql", request_body(batch), content_type="application/json")
    written = watch.written_by_field()  # by alias; None when no field ran
    if response.status_code >= 500:
        return 1, [f"{batch[0]} (in a request of {len(batch)} cases): HTTP {response.status_code}"]
    body = response.json()
    errors, data = body.get("errors", []), body.get("data") or {}
    if len(batch) == 1:
        return 1, _problems(batch[0], errors, data.get("c0"), [table for w in written.values() for table in w])
    if None in written:
        return _refused_as_a_whole(client, batch, watch, errors, written[None])
    problems = [f"{batch[0]} (in a batch): an error of no case: {error}" for error in errors if not error.get("path")]
    for index, case in enumerate(batch):
        alias = f"c{index}"
        if alias not in data:
            problems.append(f"{case}: no answer of its own in a batch ({errors})")
            continue
        own = [error for error in errors if (error.get("path") or [None])[0] == alias]
        problems += _problems(case, own, data[alias], written.get(alias, []))
    return 1, problems


def _refused_as_a_whole(client, batch, watch, errors, written) -> tuple[int, list[str]]:
    """A batch refused before anything ran: each case refused by an error naming one of its variables (as
    graphql-core names every variable its type refuses) is answered; any other goes alone."""
    problems = [f"{batch[0]} (in a batch refused as a whole): wrote to {written}"] if written else []
    requests = 1
    for index, case in enumerate(batch):
        own = [error for error in errors if f"'$c{index}_" in error.get("message", "")]
        if own:
            problems += _problems(case, own, None, [])
        else:
            requests += 1
            problems += _send(client, [case], watch)[1]
    return requests, problems


@pytest.mark.slow
@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_no_argument_of_the_schema_reaches_a_server_fault(parkwijk, who, monkeypatch):
    member = make_member(parkwijk, "Sweep")
    ids = _ids(parkwijk, member)
    client = client_for("parkwijk", member.user if who == "member" else None)
    watch = RowWatch()
    middleware = WijkmarktGraphQLView.get_middleware
    monkeypatch.setattr(
        WijkmarktGraphQLView, "get_middleware", lambda view, request: [*middleware(view, request), watch]
    )
    all_cases = cases(ids)
    problems, requests = [], 0
    started, cpu = time.monotonic(), time.process_time()
    with connection.execute_wrapper(watch):
        for batch in batches(all_cases):
            sent, found = _send(client, batch, watch)
            requests, problems = requests + sent, problems + found
    print(
        f"GraphQL sweep as {who}: {len(all_cases)} cases in {requests} requests, {time.monotonic() - started:.1f} s"
        f" ({time.process_time() - cpu:.1f} s CPU)"
    )
    assert len(all_cases) > 1000  # every field of the SDL, not a handful
    assert problems == [], "\n".join(problems)
