"""Granting and revoking the coordinator role by e-mail, by page; never the last coordinator."""

import pytest

from tests.builders.clients import client_for
from tests.builders.console import make_coordinator
from tests.builders.members import make_member
from wijkmarkt.platform.accounts.models import User
from wijkmarkt.platform.console.models import AuditAction, AuditEntry


def test_coordinator_grants_the_role_to_an_existing_account(coordinator, parkwijk):
    fatima = make_member(parkwijk, "Fatima").user
    response = client_for(None, coordinator).post(
        "/console/coordinatoren/", {"grant-email": " FATIMA@example.nl "}, follow=True
    )
    assert "fatima@example.nl is nu coördinator." in response.content.decode()
    assert User.objects.get(pk=fatima.pk).is_coordinator
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.summary) == (AuditAction.GRANT_COORDINATOR, "fatima@example.nl")
    assert client_for(None, User.objects.get(pk=fatima.pk)).get("/console/").status_code == 200


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("", "Vul een geldig e-mailadres in"),
        ("<b>@x", "Vul een geldig e-mailadres in"),
        ("niemand@example.nl", "Er is geen account met dit e-mailadres."),
        ("sanne@stad.example.nl", "sanne@stad.example.nl is al coördinator."),
    ],
)
def test_bad_grant_is_refused_next_to_the_field(coordinator, email, message):
    response = client_for(None, coordinator).post("/console/coordinatoren/", {"grant-email": email})
    page = response.content.decode()
    assert response.status_code == 400 and message in page and 'id="id_grant-email_error"' in page
    assert not AuditEntry.objects.exists()


def test_coordinator_revokes_another_coordinator(coordinator):
    other = make_coordinator("Piet")
    client_for(None, coordinator).post("/console/coordinatoren/", {"revoke-email": other.email})
    assert not User.objects.get(pk=other.pk).is_coordinator
    assert AuditEntry.objects.get().action == AuditAction.REVOKE_COORDINATOR
    assert client_for(None, User.objects.get(pk=other.pk)).get("/console/").status_code == 403


def test_the_last_coordinator_cannot_lose_the_role(coordinator):
    User.objects.exclude(pk=coordinator.pk).update(is_coordinator=False)
    response = client_for(None, coordinator).post("/console/coordinatoren/", {"revoke-email": coordinator.email})
    assert response.status_code == 400
    assert "Dit is de laatste coördinator. Geef eerst iemand anders de rol." in response.content.decode()
    assert User.objects.get(pk=coordinator.pk).is_coordinator and not AuditEntry.objects.exists()


def test_revoking_someone_who_is_no_coordinator_is_refused(coordinator, parkwijk):
    anna = make_member(parkwijk, "Anna").user
    response = client_for(None, coordinator).post("/console/coordinatoren/", {"revoke-email": anna.email})
    assert response.status_code == 400 and "anna@example.nl is geen coördinator." in response.content.decode()
