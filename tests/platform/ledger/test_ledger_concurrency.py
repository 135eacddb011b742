"""Many threads at once, each on its own database connection, on committed data (as real requests are): earnings,
gifts inside Parkwijk and across to Centrum in both directions (opposite lock orders if taken naively), gifts that
would overdraw, and retries of the same idempotency key from several threads. Afterwards the invariant check passes,
no balance is below zero, every key was booked at most once, and each balance equals what the successful transfers
say. The rows are committed, so the test removes what it made (ledger rows, its users) and turns points off again."""

import random
import threading
from collections import Counter

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection, connections

from wijkmarkt.platform.accounts.actions import create_account
from wijkmarkt.platform.ledger.actions import Booking, _book, book_gift, member_account, wijk_account
from wijkmarkt.platform.ledger.models import Account, Entry, Transfer, TransferKind, Via
from wijkmarkt.platform.wijken.models import Wijk

THREADS = 12
ROUNDS = 40
START = 20


@pytest.fixture
def committed_city(django_db_setup, django_db_blocker):
    """Eight members (four per wijk) with START earned points each, Parkwijk and Centrum with points on; all
    committed, removed afterwards."""
    with django_db_blocker.unblock():
        both = Wijk.objects.filter(schema_name__in=["parkwijk", "centrum"])
        points_before = dict(both.values_list("pk", "points_enabled"))
        both.update(points_enabled=True)
        wijken = {w.schema_name: w for w in both.all()}
        users = [
            create_account(email=f"draad{n}@example.nl", first_name=f"Draad{n}", password="x" * 12) for n in range(8)
        ]
        homes = {u.pk: wijken["parkwijk" if n < 4 else "centrum"] for n, u in enumerate(users)}
        for user in users:
            wijk = homes[user.pk]
            _book(
                Booking(
                    kind=TransferKind.EARNED,
                    from_account=wijk_account(wijk),
                    to_account=member_account(user),
                    amount=START,
                    wijk=wijk,
                    via=Via.AUTOMATIC,
                ),
                f"start:{user.pk}",
            )
        try:
            yield users, homes
        finally:
            accounts = list(Account.objects.filter(user__in=users).values_list("pk", flat=True))
            transfers = Transfer.objects.filter(from_account__in=accounts) | Transfer.objects.filter(
                to_account__in=accounts
            )
            transfer_ids = list(transfers.values_list("pk", flat=True))
            Entry.objects.filter(transfer__in=transfer_ids).delete()
            Transfer.objects.filter(compensates__in=transfer_ids).update(compensates=None)
            Transfer.objects.filter(pk__in=transfer_ids).delete()
            Account.objects.filter(pk__in=accounts).delete()
            with (
                connection.cursor() as cursor
            ):  # raw: the ORM's cascade would look for memberships in the public schema
                cursor.execute("DELETE FROM public.accounts_user WHERE id = ANY(%s)", [[u.pk for u in users]])
            with connection.cursor() as cursor:  # the wijk accounts issued the start points: balances follow entries
                cursor.execute(
                    "UPDATE public.ledger_account a SET balance = (SELECT COALESCE(SUM(e.amount), 0) FROM "
                    "public.ledger_entry e WHERE e.account_id = a.id) WHERE a.kind = 'wijk'"
                )
            for pk, enabled in points_before.items():
                Wijk.objects.filter(pk=pk).update(points_enabled=enabled)
            connection.set_schema_to_public()


def test_concurrent_transfers_keep_the_books_right_and_apply_nothing_twice(committed_city, django_db_blocker):
    users, homes = committed_city
    plan = []  # (key, giver, recipient, amount): some keys appear several times, from different threads
    rng = random.Random(7)
    for n in range(THREADS * ROUNDS):
        giver, recipient = rng.sample(users, 2)
        plan.append((f"gift:{n}", giver, recipient, rng.randint(1, 9)))
    retried = plan[::10]
    work = [plan[t::THREADS] + [retried[(t + k) % len(retried)] for k in range(5)] for t in range(THREADS)]
    outcomes: list[tuple[str, str, int | None]] = []
    lock = threading.Lock()
    barrier = threading.Barrier(THREADS)

    def client(batch):
        try:
            barrier.wait()
            for key, giver, recipient, amount in batch:
                try:
                    transfer = book_gift(
                        giver=giver,
                        recipient=recipient,
                        from_wijk=homes[giver.pk],
                        to_wijk=homes[recipient.pk],
                        amount=amount,
                        key=key,
                        booked_by=giver,
                        via=Via.WEBSITE,
                    )
                    result = ("ok", key, transfer.pk)
                except ValidationError as error:
                    result = (
                        error.error_dict["amount"][0].code if hasattr(error, "error_dict") else "other",
                        key,
                        None,
                    )
                with lock:
                    outcomes.append(result)
        finally:
            connections.close_all()

    with django_db_blocker.unblock():
        threads = [threading.Thread(target=client, args=(batch,)) for batch in work]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        kinds = Counter(result for result, _key, _pk in outcomes)
        assert set(kinds) <= {"ok", "not_enough_points"}, kinds
        assert kinds["ok"] > THREADS * ROUNDS // 2 and kinds["not_enough_points"] > 0  # both paths really ran

        # Every key was booked once, and every thread that retried a key got that same transfer back.
        booked = Transfer.objects.filter(idempotency_key__startswith="gift:", kind="gift")
        keys = Counter(booked.values_list("idempotency_key", flat=True))
        assert max(keys.values()) == 1
        by_key = dict(booked.values_list("idempotency_key", "pk"))
        assert all(pk == by_key[key] for result, key, pk in outcomes if result == "ok")

        # Each balance is its start plus what the booked gifts say; nobody below zero; the check command agrees.
        expected = {u.pk: START for u in users}
        for giver_id, recipient_id, amount in booked.values_list("from_account__user", "to_account__user", "amount"):
            expected[giver_id] -= amount
            expected[recipient_id] += amount
        balances = dict(Account.objects.filter(user__in=users).values_list("user", "balance"))
        assert balances == expected and min(balances.values()) >= 0
        assert sum(balances.values()) == START * len(users)
        assert any(
            homes[t.from_account.user_id] != homes[t.to_account.user_id]
            for t in booked.select_related("from_account", "to_account")
        )  # cross-wijk gifts were among them
        call_command("check_ledger", stdout=open("/dev/null", "w"))  # noqa: SIM115
