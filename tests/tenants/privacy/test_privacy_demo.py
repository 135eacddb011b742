"""The privacy demo: the makelaar's download of Truus's data is in the privacy log and her access log, once."""

from django_tenants.utils import tenant_context

from tests.builders.makelaar import register_oma
from tests.builders.members import make_member
from wijkmarkt.platform.accounts.models import Role
from wijkmarkt.tenants.demo.privacy import seed_demo_privacy
from wijkmarkt.tenants.privacy.models import AccessLogEntry, PrivacyRequest, Sensitive


def test_demo_logs_one_download_by_the_makelaar_and_a_second_run_adds_nothing(parkwijk):
    makelaar = make_member(parkwijk, "Mustafa", "mustafa.demo.privacy@example.nl", role=Role.MAKELAAR)
    with tenant_context(parkwijk):
        truus = register_oma(parkwijk, makelaar)
    for _run in range(2):
        seed_demo_privacy(logins={"makelaar": makelaar.user}, progress=lambda _line: None)
    with tenant_context(parkwijk):
        request = PrivacyRequest.objects.get()
        assert (request.kind, request.asked_as, request.subject_id) == ("export", "makelaar", truus.pk)
        assert AccessLogEntry.objects.filter(what=Sensitive.EXPORT, subject=truus).count() == 1
