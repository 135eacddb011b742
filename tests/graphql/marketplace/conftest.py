"""Builders for the marketplace GraphQL tests: rows are made through the actions, as a person would; requests go
through /graphql on a wijk's domain, as a client would."""

import datetime as dt

import pytest
from django.utils import timezone
from django_tenants.utils import tenant_context

from tests.conftest import make_member
from tests.graphql.conftest import gql
from wijkmarkt.graphql.core.ids import to_global_id
from wijkmarkt.platform.accounts.models import Role
from wijkmarkt.tenants.marketplace.actions.exchanges import respond_to_listing
from wijkmarkt.tenants.marketplace.actions.listings import ListingInput, publish_listing
from wijkmarkt.tenants.marketplace.models import Category, Street
from wijkmarkt.tenants.membership.selectors import actor_for


def gid(type_name: str, schema: str, pk) -> str:
    return to_global_id(type_name, schema, pk)


def member_id(member, schema: str = "parkwijk") -> str:
    return gid("Membership", schema, member.pk)


def category_id(wijk, slug: str = "computer") -> str:
    with tenant_context(wijk):
        return gid("Category", wijk.schema_name, Category.objects.get(slug=slug).pk)


def tomorrow() -> dt.date:
    return timezone.localdate() + dt.timedelta(days=1)


def place(wijk, owner, *, by=None, category: str = "computer", **overrides):
    """A listing of `owner`, placed through the action by `by` (default the owner themselves)."""
    values = {
        "kind": "request",
        "title": "Hulp met mijn nieuwe tablet",
        "description": "Ik krijg de videobel-app niet werkend. Wie kan even komen kijken?",
    }
    with tenant_context(wijk):
        data = ListingInput(**{**values, "category_id": Category.objects.get(slug=category).pk, **overrides})
        return publish_listing(actor=actor_for((by or owner).user), wijk=wijk, owner=owner, data=data)


def respond(wijk, listing, member, message: str = "Ik kan helpen!"):
    with tenant_context(wijk):
        return respond_to_listing(actor=actor_for(member.user), member=member, listing=listing, message=message)


def make_street(wijk, name: str, latitude: float, longitude: float) -> Street:
    with tenant_context(wijk):
        return Street.objects.create(name=name, latitude=latitude, longitude=longitude)


def run(slug: str | None, query: str, variables: dict | None = None, user=None) -> dict:
    """The response body of a GraphQL request."""
    return gql(slug, query, variables, user=user).json()


def ok(slug: str | None, query: str, variables: dict | None = None, user=None) -> dict:
    """The data of a request that must succeed without top-level errors."""
    body = run(slug, query, variables, user=user)
    assert "errors" not in body, body
    return body["data"]


def top_error(body: dict) -> dict:
    """The one top-level error of a response: {code, message}."""
    assert len(body.get("errors", [])) == 1, body
    error = body["errors"][0]
    return {"code": error["extensions"]["code"], "message": error["message"]}


@pytest.fixture
def people(parkwijk):
    """Parkwijk: Anna asks, Bram helps, Cor is a third neighbour, Fatima is the makelaar, Wim the wijk admin."""
    return {
        "anna": make_member(parkwijk, "Anna"),
        "bram": make_member(parkwijk, "Bram"),
        "cor": make_member(parkwijk, "Cor"),
        "fatima": make_member(parkwijk, "Fatima", role=Role.MAKELAAR),
        "wim": make_member(parkwijk, "Wim", role=Role.WIJK_ADMIN),
    }
