"""The chat pages of a wijk site: the member's conversations with unread counts, one conversation with its history
and a send form that works without JavaScript (chat.js makes it live over the socket), and starting a conversation
with a neighbour, the buurtkamer or the makelaar inbox.

Members of the wijk only. Access is decided by tenants/chat/access.py and the actions; a conversation that is not
the viewer's, or does not exist here, is a plain 404. Views never write except through actions.py."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Max, Prefetch
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wijkmarkt.platform.accounts.models import Role
from wijkmarkt.platform.forms import add_action_errors
from wijkmarkt.platform.pages import paginate
from wijkmarkt.platform.wijken.models import Module
from wijkmarkt.tenants.chat.access import conversation_for, conversations_of
from wijkmarkt.tenants.chat.actions import buurtkamer, inbox_of, mark_read, send_message, start_direct_conversation
from wijkmarkt.tenants.chat.forms import MessageForm
from wijkmarkt.tenants.chat.models import ChatMessage, Conversation, Participant
from wijkmarkt.tenants.chat.selectors import blocked_by, exchange_thread, messages_after, unread_counts
from wijkmarkt.tenants.marketplace.access import exchange_for
from wijkmarkt.tenants.marketplace.actions.moderation import report
from wijkmarkt.tenants.membership.models import Membership
from wijkmarkt.tenants.membership.pages import me, module_page, report_page, writes_paused
from wijkmarkt.tenants.membership.selectors import neighbours

HISTORY = 50  # messages on the page; older ones are not shown (no paging yet)


# Members of this wijk only: a relative acting as proxy has no conversations of their own.
chat_page = module_page(Module.CHAT, may_enter=lambda request: request.actor.is_member and me(request) is not None)


def title_of(conversation: Conversation, member: Membership) -> str:
    """How the viewer recognises a conversation: the other neighbour, the buurtkamer, or the makelaar inbox (for a
    makelaar: whose question it is). Needs participants and inbox_member prefetched (see _with_people)."""
    if conversation.kind == Conversation.Kind.BUURTKAMER:
        return _("Buurtkamer")
    if conversation.kind == Conversation.Kind.INBOX:
        if conversation.inbox_member_id == member.pk:
            return _("Vraag aan de sociaal makelaar")
        return _("Vraag van %(name)s") % {"name": conversation.inbox_member.user.first_name}
    if conversation.kind == Conversation.Kind.EXCHANGE:
        return _("Afspraak: %(title)s") % {"title": conversation.exchange.listing.title}
    others = [p.member.user.first_name for p in conversation.participants.all() if p.member_id != member.pk]
    if conversation.kind == Conversation.Kind.RING:
        return _("Ruil met %(names)s") % {"names": ", ".join(others)}
    return _("Gesprek met %(names)s") % {"names": ", ".join(others)} if others else _("Gesprek")


def _with_people(conversations):
    return conversations.select_related("inbox_member__user", "exchange__listing").prefetch_related(
        Prefetch("participants", queryset=Participant.objects.select_related("member__user").order_by("id"))
    )


@chat_page
@require_GET
def conversation_list(request):
    member, wijk = me(request), request.tenant
    ids = list(conversations_of(member, wijk).values_list("pk", flat=True))
    # Newest first: by the last message, and a conversation without messages by when it was started.
    conversations = list(
        _with_people(Conversation.objects.filter(pk__in=ids))
        .annotate(last_at=Max("messages__created_at"))
        .order_by(Coalesce("last_at", "created_at").desc(), "-pk")
    )
    counts = unread_counts(member, wijk)
    rows = [
        {"conversation": c, "title": title_of(c, member), "unread": counts.get(c.pk, 0), "last_at": c.last_at}
        for c in conversations
    ]
    context = {
        "rows": rows,
        "buurtkamer_on": wijk.has_module(Module.BUURTKAMER),
        "is_makelaar": member.role == Role.MAKELAAR,
    }
    return render(request, "chat/list.html", context)


def _history(conversation: Conversation, member: Membership) -> tuple[list[dict], bool]:
    """The last HISTORY messages, oldest first, as the same frames the socket sends (chat.js draws those), without
    the messages of members the viewer blocked. Returns them and whether older ones exist."""
    newest = list(
        ChatMessage.objects.filter(conversation=conversation, hidden_at__isnull=True)
        .exclude(author_id__in=blocked_by(member))
        .order_by("-id")
        .values_list("id", flat=True)[: HISTORY + 1]
    )
    older = len(newest) > HISTORY
    after_id = newest[HISTORY - 1] - 1 if older else 0
    frames = messages_after(conversation, after_id, member)[-HISTORY:]
    for frame in frames:
        frame["at"] = parse_datetime(frame["at"])  # the template formats a datetime, chat.js the ISO text
    return frames, older


def _read_mark(history: list[dict], member: Membership, read_by: list[dict]) -> dict | None:
    """Under the viewer's newest own message that someone else has read: its id and who read that far."""
    furthest = max((reader["last_read_id"] for reader in read_by), default=0)
    own = [frame["id"] for frame in history if frame["author"]["id"] == member.pk and frame["id"] <= furthest]
    if not own:
        return None
    readers = sorted((r for r in read_by if r["last_read_id"] >= own[-1]), key=lambda r: -r["last_read_id"])
    return {"id": own[-1], "names": [reader["first_name"] for reader in readers]}


def _conversation_page(request, conversation: Conversation, form: MessageForm | None = None):
    member, wijk = me(request), request.tenant
    buurtkamer_page = conversation.kind == Conversation.Kind.BUURTKAMER
    # The buurtkamer's participants are most of the wijk, and it shows no read marks: its people are not loaded.
    people = Conversation.objects.filter(pk=conversation.pk)
    conversation = (people.select_related("inbox_member__user") if buurtkamer_page else _with_people(people)).get()
    history, older = _history(conversation, member)
    if history:
        mark_read(member=member, wijk=wijk, conversation_id=conversation.pk, message_id=history[-1]["id"])
    # How far each other participant has read, for the "gelezen" mark under the viewer's own messages.
    read_by = (
        []
        if buurtkamer_page
        else [
            {"member_id": p.member_id, "first_name": p.member.user.first_name, "last_read_id": p.last_read_id}
            for p in conversation.participants.all()
            if p.member_id != member.pk
        ]
    )
    context = {
        "conversation": conversation,
        "title": title_of(conversation, member),
        "history": history,
        "older": older,
        "last_id": history[-1]["id"] if history else 0,
        "member": member,
        "read_by": read_by,
        "read_mark": _read_mark(history, member, read_by),
        "form": form or MessageForm(),
        "suspended": request.actor.suspended,
        "writes_paused": writes_paused(request),
    }
    return render(request, "chat/conversation.html", context)  # errors re-render with 200, like the other pages


@chat_page
@never_cache  # the hidden client id must be fresh each time; a cached form would resend an old one
@require_http_methods(["GET", "POST"])
def conversation_detail(request, conversation_id: int):
    member, wijk = me(request), request.tenant
    conversation = conversation_for(member, wijk, conversation_id)
    if request.method == "GET":
        return _conversation_page(request, conversation)
    form = MessageForm(request.POST)
    if form.is_valid():
        try:
            message, created = send_message(
                member=member,
                wijk=wijk,
                conversation_id=conversation.pk,
                client_id=form.cleaned_data["client_id"],
                body=form.cleaned_data["body"],
            )
        except ValidationError as error:
            # The form has one field: errors about the whole message (rate limit, a reused id) go next to it too.
            if hasattr(error, "error_dict"):
                add_action_errors(form, error)
            else:
                form.add_error("body", error)
        else:
            if created:
                messages.success(request, _("Uw bericht is verstuurd."))
            return redirect(f"{request.path}#bericht-{message.pk}")
    return _conversation_page(request, conversation, form=form)


@chat_page
@require_http_methods(["GET", "POST"])
def report_message(request, conversation_id: int, message_id: int):
    """Report a message of someone else in one's own conversation to the wijk's moderation queue."""
    member = me(request)
    conversation = conversation_for(member, request.tenant, conversation_id)
    message = get_object_or_404(
        ChatMessage.objects.filter(conversation=conversation, hidden_at__isnull=True)
        .exclude(author=member)
        .select_related("author__user"),
        pk=message_id,
    )
    what = _("Bericht van %(name)s") % {"name": message.author.user.first_name}
    back = reverse("chat:conversation", args=[conversation.pk])
    return report_page(request, report, target={"message": message}, what=what, back_url=back, quote=message.body)


@module_page(Module.MARKETPLACE)
@require_http_methods(["GET", "POST"])
def report_exchange_message(request, exchange_id: int, message_id: int):
    """Report a message in an exchange's thread from the exchange's page (the marketplace's, with its address and
    its access: the parties and whoever may act for them) to the wijk's moderation queue."""
    exchange = exchange_for(request.actor, exchange_id)
    message = get_object_or_404(exchange_thread(exchange), pk=message_id)
    what = _("Bericht van %(name)s") % {"name": message.author.user.first_name}
    back = reverse("marketplace:exchange", args=[exchange.pk])
    return report_page(request, report, target={"message": message}, what=what, back_url=back, quote=message.body)


@chat_page
@require_GET
def start_buurtkamer(request):
    if not request.tenant.has_module(Module.BUURTKAMER):
        raise Http404
    return redirect("chat:conversation", buurtkamer().pk)


@chat_page
@require_GET
def start_inbox(request):
    """Any member asks the wijk's makelaars; their one inbox conversation is made on first use."""
    return redirect("chat:conversation", inbox_of(me(request)).pk)


def _neighbour_choice(request, error: str = ""):
    page = paginate(request, neighbours().exclude(pk=me(request).pk))
    return render(request, "chat/new.html", {"page": page, "error": error})


@chat_page
@require_GET
def choose_neighbour(request):
    return _neighbour_choice(request)


@chat_page
@require_POST
def start_direct(request, membership_id: int):
    other = get_object_or_404(neighbours(), pk=membership_id)
    try:
        conversation = start_direct_conversation(member=me(request), other=other)
    except ValidationError as error:
        return _neighbour_choice(request, error=" ".join(error.messages))
    return redirect("chat:conversation", conversation.pk)
