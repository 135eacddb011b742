"""Mutations of the wijk's meeting places and counters (wijk admins): each calls one action of
tenants/places/actions.py and returns its payload plus `errors`; with errors nothing is written (BaseMutation)."""

import graphene
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from wijkmarkt.graphql.core.errors import ErrorCode, graphql_error
from wijkmarkt.graphql.core.lookups import find_node
from wijkmarkt.graphql.core.mutations import WijkMutation
from wijkmarkt.graphql.core.permissions import actor
from wijkmarkt.graphql.core.types import enum_value, error_codes, error_type
from wijkmarkt.graphql.places.types import DayEnum, PlaceKindEnum, PlaceType
from wijkmarkt.platform.accounts.permissions import Perm
from wijkmarkt.tenants.places import actions
from wijkmarkt.tenants.places.errors import PlacesErrorCode as DomainErrorCode
from wijkmarkt.tenants.places.hours import parse_time

MAX_PERIODS = 28

PlacesErrorCode = error_codes(
    "PlacesErrorCode", DomainErrorCode, "Why a change to a place did not go through; `message` says it in words."
)
PlacesError = error_type("PlacesError", PlacesErrorCode)


class OpeningPeriodInput(graphene.InputObjectType):
    """One period a place is open on one day."""

    day = DayEnum(required=True, description="The day.")
    opens = graphene.String(required=True, description="Opening time, HH:MM.")
    closes = graphene.String(required=True, description="Closing time, HH:MM.")


class PlaceInput(graphene.InputObjectType):
    """A meeting place or counter. Text is plain text; opening hours replace the old ones as a whole."""

    kind = PlaceKindEnum(required=True, description="Meeting place or counter.")
    name = graphene.String(required=True, description="Name, at most 120 characters.")
    address = graphene.String(required=True, description="Street and number, at most 200 characters.")
    postcode = graphene.String(description="Postcode, e.g. 2032 AB.")
    description = graphene.String(description="What one can do there, at most 1000 characters.")
    phone = graphene.String(description="Phone number.")
    email = graphene.String(description="E-mail address.")
    wheelchair_accessible = graphene.Boolean(description="Reachable with a wheelchair; default false.")
    opening_hours = graphene.List(
        graphene.NonNull(OpeningPeriodInput), description=f"At most {MAX_PERIODS} periods; leave out for closed."
    )


def _as_action_input(data) -> actions.PlaceInput:
    periods = data.get("opening_hours") or []
    if len(periods) > MAX_PERIODS:
        raise graphql_error(ErrorCode.BAD_REQUEST, _("`openingHours` heeft te veel waarden."))
    hours, errors = [], {}
    for period in periods:
        day = enum_value(period.day)
        name = actions.HOURS_FIELD.format(day=day)
        try:
            hours.append((day, parse_time(period.opens, name), parse_time(period.closes, name)))
        except ValidationError as error:
            errors.update(error.error_dict)
    typed = actions.PlaceInput(
        kind=enum_value(data.kind),
        name=data.name,
        address=data.address,
        postcode=data.get("postcode") or "",
        description=data.get("description") or "",
        phone=data.get("phone") or "",
        email=data.get("email") or "",
        wheelchair_accessible=bool(data.get("wheelchair_accessible")),
        hours=hours,
    )
    if errors:  # an unreadable time: report it with every other field's error, as the page does
        try:
            actions.check_place(typed)
        except ValidationError as error:
            errors = {**error.error_dict, **errors}
        raise ValidationError(errors)
    return typed


class PlacesMutation(WijkMutation):
    """Wijk admins only (Perm.MANAGE_PLACES)."""

    class Meta:
        abstract = True

    errors = graphene.List(
        graphene.NonNull(PlacesError), required=True, description="What to fix; empty when it worked."
    )
    error_code_enum = PlacesErrorCode
    permission = Perm.MANAGE_PLACES


class SavePlace(PlacesMutation):
    """Add a meeting place or counter (without `id`) or change one (wijk admins)."""

    class Arguments:
        id = graphene.ID(description="The place to change (a Place ID of this wijk); leave out to add one.")
        input = PlaceInput(required=True, description="The place.")

    place = graphene.Field(PlaceType, description="The place as saved.")

    @classmethod
    def act(cls, info, wijk, input, id=None) -> dict:
        place = find_node(PlaceType, info, id) if id else None
        saved = actions.save_place(actor=actor(info), data=_as_action_input(input), place=place)
        return {"place": PlaceType.get_node(info, saved.pk)}


class RemovePlace(PlacesMutation):
    """Remove a meeting place or counter (wijk admins)."""

    class Arguments:
        id = graphene.ID(required=True, description="The place (a Place ID of this wijk).")

    removed_id = graphene.ID(description="The ID of the removed place.")

    @classmethod
    def act(cls, info, wijk, id) -> dict:
        place = find_node(PlaceType, info, id)
        actions.remove_place(actor=actor(info), place=place)
        return {"removed_id": id}


class PlacesMutations(graphene.ObjectType):
    save_place = SavePlace.Field()
    remove_place = RemovePlace.Field()
