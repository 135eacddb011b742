"""Issue 12, point 7: every argument the schema accepts either works or gives a typed error. The sweep sends each
hostile value of tests/graphql/hostile.py to every argument of every query and mutation of the committed SDL, as an
anonymous visitor and as a member of Parkwijk, and checks: no HTTP 500, no INTERNAL error, a hostile string refused
(a mutation: any; a query: what PostgreSQL cannot take or longer than any field), and no row written by a request
that was refused."""

import time

import pytest
from django.db import connection

from tests.conftest import client_for, make_member
from tests.graphql.hostile import RowWatch, cases
from tests.graphql.marketplace.conftest import category_id, gid, member_id, place


def _ids(parkwijk, member) -> dict[str, str]:
    listing = place(parkwijk, member)
    listing_id = gid("Listing", "parkwijk", listing.pk)
    return {
        "member": member_id(member), "owner": member_id(member), "behalf": member_id(member),
        "recipient": member_id(member), "category": category_id(parkwijk), "listing": listing_id,
        "default": listing_id,
    }  # fmt: skip


def _refused(body: dict) -> bool:
    if body.get("errors"):
        return True
    return any(isinstance(value, dict) and value.get("errors") for value in (body.get("data") or {}).values())


def _problems(case, response, written) -> list[str]:
    if response.status_code >= 500:
        return [f"{case}: HTTP {response.status_code}"]
    body = response.json()
    codes = [error.get("extensions", {}).get("code") for error in body.get("errors", [])]
    problems = []
    if "INTERNAL" in codes:
        problems.append(f"{case}: INTERNAL")
    if case.text and not _refused(body):
        problems.append(f"{case}: not refused but {body}")
    if written and _refused(body):
        problems.append(f"{case}: refused, yet wrote to {written}")
    return problems


@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_no_argument_of_the_schema_reaches_a_server_fault(parkwijk, who):
    member = make_member(parkwijk, "Sweep")
    ids = _ids(parkwijk, member)
    client = client_for("parkwijk", member.user if who == "member" else None)
    watch = RowWatch()
    all_cases = cases(ids)
    problems = []
    started, cpu = time.monotonic(), time.process_time()
    with connection.execute_wrapper(watch):
        for case in all_cases:
            response = client.post("/graphql", {"query": case.query, "variables": case.variables},
                                   content_type="application/json")  # fmt: skip
            problems += _problems(case, response, watch.written())
    print(
        f"GraphQL sweep as {who}: {len(all_cases)} cases in {time.monotonic() - started:.1f} s ({time.process_time() - cpu:.1f} s CPU)"
    )
    assert len(all_cases) > 1000  # every field of the SDL, not a handful
    assert problems == [], "\n".join(problems)
