"""Every form that takes an e-mail address refuses one longer than 254 characters (RFC 5321; the account's column)
next to the field, with what was typed kept, and GraphQL gives a typed error (issue 12, point 7). Django's own
validator lets up to 320 through: before, sign-up and the makelaar's invite to log in ended in a database error.
Sign-up itself is tested in tests/tenants/membership/test_sign_up_no_oracle.py."""

from django_tenants.utils import tenant_context

from tests.builders.clients import client_for, gql
from tests.builders.makelaar import register_oma
from tests.builders.members import make_member
from wijkmarkt.platform.accounts.models import Role, User
from wijkmarkt.tenants.membership.models import Proxy

LONG_ADDRESS = "truus@" + ".".join(["b" * 60] * 5) + ".nl"  # 313 characters, a valid form
TOO_LONG = f"Dit is te lang: maximaal 254 tekens, u typte er {len(LONG_ADDRESS)}."


def test_the_makelaars_invite_to_log_in_refuses_a_long_address_on_the_page(parkwijk):
    fatima = make_member(parkwijk, "Fatima", role=Role.MAKELAAR)
    with tenant_context(parkwijk):
        truus = register_oma(parkwijk, fatima)

    response = client_for("parkwijk", fatima.user).post(
        f"/makelaar/bewoners/{truus.pk}/inloggen/", {"email": LONG_ADDRESS}
    )

    page = response.content.decode()
    assert response.status_code == 400 and f'id="id_email_error">{TOO_LONG}' in page
    assert f'value="{LONG_ADDRESS}"' in page
    assert not User.objects.filter(email=LONG_ADDRESS).exists()


def test_a_proxys_long_address_is_a_typed_error(parkwijk):
    anna = make_member(parkwijk, "Anna")
    mutation = """mutation($email: String!) { registerProxy(proxyEmail: $email, relation: "zoon") {
      proxy { id } errors { field code message } } }"""

    body = gql("parkwijk", mutation, {"email": LONG_ADDRESS}, user=anna.user).json()

    assert body["data"]["registerProxy"]["errors"] == [{"field": "proxyEmail", "code": "TOO_LONG", "message": TOO_LONG}]
    with tenant_context(parkwijk):
        assert not Proxy.objects.exists()


def test_the_consoles_coordinator_form_refuses_a_long_address_next_to_the_field(coordinator):
    response = client_for(None, coordinator).post("/console/coordinatoren/", {"grant-email": LONG_ADDRESS})

    page = response.content.decode()
    assert response.status_code == 400 and f'id="id_grant-email_error">{TOO_LONG}' in page
