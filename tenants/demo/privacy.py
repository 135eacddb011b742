"""The privacy demo in Parkwijk, through the actions, so `./wijkmarkt run` shows it: the makelaar downloaded the data
of Truus (registered without a computer by tenants/demo/makelaar.py), so her access log and the makelaar's privacy
log each have a line. Idempotent: a wijk that has any privacy request is left alone. Runs after the makelaar's demo."""

from collections.abc import Callable, Mapping

from django_tenants.utils import tenant_context

from wijkmarkt.platform.accounts.models import Role, User
from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.makelaar.models import OfflineResident
from wijkmarkt.tenants.membership.models import Membership
from wijkmarkt.tenants.membership.selectors import actor_for
from wijkmarkt.tenants.privacy.actions import export_member_data
from wijkmarkt.tenants.privacy.models import Channel, PrivacyRequest

DEMO_WIJK = "parkwijk"


def seed_demo_privacy(*, logins: Mapping[str, User], progress: Callable[[str], None]) -> None:
    wijk = Wijk.objects.filter(schema_name=DEMO_WIJK).first()
    makelaar_user = logins.get("makelaar")
    if wijk is None or makelaar_user is None:
        return
    with tenant_context(wijk):
        makelaar = Membership.objects.filter(user=makelaar_user, role=Role.MAKELAAR).first()
        offline = OfflineResident.objects.select_related("member__user").order_by("pk").first()
        if makelaar is None or offline is None or PrivacyRequest.objects.exists():
            return
        export_member_data(actor_for(makelaar_user, makelaar), member=offline.member, via=Channel.PAGE)
    progress(f"{wijk.name}: de makelaar downloadde de gegevens van {offline.member.user.first_name} (privacylogboek)")
