"""Multi-party swaps (ruilen met meer buren): the candidate rings the finder sees, a ring proposed by hand (requests
in order; who helps follows from the order), and one ring with confirm or decline per participant."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wijkmarkt.platform.accounts.permissions import Perm, has_permission
from wijkmarkt.platform.forms import add_action_errors
from wijkmarkt.platform.pages import paginate
from wijkmarkt.tenants.marketplace import selectors
from wijkmarkt.tenants.marketplace.access import exchanges_of
from wijkmarkt.tenants.marketplace.actions.rings import LinkInput, confirm_ring_part, decline_ring, propose_ring
from wijkmarkt.tenants.marketplace.forms import RingDeclineForm, RingForm
from wijkmarkt.tenants.marketplace.models import ListingKind, Ring, RingLink
from wijkmarkt.tenants.marketplace.rings import candidate_rings
from wijkmarkt.tenants.marketplace.views import marketplace_page
from wijkmarkt.tenants.membership.access import NotFound, acts_for, is_proxy_of
from wijkmarkt.tenants.membership.pages import me, refused, writes_paused

CHOICES_LIMIT = 400  # a select longer than this helps nobody; the finder and search cover larger wijken


def _speaks_for(request, member) -> bool:
    user = request.actor.user
    return user is not None and (member.user_id == user.pk or is_proxy_of(user, member))


def rings_visible(request):
    """Rings the viewer takes part in or acts for as active proxy; a makelaar sees the wijk's rings. Having proposed
    one grants nothing once the right to speak for its members has ended."""
    rings = Ring.objects.all()
    if has_permission(request.actor, Perm.ACT_FOR_RESIDENTS):
        return rings
    user = request.actor.user
    mine = Q(links__giver__user=user) | Q(links__receiver__user=user)
    as_proxy = Q(links__giver__proxies__user=user, links__giver__proxies__revoked_at__isnull=True)
    return rings.filter(mine | as_proxy).distinct()


def ring_for(request, ring_id: int) -> Ring:
    ring = rings_visible(request).filter(pk=ring_id).first()
    if ring is None:
        raise NotFound
    return ring


@marketplace_page
def ring_list(request):
    makelaar = has_permission(request.actor, Perm.ACT_FOR_RESIDENTS)
    own = me(request)
    if makelaar:
        candidates = candidate_rings(limit=10)
    elif own is not None and not request.actor.suspended:
        candidates = candidate_rings(limit=5, involving=own)
    else:
        candidates = []
    rings = rings_visible(request).order_by("-created_at").prefetch_related("links__giver__user")
    return render(
        request,
        "marketplace/rings.html",
        {"page": paginate(request, rings), "candidates": candidates, "makelaar": makelaar},
    )


def _label(listing) -> str:
    return f"{listing.title} — {listing.owner.user.first_name} ({listing.category.name})"


def _ring_form(request, data=None, initial=None):
    listings = selectors.open_listings(request.actor).order_by("category__position", "title")
    requests = [(x.pk, _label(x)) for x in listings.filter(kind=ListingKind.REQUEST)[:CHOICES_LIMIT]]
    offers = [(x.pk, _label(x)) for x in listings.filter(kind=ListingKind.OFFER)[:CHOICES_LIMIT]]
    return RingForm(data, initial=initial, requests=requests, offers=offers)


def links_from(request, chosen: list[tuple[int, int | None]]) -> list[LinkInput]:
    """Each helps the next: the owner of the previous request helps with this one (the first is helped by the
    owner of the last). Requests the viewer cannot see count as closed."""
    owners = dict(
        selectors.open_listings(request.actor)
        .filter(pk__in=[request_id for request_id, _offer in chosen], kind=ListingKind.REQUEST)
        .values_list("pk", "owner_id")
    )
    if len(owners) != len(chosen):
        raise ValidationError(_("Een van de vragen in deze ruil is niet (meer) open."), code="ring_invalid")
    return [
        LinkInput(request_id=request_id, giver_id=owners[chosen[index - 1][0]], offer_id=offer_id)
        for index, (request_id, offer_id) in enumerate(chosen)
    ]


@marketplace_page
@require_http_methods(["GET", "POST"])
def ring_new(request):
    if writes_paused(request) or request.actor.suspended:
        return refused(request)
    if request.method == "GET":
        return render(request, "marketplace/ring_form.html", {"form": _ring_form(request, initial=request.GET.dict())})
    form = _ring_form(request, request.POST)
    if form.is_valid():
        try:
            ring = propose_ring(actor=request.actor, links=links_from(request, form.chosen()))
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("De ruil is voorgesteld. Iedere deelnemer krijgt een bericht."))
            return redirect("marketplace:ring", ring.pk)
    return render(request, "marketplace/ring_form.html", {"form": form})


def _page(request, ring: Ring, decline_forms=None):
    links = list(ring.links.select_related("giver__user", "receiver__user", "request__category", "offer"))
    decline_forms = decline_forms or {}
    user_id = getattr(request.actor.user, "pk", None)
    steps = []
    for link in links:
        # The one rule (access.acts_for): a makelaar answers only for a giver whose consent is on record.
        may_answer = ring.status == Ring.Status.PROPOSED and (
            link.giver.user_id == user_id or acts_for(request.actor, link.giver) is not None
        )
        form = decline_forms.get(link.pk) or RingDeclineForm(auto_id=f"afwijzen_{link.pk}_%s")
        steps.append(
            {
                "link": link,
                "may_answer": may_answer and not request.actor.suspended,
                "decline_form": form,
                "for_other": not _speaks_for(request, link.giver),
            }
        )
    exchanges = exchanges_of(request.actor).filter(ring=ring) if ring.status == Ring.Status.CONFIRMED else []
    in_ring = any(user_id in (link.giver.user_id, link.receiver.user_id) for link in links)
    # The ring's group talk (the chat's conversation_of tag) is for the people in it; a makelaar who proposed it reads
    # along through them, not here.
    context = {"ring": ring, "steps": steps, "exchanges": exchanges, "in_ring": in_ring}
    return render(request, "marketplace/ring_detail.html", context)


@marketplace_page
def ring_detail(request, ring_id: int):
    return _page(request, ring_for(request, ring_id))


def _link(ring: Ring, link_id) -> RingLink:
    link = ring.links.select_related("giver__user").filter(pk=link_id).first()
    if link is None:
        raise NotFound
    return link


@marketplace_page
@require_POST
def ring_confirm(request, ring_id: int, link_id: int):
    ring = ring_for(request, ring_id)
    link = _link(ring, link_id)
    try:
        confirm_ring_part(actor=request.actor, ring=ring, member=link.giver)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        ring.refresh_from_db()
        messages.success(
            request,
            _("Iedereen doet mee: de afspraken staan klaar.")
            if ring.status == Ring.Status.CONFIRMED
            else _("Bevestigd. Zodra iedereen bevestigt, gaat de ruil door."),
        )
    return redirect("marketplace:ring", ring.pk)


@marketplace_page
@require_POST
def ring_decline(request, ring_id: int, link_id: int):
    ring = ring_for(request, ring_id)
    link = _link(ring, link_id)
    form = RingDeclineForm(request.POST, auto_id=f"afwijzen_{link.pk}_%s")
    if form.is_valid():
        try:
            decline_ring(actor=request.actor, ring=ring, member=link.giver, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("U doet niet mee. De anderen krijgen bericht."))
            return redirect("marketplace:ring", ring.pk)
    return _page(request, ring, decline_forms={link.pk: form})
