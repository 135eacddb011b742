import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.builders.marketplace import actor_of, post
from tests.builders.members import make_member
from wijkmarkt.tenants.marketplace.actions.exchanges import respond_to_listing
from wijkmarkt.tenants.marketplace.actions.moderation import handle_report, lift_suspension, report
from wijkmarkt.tenants.marketplace.models import Listing, Notification, Report
from wijkmarkt.tenants.marketplace.selectors import moderation_queue, open_listings
from wijkmarkt.tenants.membership.models import Membership


def test_report_goes_to_the_queue_and_hiding_removes_the_listing_from_browsing(in_parkwijk, people):
    listing = post(in_parkwijk, people["bram"], title="Koop goedkope horloges")
    filed = report(actor=actor_of(people["anna"]), reporter=people["anna"], listing=listing, reason="Reclame")

    assert list(moderation_queue()) == [filed]
    handle_report(
        actor=actor_of(people["fatima"]),
        moderator=people["fatima"],
        report=filed,
        outcome="hidden",
        reason="Reclame hoort hier niet",
    )

    assert list(moderation_queue()) == []
    assert listing not in open_listings(actor_of(people["anna"]))
    filed.refresh_from_db()
    assert (filed.outcome, filed.handled_by, filed.handled_reason) == (
        "hidden",
        people["fatima"],
        "Reclame hoort hier niet",
    )


def test_only_moderators_handle_reports(in_parkwijk, people):
    listing = post(in_parkwijk, people["bram"])
    filed = report(actor=actor_of(people["anna"]), reporter=people["anna"], listing=listing, reason="Vreemd")

    with pytest.raises(PermissionDenied):
        handle_report(
            actor=actor_of(people["cor"]), moderator=people["cor"], report=filed, outcome="hidden", reason="x"
        )


def test_suspended_member_cannot_post_or_respond_until_the_suspension_is_lifted(in_parkwijk, people):
    filed = report(actor=actor_of(people["anna"]), reporter=people["anna"], member=people["bram"], reason="Scheldt")
    admin = make_member(in_parkwijk, "Admin", role="wijk_admin")
    handle_report(actor=actor_of(admin), moderator=admin, report=filed, outcome="suspended", reason="Schelden")
    bram = Membership.objects.get(pk=people["bram"].pk)
    listing = post(in_parkwijk, people["anna"])

    with pytest.raises(PermissionDenied):
        post(in_parkwijk, bram)
    with pytest.raises(PermissionDenied):
        respond_to_listing(actor=actor_of(bram), member=bram, listing=listing, message="Ik help")

    lift_suspension(actor=actor_of(admin), member=bram)
    assert post(in_parkwijk, Membership.objects.get(pk=bram.pk)).pk


def test_warning_reaches_the_author(in_parkwijk, people):
    listing = post(in_parkwijk, people["bram"])
    filed = report(actor=actor_of(people["anna"]), reporter=people["anna"], listing=listing, reason="Onvriendelijk")

    handle_report(
        actor=actor_of(people["fatima"]),
        moderator=people["fatima"],
        report=filed,
        outcome="warned",
        reason="Blijf vriendelijk",
    )

    assert Notification.objects.get(member=people["bram"]).text == "Waarschuwing van de moderatie: Blijf vriendelijk"
    assert Listing.objects.get(pk=listing.pk).hidden_at is None


def test_a_report_needs_one_target_and_a_reason(in_parkwijk, people):
    listing = post(in_parkwijk, people["bram"])

    with pytest.raises(ValidationError):
        report(actor=actor_of(people["anna"]), reporter=people["anna"], reason="x")
    with pytest.raises(ValidationError):
        report(actor=actor_of(people["anna"]), reporter=people["anna"], listing=listing, reason="")
    assert Report.objects.count() == 0
