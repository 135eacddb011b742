"""Registering an offline resident, consent and a later login through GraphQL: typed errors that write nothing,
PERMISSION_DENIED for anyone but the makelaar, and the acting-for log for the resident, proxy and makelaar only."""

from django_tenants.utils import tenant_context

from tests.builders.clients import gid, ok, run, top_error
from wijkmarkt.tenants.membership.models import ActingFor, Consent, Membership

REGISTER = """mutation($first: String!, $consent: Boolean!, $phone: String) {
  registerOfflineResident(firstName: $first, lastName: "de Vries", street: "Zomerkade", phone: $phone,
                          consentGiven: $consent, consentNote: "Mondeling", actForConsent: true) {
    offlineResident { firstName street phone hasOwnLogin resident { id firstName } consents { topic withdrawnAt } }
    errors { field code message } } }"""


def test_makelaar_registers_an_offline_resident(parkwijk, crew):
    data = ok(
        "parkwijk", REGISTER, {"first": "Truus", "consent": True, "phone": "023 531 00 00"}, user=crew["fatima"].user
    )["registerOfflineResident"]
    assert data["errors"] == []
    resident = data["offlineResident"]
    assert (resident["firstName"], resident["street"], resident["phone"], resident["hasOwnLogin"]) == (
        "Truus",
        "Zomerkade",
        "023 531 00 00",
        False,
    )
    assert sorted(c["topic"] for c in resident["consents"]) == ["ACT_FOR", "REGISTRATION"]

    log = ok(
        "parkwijk",
        "query($id: ID!) { actingForLog(residentId: $id) { what whatText actorFirstName placedAs } }",
        {"id": resident["resident"]["id"]},
        user=crew["fatima"].user,
    )["actingForLog"]
    assert log == [
        {
            "what": "REGISTER",
            "whatText": "schreef u in bij de Wijkmarkt",
            "actorFirstName": "Fatima",
            "placedAs": "MAKELAAR",
        }
    ]


def test_bad_registration_returns_typed_errors_and_writes_nothing(parkwijk, crew):
    with tenant_context(parkwijk):
        before = Membership.objects.count()
    data = ok(
        "parkwijk", REGISTER, {"first": " ", "consent": False, "phone": "<script>\x00"}, user=crew["fatima"].user
    )["registerOfflineResident"]
    assert data["offlineResident"] is None
    assert {(e["field"], e["code"]) for e in data["errors"]} == {
        ("firstName", "REQUIRED"),
        ("consentGiven", "CONSENT_REQUIRED"),
        ("phone", "INVALID_CHARACTERS"),
    }
    assert "Vraag eerst of de bewoner het goed vindt" in " ".join(e["message"] for e in data["errors"])
    with tenant_context(parkwijk):
        assert Membership.objects.count() == before


def test_only_the_makelaar_registers_residents(parkwijk, crew):
    for name in ("anna", "joost", "henk"):
        body = run("parkwijk", REGISTER, {"first": "Truus", "consent": True}, user=crew[name].user)
        assert top_error(body)["code"] == "PERMISSION_DENIED"
    with tenant_context(parkwijk):
        assert not Membership.objects.filter(user__first_name="Truus").exists()


def test_consent_recorded_and_withdrawn_by_the_resident_and_a_neighbour_cannot(parkwijk, crew):
    anna = gid("Membership", crew["anna"].pk)
    record = """mutation($id: ID!) { recordConsent(residentId: $id, topic: SHARE_WITH_PARTNER, note: "Zelf") {
      consent { id topic note } errors { code } } }"""
    consent = ok("parkwijk", record, {"id": anna}, user=crew["anna"].user)["recordConsent"]["consent"]
    assert consent["topic"] == "SHARE_WITH_PARTNER"
    again = ok("parkwijk", record, {"id": anna}, user=crew["anna"].user)["recordConsent"]
    assert again["errors"] == [{"code": "ALREADY_GIVEN"}]
    withdraw = "mutation($id: ID!) { withdrawConsent(consentId: $id) { consent { withdrawnAt } errors { code } } }"
    assert top_error(run("parkwijk", withdraw, {"id": consent["id"]}, user=crew["bram"].user))["code"] == "NOT_FOUND"
    assert ok("parkwijk", withdraw, {"id": consent["id"]}, user=crew["anna"].user)["withdrawConsent"]["consent"][
        "withdrawnAt"
    ]
    with tenant_context(parkwijk):
        assert Consent.objects.get().withdrawn_at is not None
        assert not ActingFor.objects.exists()  # Anna did it herself


def test_a_neighbour_cannot_read_anothers_acting_for_log(parkwijk, crew):
    query = "query($id: ID!) { actingForLog(residentId: $id) { what } }"
    body = run("parkwijk", query, {"id": gid("Membership", crew["anna"].pk)}, user=crew["bram"].user)
    assert top_error(body)["code"] == "NOT_FOUND"


def test_invite_to_log_in_needs_a_valid_free_address(parkwijk, crew, mailoutbox, django_capture_on_commit_callbacks):
    created = ok("parkwijk", REGISTER, {"first": "Truus", "consent": True, "phone": "023"}, user=crew["fatima"].user)[
        "registerOfflineResident"
    ]["offlineResident"]
    invite = """mutation($id: ID!, $email: String!) { inviteResidentToLogIn(residentId: $id, email: $email) {
      offlineResident { hasOwnLogin } errors { field code message } } }"""
    rid = created["resident"]["id"]
    bad = ok("parkwijk", invite, {"id": rid, "email": "geen-adres"}, user=crew["fatima"].user)
    assert bad["inviteResidentToLogIn"]["errors"][0]["code"] == "INVALID_EMAIL"
    taken = ok("parkwijk", invite, {"id": rid, "email": "anna@example.nl"}, user=crew["fatima"].user)
    assert taken["inviteResidentToLogIn"]["errors"][0]["code"] == "EMAIL_TAKEN"
    with django_capture_on_commit_callbacks(execute=True):
        done = ok("parkwijk", invite, {"id": rid, "email": "truus@example.nl"}, user=crew["fatima"].user)
    assert done["inviteResidentToLogIn"] == {"offlineResident": {"hasOwnLogin": True}, "errors": []}
    assert [message.to for message in mailoutbox] == [["truus@example.nl"]]
