"""The citywide point ledger (public schema), off by default: a wijk turns it on (Wijk.points_enabled).

Double-entry: every Transfer has exactly two Entry rows, one taking the amount from an account and one giving it to
another, so the entries of a transfer sum to zero and so do all entries together. Accounts belong to a member (by
citywide User, so points move between wijken) or to a wijk: a wijk's account issues the points its residents earn
and is the only kind that may go below zero (its balance is minus what it issued). A member's balance can never go
negative: a check constraint, and updates under row locks taken in account-id order (actions.py).

Nothing here is ever edited or deleted: a mistake is undone by a compensating transfer. Public tables never point
into wijk schemas: an earned transfer names its exchange by (wijk, exchange id).

Models hold fields and constraints only; every write is in actions.py."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wijkmarkt.platform.wijken.models import Wijk


class AccountKind(models.TextChoices):
    MEMBER = "member", _("Lid")
    WIJK = "wijk", _("Wijk")


class Account(models.Model):
    kind = models.CharField(max_length=6, choices=AccountKind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="point_accounts"
    )
    wijk = models.ForeignKey(Wijk, null=True, blank=True, on_delete=models.PROTECT, related_name="point_accounts")
    balance = models.BigIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("puntenrekening")
        verbose_name_plural = _("puntenrekeningen")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind=AccountKind.MEMBER, user__isnull=False, wijk__isnull=True)
                    | Q(kind=AccountKind.WIJK, wijk__isnull=False, user__isnull=True)
                ),
                name="ledger_account_owner_matches_kind",
            ),
            models.UniqueConstraint(fields=["user"], condition=Q(kind=AccountKind.MEMBER), name="ledger_one_per_user"),
            models.UniqueConstraint(fields=["wijk"], condition=Q(kind=AccountKind.WIJK), name="ledger_one_per_wijk"),
            models.CheckConstraint(
                condition=Q(balance__gte=0) | Q(kind=AccountKind.WIJK), name="ledger_member_balance_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.user_id or self.wijk_id}"


class TransferKind(models.TextChoices):
    EARNED = "earned", _("Verdiend met hulp")
    GIFT = "gift", _("Geschonken")
    COMPENSATION = "compensation", _("Correctie")


class Via(models.TextChoices):
    WEBSITE = "website", _("via de website")
    MAKELAAR = "makelaar", _("via de sociaal makelaar")
    AUTOMATIC = "automatic", _("automatisch")


class Transfer(models.Model):
    # The caller's key: a retry with the same key returns the first transfer instead of booking again.
    idempotency_key = models.CharField(max_length=120, unique=True)
    kind = models.CharField(max_length=12, choices=TransferKind.choices)
    from_account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="+")
    to_account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="+")
    amount = models.PositiveIntegerField()
    wijk = models.ForeignKey(Wijk, on_delete=models.PROTECT, related_name="+", help_text="Where it was booked.")
    to_wijk = models.ForeignKey(
        Wijk, null=True, blank=True, on_delete=models.PROTECT, related_name="+", help_text="A gift's recipient's wijk."
    )
    exchange_id = models.PositiveBigIntegerField(null=True, blank=True, help_text="The exchange in `wijk`'s schema.")
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Who booked it; empty when automatic.",
    )
    via = models.CharField(max_length=10, choices=Via.choices)
    compensates = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="compensated_by"
    )
    note = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("overboeking")
        verbose_name_plural = _("overboekingen")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="ledger_transfer_amount_positive"),
            models.CheckConstraint(
                condition=~Q(from_account=models.F("to_account")), name="ledger_transfer_two_accounts"
            ),
            models.CheckConstraint(condition=Q(kind__in=TransferKind.values), name="ledger_transfer_kind_valid"),
            models.CheckConstraint(condition=Q(via__in=Via.values), name="ledger_transfer_via_valid"),
            # One done exchange earns once, whatever the key.
            models.UniqueConstraint(
                fields=["wijk", "exchange_id"], condition=Q(kind="earned"), name="ledger_one_earning_per_exchange"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.amount} ({self.idempotency_key})"


class Entry(models.Model):
    """One side of a transfer: minus on the account it comes from, plus on the account it goes to."""

    transfer = models.ForeignKey(Transfer, on_delete=models.PROTECT, related_name="entries")
    account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="entries")
    amount = models.BigIntegerField()

    class Meta:
        verbose_name = _("boeking")
        verbose_name_plural = _("boekingen")
        constraints = [models.CheckConstraint(condition=~Q(amount=0), name="ledger_entry_not_zero")]
        indexes = [models.Index(fields=["account", "-transfer"], name="ledger_entry_account_newest")]
