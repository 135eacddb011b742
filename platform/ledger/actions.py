"""Every write of the point ledger. One booking path (`_book`) for all kinds of transfer, one SQL statement each
(the function ledger_book, migration 0002):

1. insert the transfer with its idempotency key, `ON CONFLICT DO NOTHING`: a retry, or the same key racing in
   another transaction (which waits on the unique index until the first commits), gets the first transfer back;
2. update both balances in account-id order (every transfer locks its rows in the same order, so two transfers
   between the same accounts in opposite directions cannot deadlock); a member's balance below zero violates the
   check constraint, which undoes the statement and becomes NOT_ENOUGH_POINTS;
3. insert the two entries (minus and plus), so every transfer sums to zero.

One round trip instead of six: with eight clients the Python side and the round trips, not PostgreSQL, were what
held transfers back (tests/performance/bench_ledger.py, README).

The wijk apps call it and never the other way round: the marketplace books what a done exchange earns, in the same
transaction as the exchange, and the gifts members give (tenants/marketplace/actions/points.py, which decides who
may act for whom and finds a gift's recipient in the wijken). Gifts go from a member to a member of any wijk with
points on. Mistakes are undone by a compensating transfer, never by an edit. The ledger never reads a wijk's schema."""

import math
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils.translation import gettext as _

from wijkmarkt.platform.accounts.models import User
from wijkmarkt.platform.errors import collect, fail
from wijkmarkt.platform.ledger.errors import LedgerErrorCode as Code
from wijkmarkt.platform.ledger.models import Account, AccountKind, Transfer, TransferKind, Via
from wijkmarkt.platform.plaintext import clean_text, has_refused_characters
from wijkmarkt.platform.ratelimits import count_attempt
from wijkmarkt.platform.wijken.models import Wijk

MAX_GIFT = 10_000
MAX_KEY_LENGTH = 120


def _account(kind: str, *, user: User | None = None, wijk: Wijk | None = None) -> Account:
    """The account of a member or a wijk, opened on first use (two first uses at once open one)."""
    owner = {"user": user} if kind == AccountKind.MEMBER else {"wijk": wijk}
    found = Account.objects.filter(kind=kind, **owner).first()
    if found is not None:
        return found
    try:
        with transaction.atomic():
            return Account.objects.create(kind=kind, **owner)
    except IntegrityError:
        return Account.objects.get(kind=kind, **owner)


def member_account(user: User) -> Account:
    return _account(AccountKind.MEMBER, user=user)


def member_accounts(*users: User) -> list[Account]:
    """The accounts of these members in the order given, in one query when they exist (the usual case)."""
    found = {a.user_id: a for a in Account.objects.filter(kind=AccountKind.MEMBER, user__in=users)}
    return [found.get(user.pk) or member_account(user) for user in users]


def wijk_account(wijk: Wijk) -> Account:
    return _account(AccountKind.WIJK, wijk=wijk)


@dataclass(frozen=True)
class Booking:
    kind: str
    from_account: Account
    to_account: Account
    amount: int
    wijk: Wijk
    via: str
    booked_by: User | None = None
    to_wijk: Wijk | None = None
    exchange_id: int | None = None
    compensates: Transfer | None = None
    note: str = ""


_BOOK = "SELECT * FROM public.ledger_book(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"


def _same(transfer: Transfer, booking: Booking) -> bool:
    return (transfer.kind, transfer.from_account_id, transfer.to_account_id, transfer.amount) == (
        booking.kind,
        booking.from_account.pk,
        booking.to_account.pk,
        booking.amount,
    )


def _book(booking: Booking, key: str) -> Transfer:
    """Book once per key and return the transfer (the first one, on a retry). A key used before for another booking is an error.

    One statement, one round trip: the SQL function ledger_book (migration 0002) does the insert, both balance
    updates in account-id order and the two entries. On its own (autocommit) the statement is its own transaction;
    inside a caller's transaction (an exchange marked done) it runs in a savepoint, so a refusal leaves the caller's
    transaction usable."""
    _check_key(key)
    b = booking
    params = [
        key,
        b.kind,
        b.from_account.pk,
        b.to_account.pk,
        b.amount,
        b.wijk.pk,
        b.to_wijk.pk if b.to_wijk else None,
        b.exchange_id,
        b.booked_by.pk if b.booked_by else None,
        b.via,
        b.compensates.pk if b.compensates else None,
        b.note,
    ]
    try:
        with transaction.atomic() if connection.in_atomic_block else nullcontext():
            transfer = next(iter(Transfer.objects.raw(_BOOK, params)))
    except IntegrityError as error:
        if "ledger_member_balance_not_negative" in str(error):
            raise fail("amount", _("Zoveel punten heeft u niet."), Code.NOT_ENOUGH_POINTS) from None
        if "ledger_one_earning_per_exchange" in str(error) or "compensates_id" in str(error):
            raise fail(None, _("Dit is al geboekt."), Code.KEY_REUSED) from None
        raise
    if not _same(transfer, booking):
        raise key_used_before()
    return transfer


def _check_key(key: str) -> None:
    if not key or len(key) > MAX_KEY_LENGTH:
        raise fail(
            "idempotency_key", _("Een sleutel is 1 tot %(max)s tekens.") % {"max": MAX_KEY_LENGTH}, Code.KEY_REUSED
        )
    if has_refused_characters(key):  # a NUL would reach PostgreSQL, which refuses it as a fault
        raise fail(
            "idempotency_key",
            _("Hier staan onzichtbare of ongeldige tekens in. Typ de tekst opnieuw."),
            Code.INVALID_CHARACTERS,
        )


def key_used_before():
    return fail("idempotency_key", _("Deze sleutel is al gebruikt voor een andere overboeking."), Code.KEY_REUSED)


def require_points_on(wijk: Wijk, field: str | None = None, message: str | None = None) -> None:
    if not wijk.points_enabled:
        raise fail(field, message or _("Punten staan in deze wijk niet aan."), Code.POINTS_OFF)


def _amount(value) -> int:
    try:
        amount = int(value)
    except (TypeError, ValueError):
        raise fail("amount", _("Vul een heel aantal punten in, bijvoorbeeld 5."), Code.INVALID_AMOUNT) from None
    if isinstance(value, Decimal | float) and amount != value:
        raise fail("amount", _("Vul een heel aantal punten in, bijvoorbeeld 5."), Code.INVALID_AMOUNT)
    if not 1 <= amount <= MAX_GIFT:
        raise fail("amount", _("Geef tussen 1 en %(max)s punten.") % {"max": MAX_GIFT}, Code.INVALID_AMOUNT)
    return amount


def points_for_hours(wijk: Wijk, hours: Decimal | None) -> int:
    """The wijk's rule: points per agreed hour, rounded up; an exchange without agreed hours counts as one hour."""
    return max(1, math.ceil((hours if hours is not None else Decimal(1)) * wijk.points_per_hour))


def earn_points(
    *, wijk: Wijk, exchange_id: int, hours: Decimal | None, via: str, note: str, earner: Callable[[], User]
) -> Transfer | None:
    """The helper of a done exchange (`earner`, asked only when points are booked) earns points by the wijk's rule,
    when the wijk has points on; once per exchange. Called inside the transaction that marks the exchange done."""
    if not isinstance(wijk, Wijk) or not wijk.points_enabled:
        return None
    key = f"earned:{wijk.schema_name}:{exchange_id}"
    earned = Transfer.objects.filter(idempotency_key=key).first()
    if earned is not None:  # earned once; a rule changed since does not book it again
        return earned
    booking = Booking(
        kind=TransferKind.EARNED,
        from_account=wijk_account(wijk),
        to_account=member_account(earner()),
        amount=points_for_hours(wijk, hours),
        wijk=wijk,
        via=via,
        exchange_id=exchange_id,
        note=note[:200],
    )
    transfer = _book(booking, key)
    return transfer


def clean_recipient(*, email: str, name: str, wijk_slug: str) -> tuple[str, str, str]:
    """What was typed about the recipient, checked as text only (nothing is looked up yet)."""
    values = collect(
        {
            "email": lambda: clean_text(email, field="email", max_length=254, required=False).lower(),
            "name": lambda: clean_text(name, field="name", max_length=140, required=False),
            "wijk": lambda: clean_text(wijk_slug, field="wijk", max_length=63, required=False),
        }
    )
    if not values["email"] and not values["name"]:
        raise fail("email", _("Vul het e-mailadres in, of de naam en de wijk."), Code.REQUIRED)
    if not values["email"] and not values["wijk"]:
        raise fail("wijk", _("Kies een wijk met punten uit de lijst."), Code.REQUIRED)
    return values["email"], values["name"], values["wijk"]


def book_gift(
    *,
    giver: User,
    recipient: User,
    from_wijk: Wijk,
    to_wijk: Wijk,
    amount,
    key: str,
    booked_by: User | None,
    via: str,
    note: str = "",
) -> Transfer:
    """Points from one member to another, across wijken when both have points on. Retried with the same key, the
    first gift is returned and nothing is booked again."""
    require_points_on(from_wijk)
    require_points_on(to_wijk, "email", _("Punten staan in de wijk van de ontvanger niet aan."))
    amount = _amount(amount)
    note = clean_text(note, field="note", max_length=200, required=False)
    if giver.pk == recipient.pk:
        raise fail("email", _("U kunt geen punten aan uzelf geven."), Code.SELF_GIFT)
    from_account, to_account = member_accounts(giver, recipient)
    booking = Booking(
        kind=TransferKind.GIFT,
        from_account=from_account,
        to_account=to_account,
        amount=amount,
        wijk=from_wijk,
        to_wijk=to_wijk,
        via=via,
        booked_by=booked_by,
        note=note,
    )
    transfer = _book(booking, key)
    return transfer


@dataclass(frozen=True)
class Gift:
    """A gift checked and its recipient found, to be booked with book_gift."""

    recipient: User
    to_wijk: Wijk
    retry: bool  # the key was used before: booking it returns the first gift and books nothing


def prepare_gift(
    *,
    giver: User,
    attempt_by: User,
    amount,
    key: str,
    email: str,
    name: str,
    wijk_slug: str,
    note: str,
    find_recipient: Callable[..., tuple[User, Wijk]],
) -> Gift:
    """Everything about a gift before it is booked. The caller has settled that points are on and who acts for the
    giver; then, still before the recipient is looked up: what was typed, the attempt count (a limit per acting
    account) and the balance. Only then does `find_recipient(email=, name=, wijk_slug=)` look the recipient up, and
    every way of not finding exactly one gives the same answer. So a gift that cannot happen tells nothing about who
    lives where."""
    values = collect(
        {
            "recipient": lambda: clean_recipient(email=email, name=name, wijk_slug=wijk_slug),
            "amount": lambda: _amount(amount),
            "note": lambda: clean_text(note, field="note", max_length=200, required=False),
            "idempotency_key": lambda: _check_key(key),
        }
    )
    count_attempt("give_points", f"user:{attempt_by.pk}")
    retry = Transfer.objects.filter(idempotency_key=key).exists()
    balance = Account.objects.filter(kind=AccountKind.MEMBER, user=giver).values_list("balance", flat=True)
    if not retry and (balance.first() or 0) < values["amount"]:
        raise fail("amount", _("Zoveel punten heeft u niet."), Code.NOT_ENOUGH_POINTS)
    try:
        recipient, to_wijk = find_recipient(email=email, name=name, wijk_slug=wijk_slug)
    except ValidationError:
        if retry:  # a used key with another recipient, found or not: one answer, as for any other booking
            raise key_used_before() from None
        raise
    return Gift(recipient=recipient, to_wijk=to_wijk, retry=retry)


def compensate_transfer(*, transfer: Transfer, booked_by: User | None, key: str, note: str = "") -> Transfer:
    """Undo a transfer by booking it back (a coordinator's correction). Once per transfer; a member who already
    spent the points cannot be taken below zero (NOT_ENOUGH_POINTS)."""
    if Transfer.objects.filter(compensates=transfer).exists():
        raise fail(None, _("Deze overboeking is al teruggedraaid."), Code.ALREADY_COMPENSATED)
    booking = Booking(
        kind=TransferKind.COMPENSATION,
        from_account=transfer.to_account,
        to_account=transfer.from_account,
        amount=transfer.amount,
        wijk=transfer.wijk,
        to_wijk=transfer.to_wijk,
        via=Via.WEBSITE,
        booked_by=booked_by,
        compensates=transfer,
        note=clean_text(note, field="note", max_length=200, required=False),
    )
    compensation = _book(booking, key)
    return compensation
