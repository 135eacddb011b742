"""Erasure leaves nothing identifying in the wijk: neighbours' notifications that named the member lose their
text, the log-in attempt log forgets her e-mail, IP address and browser, and for a member of two wijken every row
this wijk kept by her account (signals she reported, requests she sent) moves to an unusable Oud-lid account, so
the makelaar no longer sees her name, while the other wijk keeps everything."""

import datetime as dt

from axes.models import AccessAttempt, AccessLog
from django.apps import apps
from django.conf import settings
from django.utils import timezone
from django_tenants.utils import tenant_context

from tests.builders.care import provider_in
from tests.builders.clients import client_for, gql
from tests.builders.makelaar import signal_by
from tests.builders.marketplace import actor_of, post
from tests.builders.members import PASSWORD, make_member
from wijkmarkt.graphql.core.ids import to_global_id
from wijkmarkt.platform.accounts.models import Role, User
from wijkmarkt.tenants.care.actions import send_help_request
from wijkmarkt.tenants.marketplace.actions.exchanges import agree_exchange, respond_to_listing
from wijkmarkt.tenants.marketplace.models import Notification
from wijkmarkt.tenants.membership.actions.joining import join_wijk
from wijkmarkt.tenants.membership.models import Membership

ERASE = "/mijn-gegevens/verwijderen/"


def _columns_pointing_at(user: User) -> dict[str, int]:
    """Rows of the active wijk's schema that point at this account, per column."""
    found = {}
    for model in apps.get_models():
        if model._meta.app_config.name not in settings.TENANT_APPS:
            continue
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model is User:
                count = model._base_manager.filter(**{field.name: user}).count()
                if count:
                    found[f"{model._meta.label}.{field.name}"] = count
    return found


def test_neighbours_notifications_that_named_her_keep_neither_her_name_nor_her_words(riets, parkwijk):
    with tenant_context(parkwijk):
        bram_asks = post(parkwijk, riets.bram, title="Wie plakt mijn band?")
        exchange = respond_to_listing(
            actor=actor_of(riets.riet), member=riets.riet, listing=bram_asks, message="Ik, Pietje-Riet."
        )
        agree_exchange(
            actor=actor_of(riets.riet),
            exchange=exchange,
            what="Band plakken door Riet",
            agreed_for=timezone.now() + dt.timedelta(days=1),
        )
        about_her = Notification.objects.filter(member=riets.bram, about=riets.riet)
        assert about_her.count() >= 3 and all("Riet" in text for text in about_her.values_list("text", flat=True))
        others = Notification.objects.exclude(about=riets.riet).exclude(member=riets.riet)
        untouched = dict(others.values_list("pk", "text"))

    assert client_for("parkwijk", riets.riet.user).post(ERASE, {"confirm": "on"}).status_code == 200

    page = client_for("parkwijk", riets.bram.user).get("/meldingen/").content.decode()
    assert "Riet" not in page and "Dit bericht ging over een oud-lid" in page
    with tenant_context(parkwijk):
        texts = list(Notification.objects.filter(member=riets.bram).values_list("text", flat=True))
        assert not [text for text in texts if "Riet" in text or "Pietje" in text], texts
        assert dict(others.values_list("pk", "text")) == untouched  # only what was about her changed


def test_the_log_in_attempt_log_forgets_her_and_keeps_the_others(riets, parkwijk):
    stranger = "iemand.anders@example.nl"
    address = {"REMOTE_ADDR": "203.0.113.7", "HTTP_USER_AGENT": "Rietjes tablet"}
    logged_in = client_for("parkwijk").post(
        "/account/inloggen/", {"username": "riet.privacy@example.nl", "password": PASSWORD}, **address
    )
    assert logged_in.status_code == 302
    for email in ("RIET.privacy@example.nl", stranger):
        client_for("parkwijk").post("/account/inloggen/", {"username": email, "password": "fout-wachtwoord"}, **address)
    hers = [
        AccessAttempt.objects.filter(username__iexact="riet.privacy@example.nl"),
        AccessLog.objects.filter(username__iexact="riet.privacy@example.nl"),
    ]
    assert all(rows.filter(ip_address="203.0.113.7", user_agent="Rietjes tablet").exists() for rows in hers)

    assert client_for("parkwijk", riets.riet.user).post(ERASE, {"confirm": "on"}).status_code == 200

    assert not any(rows.exists() for rows in hers)
    assert AccessAttempt.objects.filter(username=stranger).exists()


def test_for_a_member_of_two_wijken_nothing_in_the_erased_wijk_points_at_her_live_account(riets, parkwijk, centrum):
    riet = riets.riet
    with tenant_context(centrum):
        in_centrum = join_wijk(wijk=centrum, user=riet.user, accepted_house_rules=True)
        signal_by(in_centrum, about="De buurman in Centrum", worry="Zijn hond blaft.")
    provider = provider_in(parkwijk, staff=[make_member(parkwijk, "Henk", "henk.twee@example.nl", role=Role.PROVIDER)])
    with tenant_context(parkwijk):
        reported = signal_by(riet, about="Meneer van nummer 8", worry="Hij eet niet meer.")
        send_help_request(actor=actor_of(riet), member=riet, provider=provider, activities=["light"])
        before = _columns_pointing_at(riet.user)
    assert {"makelaar.Signal.reporter", "care.HelpRequest.sent_by", "membership.Membership.user"} <= set(before)

    erased = gql("parkwijk", "mutation { eraseMe(confirm: true) { erased } }", user=riet.user).json()
    assert erased["data"]["eraseMe"]["erased"] is True

    with tenant_context(parkwijk):
        assert _columns_pointing_at(riet.user) == {}
    query = "query($id: ID!) { signal(id: $id) { reporterFirstName about } }"
    seen = gql("parkwijk", query, {"id": to_global_id("Signal", "parkwijk", reported.pk)}, user=riets.makelaar.user)
    assert seen.json()["data"]["signal"] == {"reporterFirstName": "Oud-lid", "about": "Meneer van nummer 8"}
    log = client_for("parkwijk", riets.makelaar.user).get("/mijn-gegevens/logboek/").content.decode()
    assert "Verwijderen uit de wijk" in log and "Riet" not in log
    # Centrum keeps her, her account and her signal; she still logs in there.
    with tenant_context(centrum):
        assert Membership.objects.get(pk=in_centrum.pk).user_id == riet.user_id
        assert _columns_pointing_at(riet.user) == {"membership.Membership.user": 1, "makelaar.Signal.reporter": 1}
    login = client_for("centrum").post("/account/inloggen/", {"username": riet.user.email, "password": PASSWORD})
    assert login.status_code == 302
