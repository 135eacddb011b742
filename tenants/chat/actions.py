"""Writes of the chat: starting conversations, sending (idempotent by client id) and read markers. Every stored
message reaches the open sockets of its conversation after commit (platform.broadcast.message_stored), however it
was sent: socket, form, exchange page or GraphQL."""

import re
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils.translation import gettext as _

from wijkmarkt.platform.accounts.permissions import require_writes_open
from wijkmarkt.platform.broadcast import message_hidden, message_stored
from wijkmarkt.platform.plaintext import clean_text
from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.chat.access import conversation_for
from wijkmarkt.tenants.chat.models import ChatMessage, Conversation, Participant
from wijkmarkt.tenants.chat.selectors import frame_of
from wijkmarkt.tenants.marketplace.access import is_blocked_between
from wijkmarkt.tenants.marketplace.models import Exchange, Ring
from wijkmarkt.tenants.membership.models import Membership
from wijkmarkt.tenants.membership.selectors import actor_for

CLIENT_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
MAX_BODY = 2000
RATE_LIMIT = getattr(settings, "CHAT_MESSAGES_PER_MINUTE", 30)


def _require_may_write(member: Membership) -> None:
    """Chat checks membership, not a permission, so it asks the permission table's write rule itself: a paused wijk
    (in the schema's tenant, which the socket sets per frame) takes no message from a page, GraphQL or a socket.
    Read markers (mark_read) stay: they record what someone read, and reading goes on in a paused wijk."""
    require_writes_open(actor_for(member.user, member))
    if member.suspended_at is not None:
        raise PermissionDenied("suspended")


def start_direct_conversation(*, member: Membership, other: Membership) -> Conversation:
    """The one direct conversation of two members (created on first use)."""
    _require_may_write(member)
    if member.pk == other.pk:
        raise ValidationError(
            {"member_id": ValidationError(_("Een gesprek met uzelf kan niet."), code="invalid_choice")}
        )
    if is_blocked_between(member, other):
        raise ValidationError(
            {"member_id": ValidationError(_("U kunt geen contact hebben met deze buur."), code="blocked")}
        )
    existing = (
        Conversation.objects.filter(kind=Conversation.Kind.DIRECT, participants__member=member)
        .filter(participants__member=other)
        .first()
    )
    if existing is not None:
        return existing
    with transaction.atomic():
        conversation = Conversation.objects.create(kind=Conversation.Kind.DIRECT)
        Participant.objects.bulk_create([Participant(conversation=conversation, member=m) for m in (member, other)])
    return conversation


def buurtkamer() -> Conversation:
    conversation, _created = Conversation.objects.get_or_create(kind=Conversation.Kind.BUURTKAMER)
    return conversation


def inbox_of(member: Membership) -> Conversation:
    conversation, _created = Conversation.objects.get_or_create(kind=Conversation.Kind.INBOX, inbox_member=member)
    return conversation


def exchange_conversation(exchange: Exchange) -> Conversation:
    """The exchange's message thread, between its helper and receiver (created with the first message)."""
    conversation, created = Conversation.objects.get_or_create(kind=Conversation.Kind.EXCHANGE, exchange=exchange)
    if created:
        Participant.objects.bulk_create(
            [Participant(conversation=conversation, member_id=m) for m in (exchange.helper_id, exchange.receiver_id)]
        )
    return conversation


def ring_conversation(ring: Ring) -> Conversation:
    """The group talk of everyone in a multi-party swap, made when the ring is proposed."""
    conversation, created = Conversation.objects.get_or_create(kind=Conversation.Kind.RING, ring=ring)
    if created:
        members = {member_id for link in ring.links.all() for member_id in (link.giver_id, link.receiver_id)}
        Participant.objects.bulk_create([Participant(conversation=conversation, member_id=m) for m in sorted(members)])
    return conversation


def _store(conversation: Conversation, author: Membership, client_id: str, text: str) -> ChatMessage:
    message = ChatMessage.objects.create(conversation=conversation, author=author, client_id=client_id, body=text)
    if conversation.kind in (Conversation.Kind.BUURTKAMER, Conversation.Kind.INBOX):
        # Open rooms gain participants by writing (a makelaar answering the inbox, a neighbour in the buurtkamer);
        # the other kinds have theirs from the start, so the hot path skips the query.
        Participant.objects.get_or_create(conversation=conversation, member=author)
    frame, schema = frame_of(message), connection.schema_name
    transaction.on_commit(lambda: message_stored(schema, frame))
    return message


def post_to_thread(exchange: Exchange, *, author: Membership, body: str) -> ChatMessage:
    """A message in an exchange's thread, written by the marketplace's actions (which check who may act for whom
    and clean the text)."""
    with transaction.atomic():
        return _store(exchange_conversation(exchange), author, f"thread-{uuid.uuid4().hex}", body)


def hide_message(message: ChatMessage, *, at) -> None:
    """The moderation hid a reported message (the marketplace's report queue decides, in its transaction): kept for
    the moderators, taken away from open pages after commit."""
    ChatMessage.objects.filter(pk=message.pk).update(hidden_at=at)
    schema, conversation_id, message_id = connection.schema_name, message.conversation_id, message.pk
    transaction.on_commit(lambda: message_hidden(schema, conversation_id, message_id))


def _rate_limited(member: Membership) -> bool:
    key = f"chat-rate:{connection.schema_name}:{member.pk}"
    if cache.add(key, 1, 60):
        return False
    try:
        return cache.incr(key) > RATE_LIMIT
    except ValueError:  # expired between add and incr
        return False


def send_message(*, member: Membership, wijk: Wijk, conversation_id, client_id, body) -> tuple[ChatMessage, bool]:
    """Store a message once per (author, client id). Returns the message and whether it is new; a resent frame
    gets the stored message back, not a second one."""
    _require_may_write(member)
    if not isinstance(client_id, str) or not CLIENT_ID.fullmatch(client_id):
        raise ValidationError(
            _("Een bericht heeft een client-id van 1 tot 64 letters, cijfers, - of _."), code="invalid_client_id"
        )
    previous = ChatMessage.objects.filter(author=member, client_id=client_id).first()
    if previous is not None:
        if previous.conversation_id != conversation_id:
            raise ValidationError(_("Deze client-id is al gebruikt in een ander gesprek."), code="duplicate")
        return previous, False
    conversation = conversation_for(member, wijk, conversation_id)
    text = clean_text(body if isinstance(body, str) else "", field="body", max_length=MAX_BODY, multiline=True)
    if _rate_limited(member):
        raise ValidationError(_("U stuurt veel berichten achter elkaar. Wacht even."), code="rate_limited")
    try:
        with transaction.atomic():
            message = _store(conversation, member, client_id, text)
    except IntegrityError:  # the same frame, twice at once (two tabs of one account)
        return ChatMessage.objects.get(author=member, client_id=client_id), False
    return message, True


def mark_read(*, member: Membership, wijk: Wijk, conversation_id, message_id: int) -> int:
    conversation = conversation_for(member, wijk, conversation_id)
    if not isinstance(message_id, int) or message_id < 0:
        raise ValidationError(_("Geef het nummer van het laatst gelezen bericht."), code="invalid")
    with transaction.atomic():
        participant, _created = Participant.objects.get_or_create(conversation=conversation, member=member)
        if message_id > participant.last_read_id:
            participant.last_read_id = message_id
            participant.save(update_fields=["last_read_id"])
    return participant.last_read_id
