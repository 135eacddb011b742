"""Password rules on every way to set one: a password of only spaces is refused, and every message is Dutch."""

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tests.builders.clients import client_for
from tests.builders.members import PASSWORD, make_member
from wijkmarkt.platform.accounts.models import User

SPACES = " " * 12
ENGLISH = ("This password", "Your password", "too short", "too common", "entirely numeric")


def sign_up_page(password: str):
    return client_for("parkwijk").post(
        "/aanmelden/",
        {
            "first_name": "Kees",
            "email": "kees@example.nl",
            "password": password,
            "accept_house_rules": "on",
        },
    )


def test_sign_up_page_refuses_a_password_of_only_spaces(parkwijk):
    page = sign_up_page(SPACES).content.decode()

    assert "Een wachtwoord van alleen spaties kan niet." in page
    assert not User.objects.filter(email="kees@example.nl").exists()


def test_sign_up_page_says_too_short_in_dutch(parkwijk):
    page = sign_up_page("kort").content.decode()

    assert "Dit wachtwoord is te kort. Gebruik minstens 10 tekens." in page
    assert not any(english in page for english in ENGLISH)


SIGN_UP = """mutation($password: String!) {
  signUp(email: "kees@example.nl", firstName: "Kees", password: $password, acceptHouseRules: true) {
    errors { field code message }
  }
}"""


@pytest.mark.parametrize(
    "password, code, message",
    [
        (SPACES, "REQUIRED", "Een wachtwoord van alleen spaties kan niet. Kies woorden, letters of cijfers."),
        ("kort", "PASSWORD_TOO_SHORT", "Dit wachtwoord is te kort. Gebruik minstens 10 tekens."),
    ],
)
def test_graphql_sign_up_refuses_in_dutch_with_a_typed_code(parkwijk, password, code, message):
    response = client_for("parkwijk").post(
        "/graphql", {"query": SIGN_UP, "variables": {"password": password}}, content_type="application/json"
    )

    result = response.json()["data"]["signUp"]
    assert {"field": "password", "code": code, "message": message} in result["errors"]
    assert not User.objects.filter(email="kees@example.nl").exists()


def reset_confirm(user, password: str):
    client = client_for("parkwijk")
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    form_page = client.get(f"/account/nieuw-wachtwoord/{uid}/{token}/", follow=True)
    assert form_page.status_code == 200
    return client.post(form_page.redirect_chain[-1][0], {"new_password1": password, "new_password2": password})


def test_password_reset_refuses_a_password_of_only_spaces(parkwijk):
    anna = make_member(parkwijk, "Anna").user

    page = reset_confirm(anna, SPACES).content.decode()

    assert "Een wachtwoord van alleen spaties kan niet." in page
    anna.refresh_from_db()
    assert anna.check_password(PASSWORD)


def test_password_reset_says_too_short_in_dutch(parkwijk):
    anna = make_member(parkwijk, "Anna").user

    page = reset_confirm(anna, "kort").content.decode()

    assert "Dit wachtwoord is te kort. Gebruik minstens 10 tekens." in page
    assert not any(english in page for english in ENGLISH)


def test_a_real_password_with_spaces_in_it_is_fine(parkwijk):
    anna = make_member(parkwijk, "Anna").user

    response = reset_confirm(anna, "  zes groene kikkers  ")

    assert response.status_code == 302
    anna.refresh_from_db()
    assert anna.check_password("  zes groene kikkers  ")
