"""The wijk site's pages: signing up, joining, members-only pages, and what a non-member sees."""

from django.core import mail
from django.test import Client
from django_tenants.utils import tenant_context

from tests.builders.clients import client_for
from tests.builders.members import PASSWORD, make_member
from wijkmarkt.platform.accounts.models import User
from wijkmarkt.tenants.membership.models import Membership

SIGN_UP = {
    "first_name": "Mevrouw Van Dam",
    "email": "vandam@example.nl",
    "password": PASSWORD,
    "accept_house_rules": "on",
}


def test_resident_signs_up_accepts_the_rules_and_is_a_member_of_this_wijk_only(parkwijk, centrum):
    client = Client(HTTP_HOST="parkwijk.localhost")

    response = client.post("/aanmelden/", SIGN_UP)

    assert (response.status_code, response.url) == (302, "/aanmelden/verstuurd/")
    assert "Kijk in uw e-mail" in client.get(response.url).content.decode()
    user = User.objects.get(email="vandam@example.nl")
    with tenant_context(parkwijk):
        assert Membership.objects.get(user=user).accepted_house_rules_at is not None
    with tenant_context(centrum):
        assert not Membership.objects.filter(user=user).exists()
    assert "lid van deze wijk" not in client.get("/").content.decode()  # not logged in: that is by e-mail
    assert "lid van deze wijk" in client_for("parkwijk", user).get("/").content.decode()


def test_sign_up_errors_are_shown_next_to_the_fields_in_dutch_and_keep_what_was_typed(parkwijk):
    response = Client(HTTP_HOST="parkwijk.localhost").post(
        "/aanmelden/", {"first_name": "Henk <b>", "email": "geen-adres", "password": "kort"}
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Er ging iets mis" in page
    assert 'id="id_email_error"' in page
    assert "Vul een geldig e-mailadres in" in page
    assert "Lees de huisregels en vink aan dat u ze accepteert." in page
    assert 'value="Henk &lt;b&gt;"' in page
    assert 'value="geen-adres"' in page
    assert not User.objects.filter(email="geen-adres").exists()


def test_huge_input_is_refused_with_a_message_not_a_500(parkwijk):
    response = Client(HTTP_HOST="parkwijk.localhost").post("/aanmelden/", {**SIGN_UP, "first_name": "A" * 100_000})

    assert response.status_code == 200
    assert "Dit is te lang: maximaal 60 tekens" in response.content.decode()
    assert not User.objects.filter(email="vandam@example.nl").exists()


def test_logged_in_non_member_sees_how_to_join_and_nothing_of_the_members(parkwijk, centrum):
    make_member(centrum, "Carla")
    anna = make_member(parkwijk, "Anna")
    client = client_for("centrum", anna.user)

    home = client.get("/").content.decode()
    neighbours = client.get("/buren/")

    assert "u bent geen lid van Centrum" in home
    assert "/lid-worden/" in home
    assert neighbours.status_code == 403
    assert "Carla" not in neighbours.content.decode()


def test_member_of_one_wijk_joins_another_by_accepting_its_rules(parkwijk, centrum):
    anna = make_member(parkwijk, "Anna")
    client = client_for("centrum", anna.user)

    refused = client.post("/lid-worden/", {})
    joined = client.post("/lid-worden/", {"accept_house_rules": "on"})

    assert "Lees de huisregels" in refused.content.decode()
    assert joined.status_code == 302
    with tenant_context(centrum):
        assert Membership.objects.filter(user=anna.user).exists()


def test_anonymous_visitor_is_asked_to_log_in_for_members_only_pages(parkwijk):
    make_member(parkwijk, "Anna")

    response = Client(HTTP_HOST="parkwijk.localhost").get("/buren/")

    assert response.status_code == 403
    assert "Anna" not in response.content.decode()
    assert "/account/inloggen/?next=/buren/" in response.content.decode()


def test_neighbour_page_of_an_unknown_id_is_a_404(parkwijk):
    anna = make_member(parkwijk, "Anna")

    assert client_for("parkwijk", anna.user).get("/buren/999999/").status_code == 404


def test_log_in_on_a_wijk_site_and_log_out(parkwijk):
    make_member(parkwijk, "Anna", email="anna@example.nl")
    client = Client(HTTP_HOST="parkwijk.localhost")

    logged_in = client.post("/account/inloggen/", {"username": "ANNA@example.nl", "password": PASSWORD})
    home = client.get("/").content.decode()
    client.post("/account/uitloggen/")

    assert logged_in.status_code == 302
    assert "U bent ingelogd als Anna" in home
    assert "U bent ingelogd" not in client.get("/").content.decode()


def test_wrong_password_says_so_in_plain_dutch(parkwijk):
    make_member(parkwijk, "Anna", email="anna@example.nl")

    response = Client(HTTP_HOST="parkwijk.localhost").post(
        "/account/inloggen/", {"username": "anna@example.nl", "password": "fout-wachtwoord"}
    )

    assert "Dit e-mailadres en wachtwoord horen niet bij elkaar" in response.content.decode()
    assert 'value="anna@example.nl"' in response.content.decode()


def test_log_in_is_throttled_after_repeated_failures(parkwijk, settings):
    make_member(parkwijk, "Anna", email="anna@example.nl")
    client = Client(HTTP_HOST="parkwijk.localhost")

    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/account/inloggen/", {"username": "anna@example.nl", "password": "fout-wachtwoord"})
    locked = client.post("/account/inloggen/", {"username": "anna@example.nl", "password": PASSWORD})

    assert locked.status_code == 429
    assert "Te vaak een verkeerd wachtwoord" in locked.content.decode()


def test_password_reset_mails_a_link_that_sets_a_new_password(parkwijk):
    make_member(parkwijk, "Anna", email="anna@example.nl")
    client = Client(HTTP_HOST="parkwijk.localhost")

    client.post("/account/wachtwoord-vergeten/", {"email": "anna@example.nl"})
    [message] = mail.outbox
    link = next(line for line in message.body.splitlines() if "/account/nieuw-wachtwoord/" in line)
    form = client.get(link.replace("http://parkwijk.localhost", ""), follow=True)
    done = client.post(
        form.redirect_chain[-1][0], {"new_password1": "nieuw-en-lang-genoeg", "new_password2": "nieuw-en-lang-genoeg"}
    )

    assert message.to == ["anna@example.nl"]
    assert "Beste Anna" in message.body
    assert done.status_code == 302
    assert User.objects.get(email="anna@example.nl").check_password("nieuw-en-lang-genoeg")


def test_password_reset_for_an_unknown_address_reveals_nothing(parkwijk):
    response = Client(HTTP_HOST="parkwijk.localhost").post(
        "/account/wachtwoord-vergeten/", {"email": "niemand@example.nl"}, follow=True
    )

    assert "Als er een account is met dit e-mailadres" in response.content.decode()
    assert mail.outbox == []


def test_passwords_are_hashed_with_argon2(parkwijk, settings):
    from wijkmarkt.platform.config import settings as configured

    settings.PASSWORD_HASHERS = configured.PASSWORD_HASHERS
    anna = make_member(parkwijk, "Anna")

    assert User.objects.get(pk=anna.user.pk).password.startswith("argon2")
