"""Exchanges (bemiddelingen): responding to a listing, agreeing what and when, confirming it was done, thanking,
and the message thread between the two members (a chat conversation of kind `exchange`, which the chat stores when
the marketplace sends signals.thread_message)."""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ImproperlyConfigured
from django.db import IntegrityError, transaction
from django.db.models import Model, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkmarkt.platform.accounts.permissions import Actor, Perm
from wijkmarkt.platform.plaintext import clean_text
from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.marketplace.access import is_blocked_between, party_for
from wijkmarkt.tenants.marketplace.actions.notifications import notify
from wijkmarkt.tenants.marketplace.actions.points import earn_points_for_exchange
from wijkmarkt.tenants.marketplace.citywide import sync_listings
from wijkmarkt.tenants.marketplace.errors import MarketplaceErrorCode as Code
from wijkmarkt.tenants.marketplace.errors import fail
from wijkmarkt.tenants.marketplace.models import (
    ACTIVE_LISTING_STATUSES,
    Exchange,
    ExchangeStatus,
    Listing,
    ListingKind,
    ListingStatus,
    NotificationKind,
    ThankYou,
    Via,
)
from wijkmarkt.tenants.marketplace.signals import thread_message
from wijkmarkt.tenants.membership.access import acting_as
from wijkmarkt.tenants.membership.actions.acting_for import record_acting_for
from wijkmarkt.tenants.membership.models import ActingWhat, Membership, PlacedAs

OPEN_EXCHANGE = (ExchangeStatus.PROPOSED, ExchangeStatus.AGREED)


def _url(exchange: Exchange) -> str:
    return f"/afspraken/{exchange.pk}/"


def _require_not_blocked(a: Membership, b: Membership) -> None:
    if is_blocked_between(a, b):
        raise fail(None, _("U kunt geen contact hebben met deze buur."), Code.BLOCKED)


def _other(exchange: Exchange, member: Membership) -> Membership:
    return exchange.receiver if member.pk == exchange.helper_id else exchange.helper


def _post_to_thread(exchange: Exchange, *, author: Membership, body: str) -> Model:
    """A message in the exchange's thread, stored in the caller's transaction by the app that holds the threads (the
    chat, through signals.thread_message); returns the stored message."""
    stored = [
        message
        for _receiver, message in thread_message.send(sender=Exchange, exchange=exchange, author=author, body=body)
        if message is not None
    ]
    if len(stored) != 1:
        raise ImproperlyConfigured("One app must store an exchange's thread messages (tenants/chat connects it).")
    return stored[0]


def _require_state(exchange: Exchange, *states: str) -> None:
    if exchange.status not in states:
        raise fail(
            None,
            _("Dat kan niet meer: deze afspraak is %(status)s.") % {"status": exchange.get_status_display().lower()},
            Code.WRONG_STATE,
        )


def respond_to_listing(*, actor: Actor, member: Membership, listing: Listing, message: str) -> Exchange:
    """'Ik kan helpen' on a request or 'Dit wil ik graag' on an offer: an exchange with its first message."""
    placed_as = acting_as(actor, member, Perm.RESPOND)
    body = clean_text(message, field="message", max_length=2000, multiline=True)
    if listing.status not in ACTIVE_LISTING_STATUSES or listing.expires_at <= timezone.now() or listing.hidden_at:
        raise fail(None, _("Deze vraag of dit aanbod is niet meer open."), Code.LISTING_CLOSED)
    if listing.owner_id == member.pk:
        raise fail(None, _("Dit is uw eigen vraag of aanbod."), Code.OWN_LISTING)
    _require_not_blocked(member, listing.owner)
    helper, receiver = (member, listing.owner) if listing.kind == ListingKind.REQUEST else (listing.owner, member)
    if Exchange.objects.filter(listing=listing, helper=helper, receiver=receiver, status__in=OPEN_EXCHANGE).exists():
        raise fail(None, _("U heeft al gereageerd. Kijk bij uw afspraken."), Code.ALREADY_RESPONDED)
    try:
        with transaction.atomic():
            exchange = Exchange.objects.create(
                listing=listing,
                helper=helper,
                receiver=receiver,
                started_by=actor.user,
                via=Via.MAKELAAR if placed_as == PlacedAs.MAKELAAR else Via.WEBSITE,
                first_response_at=timezone.now(),
            )
            _post_to_thread(exchange, author=member, body=body)
            record_acting_for(actor, member=member, placed_as=placed_as, what=ActingWhat.RESPOND, obj=exchange)
            if listing.status == ListingStatus.OPEN:
                Listing.objects.filter(pk=listing.pk).update(status=ListingStatus.IN_CONTACT)
            notify(
                listing.owner,
                NotificationKind.RESPONSE,
                _("%(name)s reageerde op '%(title)s'.") % {"name": member.user.first_name, "title": listing.title},
                _url(exchange),
                about=member,
            )
    except IntegrityError:  # a double click racing the check above
        raise fail(None, _("U heeft al gereageerd. Kijk bij uw afspraken."), Code.ALREADY_RESPONDED) from None
    return exchange


def post_message(*, actor: Actor, exchange: Exchange, body: str, on_behalf_of: Membership | None = None) -> Model:
    author = party_for(actor, exchange, on_behalf_of)
    placed_as = acting_as(actor, author, Perm.RESPOND)
    text = clean_text(body, field="body", max_length=2000, multiline=True)
    _require_not_blocked(exchange.helper, exchange.receiver)
    with transaction.atomic():
        message = _post_to_thread(exchange, author=author, body=text)
        record_acting_for(actor, member=author, placed_as=placed_as, what=ActingWhat.MESSAGE, obj=exchange)
    return message


def agree_exchange(
    *,
    actor: Actor,
    exchange: Exchange,
    what: str,
    agreed_for: dt.datetime | None,
    hours: Decimal | None = None,
    on_behalf_of: Membership | None = None,
) -> Exchange:
    """One side confirms what and when. Changed terms need the other side's confirmation again; when both
    confirmed the same terms, the exchange is agreed."""
    party = party_for(actor, exchange, on_behalf_of)
    placed_as = acting_as(actor, party, Perm.RESPOND)
    _require_state(exchange, ExchangeStatus.PROPOSED, ExchangeStatus.AGREED)
    what = clean_text(what, field="what", max_length=200)
    if agreed_for is not None and timezone.is_naive(agreed_for):
        agreed_for = timezone.make_aware(agreed_for)  # a time without a zone is Dutch local time
    if agreed_for is not None and agreed_for < timezone.now() - dt.timedelta(hours=1):
        raise fail("agreed_for", _("Dit moment is al voorbij. Kies een moment in de toekomst."), Code.DATE_IN_PAST)
    if hours is not None and not (hours.is_finite() and Decimal("0.1") <= hours <= Decimal("24")):
        raise fail("hours", _("Geef een aantal uren tussen 0,1 en 24."), Code.INVALID_DURATION)
    now = timezone.now()
    changed = (what, agreed_for, hours) != (exchange.what, exchange.agreed_for, exchange.hours)
    with transaction.atomic():
        if changed:
            exchange.what, exchange.agreed_for, exchange.hours = what, agreed_for, hours
            exchange.helper_agreed_at = exchange.receiver_agreed_at = None
            exchange.status = ExchangeStatus.PROPOSED
        setattr(exchange, f"{exchange.party(party)}_agreed_at", now)
        if exchange.helper_agreed_at and exchange.receiver_agreed_at:
            exchange.status = ExchangeStatus.AGREED
            Listing.objects.filter(pk=exchange.listing_id, status__in=ACTIVE_LISTING_STATUSES).update(
                status=ListingStatus.AGREED
            )
            sync_listings(exchange.listing_id)
        exchange.save()
        record_acting_for(actor, member=party, placed_as=placed_as, what=ActingWhat.AGREE, obj=exchange)
        notify(
            _other(exchange, party),
            NotificationKind.EXCHANGE,
            _("%(name)s bevestigde de afspraak: %(what)s.") % {"name": party.user.first_name, "what": what},
            _url(exchange),
            about=party,
        )
    return exchange


def confirm_done(*, actor: Actor, exchange: Exchange, on_behalf_of: Membership | None = None) -> Exchange:
    """One side says it was done; with both, or after the wijk's objection period, the exchange is done."""
    party = party_for(actor, exchange, on_behalf_of)
    placed_as = acting_as(actor, party, Perm.RESPOND)
    _require_state(exchange, ExchangeStatus.AGREED)
    with transaction.atomic():
        setattr(exchange, f"{exchange.party(party)}_done_at", timezone.now())
        if exchange.helper_done_at and exchange.receiver_done_at:
            _mark_done(exchange)
        exchange.save()
        record_acting_for(actor, member=party, placed_as=placed_as, what=ActingWhat.DONE, obj=exchange)
        notify(
            _other(exchange, party),
            NotificationKind.EXCHANGE,
            _("%(name)s meldt dat '%(what)s' gedaan is. Klopt dat?")
            % {"name": party.user.first_name, "what": exchange.what},
            _url(exchange),
            about=party,
        )
    return exchange


def object_to_done(
    *, actor: Actor, exchange: Exchange, reason: str, on_behalf_of: Membership | None = None
) -> Exchange:
    """'Het is nog niet gedaan': the other side's confirmation is withdrawn, the exchange stays agreed."""
    party = party_for(actor, exchange, on_behalf_of)
    placed_as = acting_as(actor, party, Perm.RESPOND)
    _require_state(exchange, ExchangeStatus.AGREED)
    reason = clean_text(reason, field="reason", max_length=300)
    with transaction.atomic():
        other = _other(exchange, party)
        record_acting_for(actor, member=party, placed_as=placed_as, what=ActingWhat.OBJECT, obj=exchange)
        setattr(exchange, f"{exchange.party(other)}_done_at", None)
        exchange.save()
        _post_to_thread(exchange, author=party, body=_("Nog niet gedaan: %(reason)s") % {"reason": reason})
        notify(
            other,
            NotificationKind.EXCHANGE,
            _("%(name)s zegt: nog niet gedaan.") % {"name": party.user.first_name},
            _url(exchange),
            about=party,
        )
    return exchange


def _mark_done(exchange: Exchange) -> None:
    exchange.status = ExchangeStatus.DONE
    exchange.done_at = timezone.now()
    if (
        not Exchange.objects.filter(listing_id=exchange.listing_id, status__in=OPEN_EXCHANGE)
        .exclude(pk=exchange.pk)
        .exists()
    ):
        Listing.objects.filter(pk=exchange.listing_id).update(status=ListingStatus.DONE)
        sync_listings(exchange.listing_id)
    earn_points_for_exchange(exchange=exchange)  # the helper earns by the wijk's rule when points are on


def complete_unopposed_exchanges(*, wijk: Wijk, now=None) -> int:
    """Exchanges one side confirmed as done, without objection within the wijk's set number of days."""
    cutoff = (now or timezone.now()) - dt.timedelta(days=wijk.done_objection_days)
    one_side = (Q(helper_done_at__lte=cutoff) & Q(receiver_done_at__isnull=True)) | (
        Q(receiver_done_at__lte=cutoff) & Q(helper_done_at__isnull=True)
    )
    done = 0
    with transaction.atomic():
        for exchange in Exchange.objects.select_for_update().filter(one_side, status=ExchangeStatus.AGREED):
            _mark_done(exchange)
            exchange.save()
            done += 1
    return done


def cancel_exchange(
    *, actor: Actor, exchange: Exchange, reason: str, on_behalf_of: Membership | None = None
) -> Exchange:
    party = party_for(actor, exchange, on_behalf_of)
    placed_as = acting_as(actor, party, Perm.RESPOND)
    _require_state(exchange, *OPEN_EXCHANGE)
    reason = clean_text(reason, field="reason", max_length=300)
    with transaction.atomic():
        record_acting_for(actor, member=party, placed_as=placed_as, what=ActingWhat.CANCEL, obj=exchange)
        exchange.status = ExchangeStatus.CANCELLED
        exchange.cancelled_reason = reason
        exchange.save()
        still_open = Exchange.objects.filter(listing_id=exchange.listing_id, status__in=OPEN_EXCHANGE).exists()
        if not still_open:
            Listing.objects.filter(
                pk=exchange.listing_id, status__in=(ListingStatus.IN_CONTACT, ListingStatus.AGREED)
            ).update(status=ListingStatus.OPEN)
            sync_listings(exchange.listing_id)
        notify(
            _other(exchange, party),
            NotificationKind.EXCHANGE,
            _("%(name)s zegt de afspraak af: %(reason)s") % {"name": party.user.first_name, "reason": reason},
            _url(exchange),
            about=party,
        )
    return exchange


def thank(
    *, actor: Actor, exchange: Exchange, text: str, show_on_home: bool, on_behalf_of: Membership | None = None
) -> ThankYou:
    """A short thank-you after a done exchange; on the home page only if both members agree."""
    party = party_for(actor, exchange, on_behalf_of)
    placed_as = acting_as(actor, party, Perm.RESPOND)
    if exchange.status != ExchangeStatus.DONE:
        raise fail(None, _("Bedanken kan als de afspraak gedaan is."), Code.WRONG_STATE)
    text = clean_text(text, field="text", max_length=300, multiline=True)
    if ThankYou.objects.filter(exchange=exchange, author=party).exists():
        raise fail(None, _("U heeft al bedankt voor deze afspraak."), Code.DUPLICATE)
    with transaction.atomic():
        thank_you = ThankYou.objects.create(exchange=exchange, author=party, text=text, author_consents=show_on_home)
        record_acting_for(actor, member=party, placed_as=placed_as, what=ActingWhat.THANK, obj=exchange)
        notify(
            _other(exchange, party),
            NotificationKind.EXCHANGE,
            _("%(name)s bedankt u: %(text)s") % {"name": party.user.first_name, "text": text},
            _url(exchange),
            about=party,
        )
    return thank_you


def consent_to_thank_you(*, actor: Actor, thank_you: ThankYou, on_behalf_of: Membership | None = None) -> ThankYou:
    """The other member agrees that the thank-you may appear on the wijk's home page."""
    party = party_for(actor, thank_you.exchange, on_behalf_of)
    placed_as = acting_as(actor, party, Perm.RESPOND)
    if party.pk == thank_you.author_id:
        raise fail(None, _("Dit bedankje schreef u zelf."), Code.NOT_A_PARTY)
    with transaction.atomic():
        thank_you.other_consents = True
        thank_you.save(update_fields=["other_consents"])
        record_acting_for(
            actor, member=party, placed_as=placed_as, what=ActingWhat.CONSENT_THANKS, obj=thank_you.exchange
        )
    return thank_you
