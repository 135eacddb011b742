"""Multi-party swaps (meerhoeksruil): a ring of three or more members in which each helps the next. Proposed by a
participant or the makelaar, confirmed part by part, and then linked exchanges."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkmarkt.platform.accounts.permissions import Actor, Perm, has_permission, require_writes_open
from wijkmarkt.platform.plaintext import clean_text
from wijkmarkt.tenants.marketplace.access import is_blocked_between
from wijkmarkt.tenants.marketplace.actions.notifications import notify
from wijkmarkt.tenants.marketplace.errors import MarketplaceErrorCode as Code
from wijkmarkt.tenants.marketplace.errors import fail
from wijkmarkt.tenants.marketplace.models import (
    ACTIVE_LISTING_STATUSES,
    Block,
    Exchange,
    ExchangeStatus,
    Listing,
    ListingKind,
    ListingStatus,
    NotificationKind,
    Ring,
    RingLink,
    Via,
)
from wijkmarkt.tenants.marketplace.signals import ring_proposed
from wijkmarkt.tenants.membership.access import acting_as, members_actor_may_act_for
from wijkmarkt.tenants.membership.actions.acting_for import record_acting_for
from wijkmarkt.tenants.membership.models import ActingWhat, Membership

MIN_RING, MAX_RING = 3, 6


@dataclass(frozen=True)
class LinkInput:
    """`giver_id` helps the owner of `request_id`, optionally with their offer `offer_id`."""

    request_id: int
    giver_id: int
    offer_id: int | None = None


def _active(listing_id, kind) -> Listing:
    listing = (
        Listing.objects.select_related("owner__user")
        .filter(
            pk=listing_id,
            kind=kind,
            status__in=ACTIVE_LISTING_STATUSES,
            hidden_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
        .first()
    )
    if listing is None:
        raise fail("links", _("Een van de vragen of aanbiedingen in deze ruil is niet (meer) open."), Code.RING_INVALID)
    return listing


def _require_proposed(ring: Ring) -> None:
    if ring.status == Ring.Status.CONFIRMED:
        raise fail(None, _("Iedereen doet al mee aan deze ruil."), Code.WRONG_STATE)
    if ring.status == Ring.Status.CANCELLED:
        raise fail(None, _("Deze ruil gaat niet meer door."), Code.WRONG_STATE)


def propose_ring(*, actor: Actor, links: list[LinkInput]) -> Ring:
    require_writes_open(actor)  # the makelaar's path below does not pass acting_as
    if not MIN_RING <= len(links) <= MAX_RING:
        raise fail("links", _("Een ruil met meer buren heeft 3 tot 6 deelnemers."), Code.RING_INVALID)
    givers = {
        m.pk: m for m in Membership.objects.select_related("user").filter(pk__in=[link.giver_id for link in links])
    }
    if len(givers) != len({link.giver_id for link in links}):
        raise fail("links", _("Een van de deelnemers is geen lid van deze wijk."), Code.UNKNOWN_MEMBER)
    requests = [_active(link.request_id, ListingKind.REQUEST) for link in links]
    offers = [_active(link.offer_id, ListingKind.OFFER) if link.offer_id else None for link in links]
    receivers = [request.owner for request in requests]
    if len({r.pk for r in receivers}) != len(links):
        raise fail("links", _("Iedere deelnemer komt één keer voor in de ring."), Code.RING_INVALID)
    for index, link in enumerate(links):
        giver = givers[link.giver_id]
        # Each helps the next: the giver of a step is the receiver of the step before.
        if giver.pk != receivers[index - 1].pk or giver.pk == receivers[index].pk:
            raise fail("links", _("Deze deelnemers vormen geen ring: ieder helpt de volgende."), Code.RING_INVALID)
        if offers[index] is not None and offers[index].owner_id != giver.pk:
            raise fail("links", _("Een aanbod in de ruil hoort niet bij wie helpt."), Code.RING_INVALID)
        if giver.suspended_at or is_blocked_between(giver, receivers[index]):
            raise fail("links", _("Een van de deelnemers kan niet meedoen aan deze ruil."), Code.BLOCKED)
    participants = list(givers.values())
    # The makelaar may propose any ring: it is a proposal, and each part is confirmed by (or with consent for) its
    # giver. Anyone else proposes as a participant, or for one they may act for.
    makelaar = has_permission(actor, Perm.ACT_FOR_RESIDENTS)
    if not makelaar:
        own = [m for m in participants if actor.user is not None and m.user_id == actor.user.pk]
        speaking_for = own or list(members_actor_may_act_for(actor).filter(pk__in=[m.pk for m in participants]))
        if not speaking_for:
            raise PermissionDenied("ring")
        acting_as(actor, speaking_for[0], Perm.PROPOSE_RING)
    ids = [member.pk for member in participants]
    # Everyone in a ring meets everyone: a block between any two of them rules the ring out.
    if Block.objects.filter(blocker_id__in=ids, blocked_id__in=ids).exists():
        raise fail("links", _("Een van de deelnemers kan niet meedoen aan deze ruil."), Code.BLOCKED)
    taken = RingLink.objects.filter(request_id__in=[r.pk for r in requests], ring__status=Ring.Status.PROPOSED)
    if taken.exists():
        raise fail("links", _("Een van deze vragen zit al in een andere voorgestelde ruil."), Code.RING_INVALID)
    already = Q()
    for index, link in enumerate(links):
        already |= Q(listing_id=requests[index].pk, helper_id=link.giver_id, receiver_id=receivers[index].pk)
    if Exchange.objects.filter(already, status__in=(ExchangeStatus.PROPOSED, ExchangeStatus.AGREED)).exists():
        raise fail("links", _("Twee van deze buren hebben hierover al een afspraak lopen."), Code.RING_INVALID)
    with transaction.atomic():
        ring = Ring.objects.create(proposed_by=actor.user, via=Via.MAKELAAR if makelaar else Via.WEBSITE)
        RingLink.objects.bulk_create(
            RingLink(
                ring=ring,
                position=i,
                giver=givers[link.giver_id],
                receiver=receivers[i],
                request=requests[i],
                offer=offers[i],
            )
            for i, link in enumerate(links)
        )
        ring_proposed.send(sender=Ring, ring=ring)  # the chat opens the ring's group talk in this transaction
        for member in participants:
            notify(
                member,
                NotificationKind.RING,
                _("U bent gevraagd voor een ruil met %(n)s buren. Doet u mee?") % {"n": len(links)},
                f"/ruilen/{ring.pk}/",
            )
    return ring


def confirm_ring_part(*, actor: Actor, ring: Ring, member: Membership) -> Ring:
    """`member` confirms the step in which they help; when every step is confirmed the ring becomes exchanges."""
    placed_as = acting_as(actor, member, Perm.RESPOND)
    _require_proposed(ring)
    with transaction.atomic():
        links = list(RingLink.objects.select_for_update().filter(ring=ring).select_related("request"))
        mine = [link for link in links if link.giver_id == member.pk]
        if not mine:
            raise fail(None, _("U doet niet mee aan deze ruil."), Code.NOT_A_PARTY)
        record_acting_for(actor, member=member, placed_as=placed_as, what=ActingWhat.RING, obj=ring)
        now = timezone.now()
        RingLink.objects.filter(pk__in=[link.pk for link in mine]).update(confirmed_at=now)
        if all(link.confirmed_at or link in mine for link in links):
            for link in links:  # still open since the proposal: not withdrawn, expired or hidden
                _active(link.request_id, ListingKind.REQUEST)
            ring.status = Ring.Status.CONFIRMED
            ring.save(update_fields=["status"])
            try:
                with transaction.atomic():
                    Exchange.objects.bulk_create(
                        Exchange(
                            listing=link.request,
                            helper_id=link.giver_id,
                            receiver_id=link.receiver_id,
                            ring=ring,
                            started_by=ring.proposed_by,
                            via=ring.via,
                            first_response_at=now,
                        )
                        for link in links
                    )
            except IntegrityError:  # two of them started an exchange on this request since the proposal
                raise fail(
                    None, _("Twee van deze buren hebben hierover al een afspraak lopen."), Code.RING_INVALID
                ) from None
            Listing.objects.filter(pk__in=[link.request_id for link in links], status=ListingStatus.OPEN).update(
                status=ListingStatus.IN_CONTACT
            )
    return ring


def decline_ring(*, actor: Actor, ring: Ring, member: Membership, reason: str) -> Ring:
    placed_as = acting_as(actor, member, Perm.RESPOND)
    _require_proposed(ring)
    if not ring.links.filter(giver=member).exists():
        raise fail(None, _("U doet niet mee aan deze ruil."), Code.NOT_A_PARTY)
    reason = clean_text(reason, field="reason", max_length=300)
    with transaction.atomic():
        ring.status = Ring.Status.CANCELLED
        ring.save(update_fields=["status"])
        record_acting_for(actor, member=member, placed_as=placed_as, what=ActingWhat.RING, obj=ring)
        for link in ring.links.select_related("giver__user").exclude(giver=member):
            notify(
                link.giver,
                NotificationKind.RING,
                _("De ruil gaat niet door: %(reason)s") % {"reason": reason},
                f"/ruilen/{ring.pk}/",
                about=member,
            )
    return ring
