"""The makelaar's demo in Parkwijk: an offline resident registered by the demo makelaar with consent, a request
placed for her, cases of which one is overdue, one hand-over and one open signal; a second run adds nothing."""

from django.utils import timezone
from django_tenants.utils import tenant_context

from tests.builders.members import make_member
from wijkmarkt.platform.accounts.models import Role
from wijkmarkt.tenants.demo.makelaar import seed_demo_makelaar
from wijkmarkt.tenants.makelaar.models import Case, HandOver, OfflineResident, Signal
from wijkmarkt.tenants.marketplace.models import Listing
from wijkmarkt.tenants.membership.models import ActingFor, Consent


def test_demo_shows_the_makelaars_work_once(parkwijk):
    fatima = make_member(parkwijk, "Fatima", role=Role.MAKELAAR)
    anna = make_member(parkwijk, "Anna")
    logins = {"makelaar": fatima.user, "bewoner": anna.user}
    for _run in range(2):
        seed_demo_makelaar(logins=logins, progress=lambda _m: None)
    with tenant_context(parkwijk):
        truus = OfflineResident.objects.get().member
        assert truus.user.first_name == "Truus" and not truus.user.has_usable_password()
        assert Consent.objects.filter(member=truus, withdrawn_at__isnull=True).count() == 2
        assert Listing.objects.get(owner=truus).placed_as == "makelaar"
        assert ActingFor.objects.filter(member=truus, what="publish").exists()
        assert Case.objects.count() == 3
        assert Case.objects.filter(follow_up_on__lt=timezone.localdate()).count() == 1
        assert HandOver.objects.count() == 1 and Signal.objects.get().status == "received"
