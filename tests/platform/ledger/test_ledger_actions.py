"""The point ledger: a done exchange earns the helper points by the wijk's rule (once), points go to a member of
any wijk with points on (earn in Parkwijk, give to your mother in Centrum), a wijk with points off neither earns nor
gives, nobody goes below zero, a retry with the same key books nothing twice, mistakes are compensated, not edited."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import connection
from django_tenants.utils import tenant_context

from tests.builders.ledger import done_exchange
from tests.builders.marketplace import consents_to_makelaar
from wijkmarkt.platform.ledger.actions import book_gift, compensate_transfer, member_account
from wijkmarkt.platform.ledger.models import Account, Transfer, TransferKind, Via
from wijkmarkt.platform.ledger.selectors import ledger_problems, statement, wijk_totals
from wijkmarkt.tenants.marketplace.actions.points import earn_points_for_exchange, find_recipient, give_points
from wijkmarkt.tenants.membership.selectors import actor_for


def balance(member) -> int:
    return statement(member.user).balance


def gift(points, giver, recipient_email, amount, key="k1", **extra):
    wijk = points["parkwijk"]
    with tenant_context(wijk):
        return give_points(
            actor=actor_for(giver.user), giver=giver, wijk=wijk, amount=amount, key=key, email=recipient_email, **extra
        )


def test_a_done_exchange_earns_the_helper_points_per_hour(points):
    exchange = done_exchange(points["parkwijk"], points["anna"], points["bram"], hours="1.5")
    assert balance(points["bram"]) == 3 and balance(points["anna"]) == 0  # 1.5 h x 2 per hour
    earned = Transfer.objects.get(kind=TransferKind.EARNED)
    assert (earned.exchange_id, earned.wijk, earned.via, earned.booked_by) == (
        exchange.pk,
        points["parkwijk"],
        Via.WEBSITE,
        None,
    )
    totals = wijk_totals(points["parkwijk"])
    assert (totals.earned, totals.exchanges, totals.in_circulation) == (3, 1, 3)


def test_an_exchange_earns_once_however_often_it_is_booked(points):
    exchange = done_exchange(points["parkwijk"], points["anna"], points["bram"], hours=None)
    with tenant_context(points["parkwijk"]):
        again = earn_points_for_exchange(exchange=exchange)
    assert again == Transfer.objects.get() and balance(points["bram"]) == 2  # one hour assumed


def test_a_wijk_with_points_off_earns_nothing(points):
    kees, other = points["kees"], None
    from tests.builders.members import make_member

    other = make_member(points["slachthuisbuurt"], "Joop")
    done_exchange(points["slachthuisbuurt"], other, kees)
    assert not Transfer.objects.exists() and not Account.objects.exists()


def test_earn_in_parkwijk_and_give_to_your_mother_in_centrum(points):
    done_exchange(points["parkwijk"], points["anna"], points["bram"], hours="3")  # Bram earns 6
    transfer = gift(points, points["bram"], "MIEN@example.nl", 4, note="Voor mama")
    assert (balance(points["bram"]), balance(points["mien"])) == (2, 4)
    assert (transfer.wijk, transfer.to_wijk, transfer.booked_by, transfer.via) == (
        points["parkwijk"],
        points["centrum"],
        points["bram"].user,
        Via.WEBSITE,
    )
    lines = statement(points["mien"].user).lines
    assert [(line.amount, line.other) for line in lines] == [(4, "Bram (Parkwijk)")]
    assert [(line.amount, line.other) for line in statement(points["bram"].user).lines] == [
        (-4, "Mien (Centrum)"),
        (6, "Parkwijk"),
    ]
    assert wijk_totals(points["centrum"]).gifts_in == 4 and wijk_totals(points["parkwijk"]).gifts_out == 4


def test_a_retry_with_the_same_key_books_nothing_twice(points):
    done_exchange(points["parkwijk"], points["anna"], points["bram"], hours="3")
    first = gift(points, points["bram"], "mien@example.nl", 4, key="bram-gift-1")
    again = gift(points, points["bram"], "mien@example.nl", 4, key="bram-gift-1")
    assert first == again and balance(points["mien"]) == 4 and Transfer.objects.filter(kind="gift").count() == 1


def test_a_key_used_for_another_transfer_is_refused(points):
    done_exchange(points["parkwijk"], points["anna"], points["bram"], hours="3")
    gift(points, points["bram"], "mien@example.nl", 4, key="bram-gift-1")
    with pytest.raises(ValidationError) as refused:
        gift(points, points["bram"], "mien@example.nl", 5, key="bram-gift-1")
    assert refused.value.error_dict["idempotency_key"][0].code == "key_reused"
    assert balance(points["mien"]) == 4


def test_nobody_gives_more_than_they_have(points):
    done_exchange(points["parkwijk"], points["anna"], points["bram"], hours="1")  # 2 points
    with pytest.raises(ValidationError) as refused:
        gift(points, points["bram"], "mien@example.nl", 3)
    assert refused.value.error_dict["amount"][0].messages == ["Zoveel punten heeft u niet."]
    assert (balance(points["bram"]), balance(points["mien"])) == (2, 0)


def test_the_check_constraint_refuses_a_negative_member_balance_even_without_the_action(points):
    from django.db import IntegrityError, transaction

    account = member_account(points["anna"].user)
    with pytest.raises(IntegrityError), transaction.atomic():
        Account.objects.filter(pk=account.pk).update(balance=-1)


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        (0, "Geef tussen 1 en 10000 punten."),
        (-5, "Geef tussen 1 en 10000 punten."),
        ("veel", "Vul een heel aantal"),
        (10**12, "Geef tussen 1 en 10000 punten."),
        ("2.5", "Vul een heel aantal"),
    ],
)
def test_bad_amounts_are_refused_in_dutch(points, amount, message):
    with pytest.raises(ValidationError) as refused:
        gift(points, points["bram"], "mien@example.nl", amount)
    assert message in refused.value.error_dict["amount"][0].messages[0]
    assert not Transfer.objects.exists()


def test_a_recipient_by_name_and_wijk(points):
    assert find_recipient(name="mien", wijk_slug="centrum") == (points["mien"].user, points["centrum"])
    assert find_recipient(email="MIEN@example.nl") == (points["mien"].user, points["centrum"])


def test_a_wijk_with_points_off_gives_nothing(points):
    wijk = points["slachthuisbuurt"]
    with tenant_context(wijk), pytest.raises(ValidationError) as refused:
        give_points(
            actor=actor_for(points["kees"].user),
            giver=points["kees"],
            wijk=wijk,
            amount=1,
            key="x",
            email="anna@example.nl",
        )
    assert refused.value.messages == ["Punten staan in deze wijk niet aan."]


def test_no_gift_to_oneself(points):
    done_exchange(points["parkwijk"], points["anna"], points["bram"], hours="1")
    with pytest.raises(ValidationError) as refused:
        gift(points, points["bram"], "bram@example.nl", 1)
    assert refused.value.error_dict["email"][0].code == "self_gift"


def test_the_makelaar_gives_for_a_resident_and_it_says_so(points):
    done_exchange(points["parkwijk"], points["anna"], points["bram"], hours="1")
    wijk = points["parkwijk"]
    with tenant_context(wijk):
        consents_to_makelaar(points["fatima"], points["bram"])
        transfer = give_points(
            actor=actor_for(points["fatima"].user),
            giver=points["bram"],
            wijk=wijk,
            amount=1,
            key="m1",
            email="mien@example.nl",
        )
    assert (transfer.booked_by, transfer.via, transfer.from_account.user) == (
        points["fatima"].user,
        Via.MAKELAAR,
        points["bram"].user,
    )


def test_a_neighbour_cannot_give_away_someone_elses_points(points):
    from django.core.exceptions import PermissionDenied

    done_exchange(points["parkwijk"], points["anna"], points["bram"], hours="1")
    wijk = points["parkwijk"]
    with tenant_context(wijk), pytest.raises(PermissionDenied):
        give_points(
            actor=actor_for(points["anna"].user),
            giver=points["bram"],
            wijk=wijk,
            amount=1,
            key="x",
            email="mien@example.nl",
        )
    assert balance(points["bram"]) == 2


def test_a_mistake_is_compensated_once_not_edited(points):
    done_exchange(points["parkwijk"], points["anna"], points["bram"], hours="3")
    wrong = gift(points, points["bram"], "mien@example.nl", 5)
    back = compensate_transfer(transfer=wrong, booked_by=points["fatima"].user, key="undo-1", note="Verkeerd bedrag")
    assert (balance(points["bram"]), balance(points["mien"])) == (6, 0)
    assert back.compensates == wrong and Transfer.objects.count() == 3
    with pytest.raises(ValidationError) as refused:
        compensate_transfer(transfer=wrong, booked_by=None, key="undo-2")
    assert refused.value.messages == ["Deze overboeking is al teruggedraaid."]


def test_the_check_command_reports_a_broken_ledger(points):
    done_exchange(points["parkwijk"], points["anna"], points["bram"], hours="1")
    assert ledger_problems() == []
    with connection.cursor() as cursor:
        cursor.execute("UPDATE public.ledger_account SET balance = balance + 1 WHERE kind = 'member'")
    with pytest.raises(CommandError) as broken:
        call_command("check_ledger")
    assert "de som van alle saldi is niet nul" in str(broken.value)
    assert "saldo klopt niet met de boekingen" in str(broken.value)
    with connection.cursor() as cursor:  # put it right, so the check after this test passes
        cursor.execute("UPDATE public.ledger_account SET balance = balance - 1 WHERE kind = 'member'")


def test_book_gift_refuses_a_recipient_wijk_with_points_off(points):
    with pytest.raises(ValidationError) as refused:
        book_gift(
            giver=points["anna"].user,
            recipient=points["kees"].user,
            from_wijk=points["parkwijk"],
            to_wijk=points["slachthuisbuurt"],
            amount=1,
            key="x",
            booked_by=None,
            via=Via.WEBSITE,
        )
    assert refused.value.error_dict["email"][0].code == "points_off"
