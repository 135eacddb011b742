"""One booking, one round trip: `ledger_book(...)` inserts the transfer under its idempotency key, moves both
balances in account-id order and writes the two entries, and returns the transfer (the new one, or the one booked
before under that key). actions._book calls it; see there and tests/performance/bench_ledger.py for why."""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION public.ledger_book(
    p_key text, p_kind text, p_from bigint, p_to bigint, p_amount integer, p_wijk bigint, p_to_wijk bigint,
    p_exchange bigint, p_booked_by bigint, p_via text, p_compensates bigint, p_note text
) RETURNS SETOF public.ledger_transfer LANGUAGE plpgsql AS $$
DECLARE
    new_id bigint;
BEGIN
    -- A second transaction with the same key waits here on the unique index until the first one ends.
    INSERT INTO public.ledger_transfer (idempotency_key, kind, from_account_id, to_account_id, amount, wijk_id,
        to_wijk_id, exchange_id, booked_by_id, via, compensates_id, note, created_at)
    VALUES (p_key, p_kind, p_from, p_to, p_amount, p_wijk, p_to_wijk, p_exchange, p_booked_by, p_via, p_compensates,
        p_note, now())
    ON CONFLICT (idempotency_key) DO NOTHING
    RETURNING id INTO new_id;
    IF new_id IS NULL THEN
        RETURN QUERY SELECT * FROM public.ledger_transfer WHERE idempotency_key = p_key;
        RETURN;
    END IF;
    -- Row locks always in account-id order, so opposite transfers between two accounts cannot deadlock; a member
    -- going below zero violates ledger_member_balance_not_negative and undoes the whole statement.
    IF p_from < p_to THEN
        UPDATE public.ledger_account SET balance = balance - p_amount WHERE id = p_from;
        UPDATE public.ledger_account SET balance = balance + p_amount WHERE id = p_to;
    ELSE
        UPDATE public.ledger_account SET balance = balance + p_amount WHERE id = p_to;
        UPDATE public.ledger_account SET balance = balance - p_amount WHERE id = p_from;
    END IF;
    INSERT INTO public.ledger_entry (transfer_id, account_id, amount)
    VALUES (new_id, p_from, -p_amount), (new_id, p_to, p_amount);
    RETURN QUERY SELECT * FROM public.ledger_transfer WHERE id = new_id;
END;
$$;
"""

DROP = """DROP FUNCTION IF EXISTS public.ledger_book(text, text, bigint, bigint, integer, bigint, bigint, bigint,
    bigint, text, bigint, text);"""


class Migration(migrations.Migration):
    dependencies = [("ledger", "0001_initial")]

    operations = [migrations.RunSQL(CREATE, DROP)]
