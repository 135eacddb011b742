"""Console mutations (portal only, coordinators only): each calls one action of platform/console/actions.py with
via=GRAPHQL (so the audit log says so) and returns its payload plus `errors`; with errors nothing is written."""

import graphene
from django.utils.translation import gettext as _

from wijkmarkt.graphql.console.access import require_coordinator_on_portal
from wijkmarkt.graphql.console.types import ConsoleError, ConsoleErrorCode, Coordinator
from wijkmarkt.graphql.core.errors import ErrorCode, graphql_error
from wijkmarkt.graphql.core.mutations import BaseMutation
from wijkmarkt.graphql.wijken.types import WijkType
from wijkmarkt.platform.console import actions
from wijkmarkt.platform.console.models import AuditVia
from wijkmarkt.platform.partners.models import Partner
from wijkmarkt.platform.wijken.models import Wijk, WijkStatus

VIA = AuditVia.GRAPHQL
MAX_AREAS = 20
MAX_POSTCODES = 200
_STATUSES = ", ".join(WijkStatus.values)


def _wijk(slug: str) -> Wijk:
    wijk = Wijk.objects.filter(schema_name=slug or "", is_template=False).first()
    if wijk is None:
        raise graphql_error(ErrorCode.NOT_FOUND, _("Deze wijk bestaat niet."))
    return wijk


def _capped(values, limit: int, name: str) -> list:
    values = list(values or [])
    if len(values) > limit:
        raise graphql_error(ErrorCode.BAD_REQUEST, _("`%(name)s` heeft te veel waarden.") % {"name": name})
    return values


class BrandingInput(graphene.InputObjectType):
    """How a wijk's site looks."""

    name = graphene.String(required=True, description="Name, at most 80 characters.")
    tagline = graphene.String(description="Subtitle, at most 160 characters.")
    theme = graphene.String(required=True, description="A theme folder under themes/ (base, centrum, zomerzone).")
    primary_colour = graphene.String(required=True, description="#RRGGBB with at least 4.5:1 contrast to white.")
    logo = graphene.String(description="One of the themes' logos (themes/<theme>/logo.svg), or empty for none.")


class RulesInput(graphene.InputObjectType):
    """A wijk's local rules."""

    modules = graphene.List(
        graphene.NonNull(graphene.String),
        required=True,
        description="Modules that are on: marketplace, chat, buurtkamer, care.",
    )
    points_enabled = graphene.Boolean(required=True, description="Points on or off.")
    listing_expiry_days = graphene.Int(required=True, description="Days until a listing expires, 7 to 365.")
    done_objection_days = graphene.Int(required=True, description="Days to object to 'done', 1 to 60.")
    house_rules = graphene.String(description="House rules, plain text, at most 5000 characters.")
    postcodes = graphene.List(graphene.NonNull(graphene.String), description="Postcodes, e.g. 2032 or 2032 AB.")


class ProvisionInput(BrandingInput):
    """A new wijk."""

    slug = graphene.String(required=True, description="Short name: 2 to 40 lower-case letters and digits.")
    status = graphene.String(description=f"One of {_STATUSES}; default planned.")
    areas = graphene.List(graphene.NonNull(graphene.String), description="The buurten it covers.")


class ConsoleMutation(BaseMutation):
    class Meta:
        abstract = True

    errors = graphene.List(graphene.NonNull(ConsoleError), required=True, description="What to fix; empty if none.")
    error_code_enum = ConsoleErrorCode

    @classmethod
    def perform(cls, info, **data) -> dict:
        user = require_coordinator_on_portal(info)  # before reading the input: a refusal is not a list of errors
        return cls.act(info, user, **data)


class SetWijkStatus(ConsoleMutation):
    """Move a wijk to another stage of its life."""

    class Arguments:
        wijk = graphene.String(required=True, description="The wijk's slug.")
        status = graphene.String(required=True, description=f"One of {_STATUSES}.")

    wijk = graphene.Field(WijkType, description="The wijk as saved.")

    @classmethod
    def act(cls, info, user, wijk, status) -> dict:
        return {"wijk": actions.change_wijk_status(coordinator=user, wijk=_wijk(wijk), status=status, via=VIA)}


class UpdateWijkBranding(ConsoleMutation):
    """Change a wijk's name, subtitle, theme, colour and logo."""

    class Arguments:
        wijk = graphene.String(required=True, description="The wijk's slug.")
        input = BrandingInput(required=True, description="The branding.")

    wijk = graphene.Field(WijkType, description="The wijk as saved.")

    @classmethod
    def act(cls, info, user, wijk, input) -> dict:
        saved = actions.update_wijk_branding(
            coordinator=user,
            wijk=_wijk(wijk),
            name=input.name,
            tagline=input.get("tagline") or "",
            theme=input.theme,
            primary_colour=input.primary_colour,
            logo=input.get("logo") or "",
            via=VIA,
        )
        return {"wijk": saved}


class UpdateWijkRules(ConsoleMutation):
    """Change a wijk's local rules."""

    class Arguments:
        wijk = graphene.String(required=True, description="The wijk's slug.")
        input = RulesInput(required=True, description="The rules.")

    wijk = graphene.Field(WijkType, description="The wijk as saved.")

    @classmethod
    def act(cls, info, user, wijk, input) -> dict:
        saved = actions.update_wijk_rules(
            coordinator=user,
            wijk=_wijk(wijk),
            modules=_capped(input.modules, 10, "modules"),
            points_enabled=input.points_enabled,
            listing_expiry_days=input.listing_expiry_days,
            done_objection_days=input.done_objection_days,
            house_rules=input.get("house_rules") or "",
            postcodes=_capped(input.get("postcodes"), MAX_POSTCODES, "postcodes"),
            via=VIA,
        )
        return {"wijk": saved}


class ProvisionWijk(ConsoleMutation):
    """Provision a new wijk (its own schema, cloned from the template, and its domain). Synchronous: it returns when
    the wijk is ready, usually within seconds."""

    class Arguments:
        input = ProvisionInput(required=True, description="The new wijk.")

    wijk = graphene.Field(WijkType, description="The new wijk.")

    @classmethod
    def act(cls, info, user, input) -> dict:
        provisioned = actions.provision_new_wijk(
            coordinator=user,
            slug=input.slug,
            name=input.name,
            status=input.get("status") or WijkStatus.PLANNED,
            areas=_capped(input.get("areas"), MAX_AREAS, "areas"),
            theme=input.theme,
            tagline=input.get("tagline") or "",
            primary_colour=input.primary_colour,
            logo=input.get("logo") or "",
            via=VIA,
        )
        return {"wijk": provisioned.wijk}


class GrantCoordinator(ConsoleMutation):
    """Give an existing account the coordinator role."""

    class Arguments:
        email = graphene.String(required=True, description="The account's e-mail address.")

    coordinator = graphene.Field(Coordinator, description="The account, now a coordinator.")

    @classmethod
    def act(cls, info, user, email) -> dict:
        return {"coordinator": actions.grant_coordinator(coordinator=user, email=email, via=VIA)}


class RevokeCoordinator(ConsoleMutation):
    """Take the coordinator role away; never from the last coordinator."""

    class Arguments:
        email = graphene.String(required=True, description="The account's e-mail address.")

    coordinator = graphene.Field(Coordinator, description="The account, no longer a coordinator.")

    @classmethod
    def act(cls, info, user, email) -> dict:
        return {"coordinator": actions.revoke_coordinator(coordinator=user, email=email, via=VIA)}


def _partner(slug: str) -> Partner:
    partner = Partner.objects.filter(slug=slug or "").first()
    if partner is None:
        raise graphql_error(ErrorCode.NOT_FOUND, _("Deze partner bestaat niet."))
    return partner


class LinkPartnerToWijk(ConsoleMutation):
    """A partner is active in a wijk, with what it offers there. Linking again changes the offer."""

    class Arguments:
        wijk = graphene.String(required=True, description="The wijk's slug.")
        partner = graphene.String(required=True, description="The partner's short name (slug).")
        offer = graphene.String(description="What the partner offers in this wijk.")

    linked = graphene.Boolean(description="True when the partner is linked.")

    @classmethod
    def act(cls, info, user, wijk, partner, offer="") -> dict:
        actions.link_partner(coordinator=user, wijk=_wijk(wijk), partner=_partner(partner), offer=offer or "", via=VIA)
        return {"linked": True}


class UnlinkPartnerFromWijk(ConsoleMutation):
    """The partner is no longer active in the wijk."""

    class Arguments:
        wijk = graphene.String(required=True, description="The wijk's slug.")
        partner = graphene.String(required=True, description="The partner's short name (slug).")

    linked = graphene.Boolean(description="False: the partner is no longer linked.")

    @classmethod
    def act(cls, info, user, wijk, partner) -> dict:
        actions.unlink_partner(coordinator=user, wijk=_wijk(wijk), partner=_partner(partner), via=VIA)
        return {"linked": False}


class ConsoleMutations(graphene.ObjectType):
    set_wijk_status = SetWijkStatus.Field()
    update_wijk_branding = UpdateWijkBranding.Field()
    update_wijk_rules = UpdateWijkRules.Field()
    provision_wijk = ProvisionWijk.Field()
    grant_coordinator = GrantCoordinator.Field()
    revoke_coordinator = RevokeCoordinator.Field()
    link_partner_to_wijk = LinkPartnerToWijk.Field()
    unlink_partner_from_wijk = UnlinkPartnerFromWijk.Field()
