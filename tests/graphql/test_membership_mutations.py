"""joinWijk and signUp: payload plus typed `errors`; with errors nothing is written."""

from django_tenants.utils import tenant_context

from tests.builders.clients import gql
from tests.builders.members import PASSWORD, make_member
from wijkmarkt.platform.accounts.models import User
from wijkmarkt.tenants.membership.models import Membership

SIGN_UP = """mutation($email: String!, $firstName: String!, $password: String!, $accept: Boolean!) {
  signUp(email: $email, firstName: $firstName, password: $password, acceptHouseRules: $accept) {
    errors { field code message } } }"""
JOIN = "mutation($accept: Boolean!) { joinWijk(acceptHouseRules: $accept) { membership { role } errors { field code message } } }"


def sign_up(slug, **overrides):
    variables = {"email": "fatma@example.nl", "firstName": "Fatma", "password": PASSWORD, "accept": True, **overrides}
    return gql(slug, SIGN_UP, variables).json()["data"]["signUp"]


def test_sign_up_creates_a_member_of_this_wijk_only(parkwijk, centrum):
    result = sign_up("parkwijk")

    assert result == {"errors": []}
    user = User.objects.get(email="fatma@example.nl")
    with tenant_context(parkwijk):
        assert Membership.objects.filter(user=user).exists()
    with tenant_context(centrum):
        assert not Membership.objects.filter(user=user).exists()


def test_sign_up_with_bad_input_returns_every_error_and_writes_nothing(parkwijk):
    result = sign_up("parkwijk", email="not-an-address", firstName="  ", password="123", accept=False)

    codes = {(e["field"], e["code"]) for e in result["errors"]}
    assert ("email", "INVALID_EMAIL") in codes
    assert ("firstName", "REQUIRED") in codes
    assert ("password", "PASSWORD_TOO_SHORT") in codes
    assert ("acceptHouseRules", "HOUSE_RULES_NOT_ACCEPTED") in codes
    assert all(e["message"] for e in result["errors"])
    assert not User.objects.filter(email="not-an-address").exists()


def test_sign_up_refuses_hostile_names_without_writing(parkwijk):
    result = sign_up("parkwijk", firstName="Anna\x00<script>")

    assert [e["code"] for e in result["errors"]] == ["INVALID_CHARACTERS"]
    assert not User.objects.filter(email="fatma@example.nl").exists()


def test_sign_up_refuses_a_name_that_is_too_long(parkwijk):
    result = sign_up("parkwijk", firstName="A" * 61)

    assert result["errors"][0]["code"] == "TOO_LONG"
    assert "maximaal 60 tekens" in result["errors"][0]["message"]


def test_html_in_a_name_is_kept_as_text_and_escaped_on_pages(parkwijk):
    result = sign_up("parkwijk", firstName="<b>Bas</b>")
    user = User.objects.get(email="fatma@example.nl")

    from tests.builders.clients import client_for

    page = client_for("parkwijk", user).get("/buren/").content.decode()

    assert result["errors"] == []
    assert "&lt;b&gt;Bas&lt;/b&gt;" in page
    assert "<b>Bas</b>" not in page


def test_sign_up_on_a_planned_wijk_is_refused(boerhaavewijk):
    result = sign_up("boerhaavewijk")

    assert result["errors"][0]["code"] == "WIJK_CLOSED"
    assert not User.objects.filter(email="fatma@example.nl").exists()


def test_sign_up_is_refused_on_the_portal(db):
    body = gql(None, SIGN_UP, {"email": "a@b.nl", "firstName": "A", "password": PASSWORD, "accept": True}).json()

    assert body["errors"][0]["extensions"]["code"] == "WRONG_DOMAIN"


def test_member_of_one_wijk_joins_another(parkwijk, centrum):
    anna = make_member(parkwijk, "Anna")

    result = gql("centrum", JOIN, {"accept": True}, user=anna.user).json()["data"]["joinWijk"]

    assert result == {"membership": {"role": "RESIDENT"}, "errors": []}
    with tenant_context(centrum):
        assert Membership.objects.filter(user=anna.user).exists()


def test_joining_without_accepting_the_house_rules_is_a_user_error(parkwijk, centrum):
    anna = make_member(parkwijk, "Anna")

    result = gql("centrum", JOIN, {"accept": False}, user=anna.user).json()["data"]["joinWijk"]

    assert result["membership"] is None
    assert result["errors"][0]["field"] == "acceptHouseRules"
    assert result["errors"][0]["code"] == "HOUSE_RULES_NOT_ACCEPTED"


def test_joining_when_logged_out_is_permission_denied(centrum):
    body = gql("centrum", JOIN, {"accept": True}).json()

    assert body["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    assert "Traceback" not in str(body)
