"""Reporting, the moderation queue (hide, warn, suspend, dismiss, lift), what a suspended member sees, and the wijk
admin's categories page."""

from django_tenants.utils import tenant_context

from tests.builders.clients import client_for
from tests.builders.marketplace import actor_of, category, post
from tests.builders.members import make_member
from wijkmarkt.tenants.marketplace.actions.moderation import report
from wijkmarkt.tenants.marketplace.models import Category, Listing, Notification, Report
from wijkmarkt.tenants.membership.models import Membership


def page_of(response) -> str:
    return response.content.decode()


def test_member_reports_a_listing_and_the_makelaar_hides_it(in_parkwijk, people):
    listing = post(in_parkwijk, people["anna"], title="Koop mijn spullen")
    as_bram, as_fatima = client_for("parkwijk", people["bram"].user), client_for("parkwijk", people["fatima"].user)

    empty = as_bram.post(f"/vraag-en-aanbod/{listing.pk}/melden/", {"reason": ""})
    reported = as_bram.post(f"/vraag-en-aanbod/{listing.pk}/melden/", {"reason": "Dit is reclame."})
    queue = page_of(as_fatima.get("/moderatie/"))
    with tenant_context(in_parkwijk):
        report_id = Report.objects.get().pk
    no_reason = as_fatima.post(f"/moderatie/{report_id}/", {"outcome": "hidden", "reason": ""})
    hidden = as_fatima.post(f"/moderatie/{report_id}/", {"outcome": "hidden", "reason": "Reclame hoort hier niet."})

    assert 'id="id_reason_error"' in page_of(empty)
    assert reported.status_code == 302
    assert "Koop mijn spullen" in queue and "Dit is reclame." in queue
    assert f'id="melding_{report_id}_reason_error"' in page_of(no_reason)
    assert hidden.status_code == 302
    assert as_bram.get(f"/vraag-en-aanbod/{listing.pk}/").status_code == 404
    assert "Koop mijn spullen" not in page_of(as_bram.get("/vraag-en-aanbod/"))
    assert "Verborgen door de moderatie" in page_of(as_fatima.get(f"/vraag-en-aanbod/{listing.pk}/"))


def test_suspended_member_sees_a_clear_message_instead_of_forms_and_cannot_post(in_parkwijk, people):
    cor = people["cor"]
    listing = post(in_parkwijk, people["anna"])
    client = client_for("parkwijk", people["fatima"].user)
    as_cor = client_for("parkwijk", cor.user)
    as_cor.post("/profiel/", {})  # reading and the own profile stay possible
    reported = client_for("parkwijk", people["bram"].user).post(
        f"/profiel/{cor.pk}/melden/", {"reason": "Scheldt buren uit."}
    )
    assert reported.status_code == 302
    with tenant_context(in_parkwijk):
        report_id = Report.objects.get(member=cor).pk

    suspended = client.post(f"/moderatie/{report_id}/", {"outcome": "suspended", "reason": "Schelden."})
    form = as_cor.get("/vraag-en-aanbod/nieuw/")
    posted = as_cor.post(
        "/vraag-en-aanbod/nieuw/",
        {"kind": "request", "title": "Test", "description": "Test", "category": str(category().pk)},
    )
    ask = as_cor.get("/hulp-vragen/")
    detail = page_of(as_cor.get(f"/vraag-en-aanbod/{listing.pk}/"))
    responded = as_cor.post(f"/vraag-en-aanbod/{listing.pk}/reageren/", {"message": "Hoi"})

    assert suspended.status_code == 302
    for response in (form, posted, ask, responded):
        assert response.status_code == 403
        assert "U bent geschorst" in page_of(response)
        assert "Schelden." in page_of(response)
        assert 'name="title"' not in page_of(response)
    assert "U bent geschorst: u kunt nu niet reageren." in detail
    with tenant_context(in_parkwijk):
        assert not Listing.objects.filter(owner=cor).exists()
        assert listing.exchanges.count() == 0


def test_lifting_a_suspension_lets_the_member_post_again(in_parkwijk, people):
    cor = people["cor"]
    made = report(actor=actor_of(people["bram"]), reporter=people["bram"], member=cor, reason="Scheldt")
    client = client_for("parkwijk", people["fatima"].user)
    client.post(f"/moderatie/{made.pk}/", {"outcome": "suspended", "reason": "Schelden."})

    queue = page_of(client.get("/moderatie/"))
    lifted = client.post(f"/moderatie/schorsing/{cor.pk}/opheffen/")

    assert "Schorsing van Cor opheffen" in queue
    assert lifted.status_code == 302
    with tenant_context(in_parkwijk):
        assert Membership.objects.get(pk=cor.pk).suspended_at is None
    assert 'name="title"' in page_of(client_for("parkwijk", cor.user).get("/vraag-en-aanbod/nieuw/"))


def test_a_warning_reaches_the_member_and_hiding_a_member_is_refused(in_parkwijk, people):
    listing = post(in_parkwijk, people["anna"])
    on_listing = report(actor=actor_of(people["bram"]), reporter=people["bram"], listing=listing, reason="Vaag")
    on_member = report(actor=actor_of(people["bram"]), reporter=people["bram"], member=people["cor"], reason="Boos")
    client = client_for("parkwijk", people["fatima"].user)

    warned = client.post(f"/moderatie/{on_listing.pk}/", {"outcome": "warned", "reason": "Wees duidelijker."})
    refused = client.post(f"/moderatie/{on_member.pk}/", {"outcome": "hidden", "reason": "Verbergen"})

    assert warned.status_code == 302
    assert "Een lid kunt u niet verbergen; kies waarschuwen of schorsen." in page_of(refused)
    with tenant_context(in_parkwijk):
        assert Notification.objects.filter(member=people["anna"], text__contains="Wees duidelijker.").exists()
    assert "Wees duidelijker." in page_of(client_for("parkwijk", people["anna"].user).get("/meldingen/"))


def test_residents_may_not_moderate_or_manage_categories(in_parkwijk, people):
    client = client_for("parkwijk", people["bram"].user)

    for url in ("/moderatie/", "/categorieen/"):
        response = client.get(url)
        assert response.status_code == 403
        assert "Dit mag u niet doen" in page_of(response)


def test_wijk_admin_adds_renames_moves_retires_and_restores_categories(in_parkwijk):
    admin = make_member(in_parkwijk, "Marleen", role="wijk_admin")
    client = client_for("parkwijk", admin.user)
    tuin = category("tuin")

    duplicate = client.post("/categorieen/nieuw/", {"name": "vervoer"})
    added = client.post("/categorieen/nieuw/", {"name": "Fietsen maken"})
    renamed = client.post(f"/categorieen/{tuin.pk}/hernoemen/", {"name": "Tuin en balkon"})
    with tenant_context(in_parkwijk):
        before = list(Category.objects.order_by("position", "name").values_list("pk", flat=True))
    client.post(f"/categorieen/{tuin.pk}/omhoog/")
    retired = client.post(f"/categorieen/{tuin.pk}/stoppen/")
    form_without = page_of(client.get("/vraag-en-aanbod/nieuw/"))
    client.post(f"/categorieen/{tuin.pk}/terugzetten/")

    assert "Er is al een soort hulp met deze naam." in page_of(duplicate)
    assert added.status_code == renamed.status_code == retired.status_code == 302
    with tenant_context(in_parkwijk):
        after = list(Category.objects.order_by("position", "name").values_list("pk", flat=True))
        tuin.refresh_from_db()
        assert Category.objects.filter(name="Fietsen maken").exists()
    assert tuin.name == "Tuin en balkon"
    assert tuin.retired_at is None
    assert after.index(tuin.pk) == before.index(tuin.pk) - 1
    option = f'<option value="{tuin.pk}">Tuin en balkon</option>'
    assert option not in form_without
    assert option in page_of(client.get("/vraag-en-aanbod/nieuw/"))
