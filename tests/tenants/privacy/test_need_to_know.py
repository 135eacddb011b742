"""The export follows the same need-to-know as the pages: whoever reported a worry or a neighbour learns what they
wrote and that it was handled, never what the makelaar or the moderation wrote or decided, nor whom the makelaar
linked the worry to. The resident a worry is about never reads the makelaar's outcome either."""

import json

from django_tenants.utils import tenant_context

from tests.builders.clients import client_for, gql
from tests.builders.makelaar import signal_by
from tests.builders.marketplace import actor_of
from wijkmarkt.tenants.makelaar.actions.signals import close_signal, link_signal_to_resident, take_up_signal
from wijkmarkt.tenants.marketplace.actions.moderation import handle_report, report

FOLLOW_UP = "Ik bel haar dochter Ingrid morgen."
OUTCOME = "Gesproken met dochter Ingrid: Riet krijgt nu thuiszorg."
MODERATION_REASON = "Riet schold in drie berichten buren uit; geschorst."


def _handled_worry_linked_to_riet(riets, parkwijk):
    """Bram worries about "de buurvrouw met de kat"; the makelaar finds out it is Riet, follows up and closes."""
    with tenant_context(parkwijk):
        signal = signal_by(riets.bram, about="De buurvrouw met de kat", worry="Ze lijkt de weg kwijt.")
        makelaar = actor_of(riets.makelaar)
        link_signal_to_resident(actor=makelaar, signal=signal, member=riets.riet)
        take_up_signal(actor=makelaar, signal=signal, follow_up=FOLLOW_UP)
        close_signal(actor=makelaar, signal=signal, outcome=OUTCOME)
        return signal


def _part(data, key):
    return next(part for part in data["onderdelen"] if part["onderdeel"] == key)


def _page_download_and_api(user) -> list[tuple[str, dict | str]]:
    """The three ways out: the Mijn gegevens page, the JSON download and GraphQL myData."""
    client = client_for("parkwijk", user)
    page = client.get("/mijn-gegevens/").content.decode()
    download = json.loads(client.get("/mijn-gegevens/download/").content)
    api = json.loads(gql("parkwijk", "{ myData }", user=user).json()["data"]["myData"])
    return [("page", page), ("download", download), ("api", api)]


def test_the_reporter_of_a_worry_learns_that_it_was_handled_and_nothing_the_makelaar_wrote_or_linked(riets, parkwijk):
    signal = _handled_worry_linked_to_riet(riets, parkwijk)
    for way, export in _page_download_and_api(riets.bram.user):
        text = export if way == "page" else json.dumps(export, ensure_ascii=False)
        assert OUTCOME not in text and FOLLOW_UP not in text, way
        if way == "page":
            continue
        rows = [row for row in _part(export, "makelaar.Signal.reporter")["rijen"] if row["id"] == signal.pk]
        assert rows == [
            {
                "id": signal.pk,
                "about": "De buurvrouw met de kat",
                "worry": "Ze lijkt de weg kwijt.",
                "reporter": "Bram",
                "reporter_role": "resident",
                "status": "Afgehandeld",
                "created_at": rows[0]["created_at"],
            }
        ], way


def test_the_resident_a_worry_is_about_never_reads_the_makelaars_follow_up_or_outcome(riets, parkwijk):
    signal = _handled_worry_linked_to_riet(riets, parkwijk)
    for way, export in _page_download_and_api(riets.riet.user):
        text = export if way == "page" else json.dumps(export, ensure_ascii=False)
        assert OUTCOME not in text and FOLLOW_UP not in text and "Ze lijkt de weg kwijt" not in text, way
        if way != "page":
            row = next(row for row in _part(export, "makelaar.Signal.about_member")["rijen"] if row["id"] == signal.pk)
            assert set(row) == {"id", "status", "created_at", "closed_at"} and row["status"] == "Afgehandeld"


def test_the_reporter_of_a_neighbour_learns_that_the_moderation_handled_it_not_what_it_decided(riets, parkwijk):
    with tenant_context(parkwijk):
        made = report(actor=actor_of(riets.bram), reporter=riets.bram, member=riets.riet, reason="Ze scheldt.")
        handle_report(
            actor=actor_of(riets.makelaar),
            moderator=riets.makelaar,
            report=made,
            outcome="suspended",
            reason=MODERATION_REASON,
        )
    for way, export in _page_download_and_api(riets.bram.user):
        text = export if way == "page" else json.dumps(export, ensure_ascii=False)
        assert MODERATION_REASON not in text and "Geschorst" not in text, way
        if way != "page":
            row = _part(export, "marketplace.Report.reporter")["rijen"][0]
            assert (row["reason"], row["member"], row["outcome"]) == ("Ze scheldt.", "Riet", "Afgehandeld")
            assert not {"handled_by", "handled_reason", "handled_at"} & set(row)
