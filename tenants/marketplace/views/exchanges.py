"""Exchanges (afspraken): the viewer's list, and one exchange with its message thread and every step: agree what and
when, confirm it was done or say it was not, cancel with a reason, thank, agree to the other's thank-you being shown,
block the other member. Each step is a POST to its own address and ends on the exchange page. The thread is the
chat's: the page shows it with the chat's exchange_messages tag, and reporting one of its messages is a chat view."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from wijkmarkt.platform.accounts.permissions import Perm, has_permission
from wijkmarkt.platform.forms import add_action_errors
from wijkmarkt.platform.pages import paginate
from wijkmarkt.tenants.marketplace.access import exchange_for, exchanges_of
from wijkmarkt.tenants.marketplace.actions.exchanges import (
    agree_exchange,
    cancel_exchange,
    confirm_done,
    consent_to_thank_you,
    object_to_done,
    post_message,
    thank,
)
from wijkmarkt.tenants.marketplace.actions.moderation import block_member
from wijkmarkt.tenants.marketplace.forms import AgreeForm, MessageForm, PartyForm, ReasonForm, ThankForm
from wijkmarkt.tenants.marketplace.models import Block, Exchange, ExchangeStatus
from wijkmarkt.tenants.marketplace.views import marketplace_page
from wijkmarkt.tenants.membership.access import acts_for
from wijkmarkt.tenants.membership.pages import refused, writes_paused


@marketplace_page
def exchange_list(request):
    exchanges = exchanges_of(request.actor).order_by("-created_at")
    return render(request, "marketplace/exchanges.html", {"page": paginate(request, exchanges)})


def sides_for(request, exchange: Exchange) -> list:
    """The sides of the exchange the viewer may speak for, their own side first."""
    user = request.actor.user
    sides = [
        member
        for member in (exchange.helper, exchange.receiver)
        if user is not None and (member.user_id == user.pk or acts_for(request.actor, member) is not None)
    ]
    sides.sort(key=lambda member: member.user_id != getattr(user, "pk", None))
    return sides


def side_choices(exchange: Exchange, sides) -> list[tuple[int, str]]:
    def role(member):
        return _("helpt") if member.pk == exchange.helper_id else _("wordt geholpen")

    return [(m.pk, f"{m.user.first_name} ({role(m)})") for m in sides]


class Steps:
    """The forms of an exchange page; the one whose POST failed comes back bound, with its errors."""

    FORMS = {
        "bericht": MessageForm,
        "afspreken": AgreeForm,
        "gedaan": PartyForm,
        "nog-niet-gedaan": ReasonForm,
        "afzeggen": ReasonForm,
        "bedanken": ThankForm,
        "blokkeren": PartyForm,
    }

    def __init__(self, exchange, choices, bound_verb=None, bound_form=None):
        self.exchange, self.choices = exchange, choices
        self.forms = {}
        for verb, form_class in self.FORMS.items():
            if verb == bound_verb:
                self.forms[verb] = bound_form
            elif verb == "afspreken":
                self.forms[verb] = AgreeForm(
                    sides=choices, initial=AgreeForm.initial_from(exchange), auto_id=f"{verb}_%s"
                )
            else:
                self.forms[verb] = form_class(sides=choices, auto_id=f"{verb}_%s")

    def __getitem__(self, verb):
        return self.forms[verb.replace("_", "-")]


def _page(request, exchange: Exchange, bound_verb=None, bound_form=None, status=200):
    sides = sides_for(request, exchange)
    moderator = has_permission(request.actor, Perm.MODERATE)
    thank_yous = list(exchange.thank_yous.select_related("author__user"))
    side_ids = {m.pk for m in sides}
    own = sides[0] if sides else None
    other = None
    if own is not None:
        other = exchange.receiver if own.pk == exchange.helper_id else exchange.helper
    context = {
        "exchange": exchange,
        "moderator": moderator,  # sees the messages the moderation hid (the chat's exchange_messages tag)
        "thank_yous": thank_yous,
        "forms": Steps(exchange, side_choices(exchange, sides), bound_verb, bound_form),
        "own": own,
        "other": other,
        "open": exchange.status in (ExchangeStatus.PROPOSED, ExchangeStatus.AGREED),
        "done_by_other": bool(other and getattr(exchange, f"{exchange.party(other)}_done_at")),
        "done_by_own": bool(own and getattr(exchange, f"{exchange.party(own)}_done_at")),
        "may_thank": exchange.status == ExchangeStatus.DONE and not any(t.author_id in side_ids for t in thank_yous),
        "to_consent": [t for t in thank_yous if t.author_id not in side_ids and not t.other_consents],
        "blocked": bool(own and other and Block.objects.filter(blocker=own, blocked=other).exists()),
        "writes_paused": writes_paused(request),
        "suspended": request.actor.suspended,
    }
    return render(request, "marketplace/exchange_detail.html", context, status=status)


@marketplace_page
def exchange_detail(request, exchange_id: int):
    return _page(request, exchange_for(request.actor, exchange_id))


def _on_behalf_of(request, exchange, form):
    chosen = form.on_behalf_of_id()
    for member in sides_for(request, exchange):
        if member.pk == chosen:
            return member
    return None


DONE_MESSAGES = {
    "bericht": gettext_lazy("Uw bericht is verstuurd."),
    "afspreken": gettext_lazy("Bevestigd. Als de ander dezelfde afspraak bevestigt, staat de afspraak vast."),
    "gedaan": gettext_lazy("Dank u. Als de ander het ook bevestigt, is de afspraak gedaan."),
    "nog-niet-gedaan": gettext_lazy("Doorgegeven: het is nog niet gedaan."),
    "afzeggen": gettext_lazy("De afspraak is afgezegd."),
    "bedanken": gettext_lazy("Uw bedankje is verstuurd."),
    "blokkeren": gettext_lazy("Geblokkeerd. U krijgt geen berichten meer van deze buur."),
}


def _run(verb, request, exchange, form, on_behalf_of):
    data, actor = form.cleaned_data, request.actor
    if verb == "bericht":
        post_message(actor=actor, exchange=exchange, body=data["body"], on_behalf_of=on_behalf_of)
    elif verb == "afspreken":
        agree_exchange(
            actor=actor,
            exchange=exchange,
            what=data["what"],
            agreed_for=form.agreed_for(),
            hours=data.get("hours"),
            on_behalf_of=on_behalf_of,
        )
    elif verb == "gedaan":
        confirm_done(actor=actor, exchange=exchange, on_behalf_of=on_behalf_of)
    elif verb == "nog-niet-gedaan":
        object_to_done(actor=actor, exchange=exchange, reason=data["reason"], on_behalf_of=on_behalf_of)
    elif verb == "afzeggen":
        cancel_exchange(actor=actor, exchange=exchange, reason=data["reason"], on_behalf_of=on_behalf_of)
    elif verb == "bedanken":
        thank(
            actor=actor,
            exchange=exchange,
            text=data["text"],
            show_on_home=bool(data.get("show_on_home")),
            on_behalf_of=on_behalf_of,
        )
    elif verb == "blokkeren":
        sides = sides_for(request, exchange)
        blocker = on_behalf_of or (sides[0] if sides else None)
        if blocker is None:
            raise Http404
        blocked = exchange.receiver if blocker.pk == exchange.helper_id else exchange.helper
        block_member(actor=actor, blocker=blocker, blocked=blocked)


@marketplace_page
@require_POST
def exchange_step(request, exchange_id: int, verb: str):
    if verb not in Steps.FORMS:
        raise Http404
    exchange = exchange_for(request.actor, exchange_id)
    if writes_paused(request):
        return refused(request)
    choices = side_choices(exchange, sides_for(request, exchange))
    form = Steps.FORMS[verb](request.POST, sides=choices, auto_id=f"{verb}_%s")
    if form.is_valid():
        try:
            _run(verb, request, exchange, form, _on_behalf_of(request, exchange, form))
        except ValidationError as error:
            add_action_errors(form, error, rename={"agreed_for": "agreed_on"})
        else:
            messages.success(request, DONE_MESSAGES[verb])
            return redirect("marketplace:exchange", exchange.pk)
    exchange.refresh_from_db()
    return _page(request, exchange, bound_verb=verb, bound_form=form)


@marketplace_page
@require_POST
def consent(request, exchange_id: int, thank_you_id: int):
    exchange = exchange_for(request.actor, exchange_id)
    thank_you = get_object_or_404(exchange.thank_yous, pk=thank_you_id)
    form = PartyForm(request.POST, sides=side_choices(exchange, sides_for(request, exchange)))
    form.is_valid()
    try:
        consent_to_thank_you(
            actor=request.actor, thank_you=thank_you, on_behalf_of=_on_behalf_of(request, exchange, form)
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Dank u. Het bedankje mag nu op de voorpagina."))
    return redirect("marketplace:exchange", exchange.pk)
