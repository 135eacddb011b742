"""Points in a wijk with points on, the wijk's side of the citywide ledger (platform/ledger books them): a done
exchange earns its helper points, and a member (or their proxy, or the makelaar for them) gives points to a member
of any wijk with points on. Here is decided who acts for whom, where the recipient lives and what goes in the
member's 'Wat er namens u is gedaan'; the ledger checks the gift's text, amount and balance and books it."""

from django.db import connection, transaction
from django.utils.translation import gettext as _
from django_tenants.utils import schema_context

from wijkmarkt.platform.accounts.models import User
from wijkmarkt.platform.accounts.permissions import Actor, Perm
from wijkmarkt.platform.errors import fail
from wijkmarkt.platform.ledger.actions import book_gift, clean_recipient, earn_points, prepare_gift, require_points_on
from wijkmarkt.platform.ledger.errors import LedgerErrorCode as Code
from wijkmarkt.platform.ledger.models import Transfer, Via
from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.marketplace.models import Exchange
from wijkmarkt.tenants.membership.access import acting_as
from wijkmarkt.tenants.membership.actions.acting_for import record_acting_for
from wijkmarkt.tenants.membership.models import ActingWhat, Membership, PlacedAs


def earn_points_for_exchange(*, exchange: Exchange, wijk: Wijk | None = None) -> Transfer | None:
    """The helper of a done exchange earns points, when the wijk has points on; once per exchange. Called inside the
    transaction that marks the exchange done, in the wijk's schema."""
    return earn_points(
        wijk=wijk or connection.tenant,
        exchange_id=exchange.pk,
        hours=exchange.hours,
        via=exchange.via,
        note=exchange.what or "",
        earner=lambda: exchange.helper.user,
    )


def _members_of(wijk: Wijk):
    """Active members of `wijk` (read in its schema), as a list, never a lazy QuerySet."""
    with schema_context(wijk.schema_name):
        return list(Membership.objects.select_related("user").filter(user__is_active=True))


def find_recipient(*, email: str = "", name: str = "", wijk_slug: str = "") -> tuple[User, Wijk]:
    """The one member to give points to, by e-mail, or by name and wijk, in a wijk with points on. Nobody, more than
    one, or a wijk without points all give the same answer, so no one can learn who lives where."""
    email, name, wijk_slug = clean_recipient(email=email, name=name, wijk_slug=wijk_slug)
    matches: list[tuple[User, Wijk]] = []
    if email:
        user = User.objects.filter(email=email, is_active=True).first()
        for wijk in Wijk.objects.filter(points_enabled=True, is_template=False).order_by("name") if user else ():
            with schema_context(wijk.schema_name):
                if Membership.objects.filter(user=user).exists():
                    matches = [(user, wijk)]
                    break
    else:
        wijk = Wijk.objects.filter(schema_name=wijk_slug, points_enabled=True, is_template=False).first()
        wanted = " ".join(name.lower().split())
        matches = [
            (m.user, wijk)
            for m in (_members_of(wijk) if wijk else ())
            if wanted in (m.user.first_name.lower(), f"{m.user.first_name} {m.user.last_name}".lower().strip())
        ]
    if len(matches) != 1:
        raise fail(
            "email" if email else "name",
            _(
                "We kunnen de ontvanger niet vinden. Kijk het e-mailadres na, of vul "
                "de voor- en achternaam en de wijk in."
            ),
            Code.RECIPIENT_NOT_FOUND,
        )
    return matches[0]


def give_points(
    *,
    actor: Actor,
    giver: Membership,
    wijk: Wijk,
    amount,
    key: str,
    email: str = "",
    name: str = "",
    wijk_slug: str = "",
    note: str = "",
) -> Transfer:
    """A member (or their proxy, or the makelaar for them) gives points to a member of any wijk with points on.

    Everything about the giver is settled before the recipient is looked up: points on, the permission, then
    (prepare_gift) what was typed, the attempt count and the balance. So a gift that cannot happen tells nothing
    about who lives where."""
    require_points_on(wijk)
    placed_as = acting_as(actor, giver, Perm.RESPOND)
    gift = prepare_gift(
        giver=giver.user,
        attempt_by=actor.user,
        amount=amount,
        key=key,
        email=email,
        name=name,
        wijk_slug=wijk_slug,
        note=note,
        find_recipient=find_recipient,
    )
    via = Via.MAKELAAR if placed_as == PlacedAs.MAKELAAR else Via.WEBSITE
    with transaction.atomic():
        transfer = book_gift(
            giver=giver.user,
            recipient=gift.recipient,
            from_wijk=wijk,
            to_wijk=gift.to_wijk,
            amount=amount,
            key=key,
            booked_by=actor.user,
            via=via,
            note=note,
        )
        if not gift.retry:  # a resent gift was logged the first time
            record_acting_for(actor, member=giver, placed_as=placed_as, what=ActingWhat.GIVE_POINTS, obj=transfer)
    return transfer
