"""Reads of the point ledger: a member's statement, a wijk's totals, and the invariants the check command reports.
The ledger is public-schema data; names of the people on the other side of a transfer are first names only."""

from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, Q, Sum

from wijkmarkt.platform.accounts.models import User
from wijkmarkt.platform.ledger.models import Account, AccountKind, Entry, Transfer, TransferKind
from wijkmarkt.platform.wijken.models import Wijk

STATEMENT_LENGTH = 50


@dataclass(frozen=True)
class StatementLine:
    transfer: Transfer
    amount: int  # plus for points received, minus for points given
    other: str  # who or what is on the other side, in words


@dataclass(frozen=True)
class Statement:
    balance: int
    lines: list[StatementLine]


def _other_side(transfer: Transfer, mine: int) -> str:
    """ "Parkwijk" for points earned there, "Anna (Centrum)" for a gift to or from Anna, who is in Centrum."""
    receiving = transfer.to_account_id == mine
    other = transfer.from_account if receiving else transfer.to_account
    # The constraint ledger_account_owner_matches_kind: a wijk's account has its wijk, a member's its user.
    if other.kind == AccountKind.WIJK:
        assert other.wijk is not None
        return other.wijk.name
    assert other.user is not None
    wijk = transfer.wijk if receiving else (transfer.to_wijk or transfer.wijk)
    return f"{other.user.first_name} ({wijk.name})"


def statement(user: User, *, limit: int = STATEMENT_LENGTH) -> Statement:
    """The member's balance and their latest transfers, newest first (one query for the lines)."""
    account = Account.objects.filter(kind=AccountKind.MEMBER, user=user).first()
    if account is None:
        return Statement(balance=0, lines=[])
    entries = (
        Entry.objects.filter(account=account)
        .select_related(
            "transfer__from_account__user",
            "transfer__from_account__wijk",
            "transfer__to_account__user",
            "transfer__to_account__wijk",
            "transfer__wijk",
            "transfer__to_wijk",
        )
        .order_by("-transfer_id")[:limit]
    )
    lines = [
        StatementLine(transfer=e.transfer, amount=e.amount, other=_other_side(e.transfer, account.pk)) for e in entries
    ]
    return Statement(balance=account.balance, lines=lines)


@dataclass(frozen=True)
class WijkTotals:
    earned: int  # points earned with help in this wijk
    exchanges: int  # done exchanges that earned them
    gifts_out: int  # points given by members from this wijk's site
    gifts_in: int  # points given to members in this wijk (from any wijk)
    in_circulation: int  # issued by this wijk and not compensated: minus the wijk account's balance


def wijk_totals(wijk: Wijk) -> WijkTotals:
    earned = Transfer.objects.filter(wijk=wijk, kind=TransferKind.EARNED).aggregate(
        total=Sum("amount", default=0), count=Count("id")
    )
    gifts = Transfer.objects.filter(kind=TransferKind.GIFT).aggregate(
        out=Sum("amount", filter=Q(wijk=wijk), default=0), into=Sum("amount", filter=Q(to_wijk=wijk), default=0)
    )
    account = Account.objects.filter(kind=AccountKind.WIJK, wijk=wijk).first()
    return WijkTotals(
        earned=earned["total"],
        exchanges=earned["count"],
        gifts_out=gifts["out"],
        gifts_in=gifts["into"],
        in_circulation=-account.balance if account else 0,
    )


def ledger_problems() -> list[str]:
    """Everything that breaks the ledger's invariants, in words; empty when the books are right. In SQL, so it scales
    with the ledger rather than with Python loops: the sum of all balances is zero, no member is below zero, every
    transfer has two entries that sum to zero and match its amount, and every balance equals its entries."""
    checks = {
        "de som van alle saldi is niet nul: {}": "SELECT COALESCE(SUM(balance), 0) FROM public.ledger_account "
        "HAVING COALESCE(SUM(balance), 0) <> 0",
        "rekening van een lid onder nul: {}": "SELECT id FROM public.ledger_account WHERE kind = 'member' AND balance < 0",
        "overboeking niet in evenwicht: {}": """
            SELECT t.id FROM public.ledger_transfer t LEFT JOIN public.ledger_entry e ON e.transfer_id = t.id
            GROUP BY t.id, t.amount, t.from_account_id, t.to_account_id
            HAVING COUNT(e.id) <> 2 OR COALESCE(SUM(e.amount), 1) <> 0
                OR COALESCE(SUM(e.amount) FILTER (WHERE e.account_id = t.to_account_id), 0) <> t.amount
                OR COALESCE(SUM(e.amount) FILTER (WHERE e.account_id = t.from_account_id), 0) <> -t.amount""",
        "saldo klopt niet met de boekingen: {}": """
            SELECT a.id FROM public.ledger_account a LEFT JOIN public.ledger_entry e ON e.account_id = a.id
            GROUP BY a.id, a.balance HAVING a.balance <> COALESCE(SUM(e.amount), 0)""",
    }
    problems = []
    with connection.cursor() as cursor:
        for message, sql in checks.items():
            cursor.execute(sql)
            rows = [str(row[0]) for row in cursor.fetchall()]
            if rows:
                problems.append(message.format(", ".join(rows[:20])))
    return problems
