"""What the Eigen Kracht Wijzer holds about a member, for their export and erasure (tenants/privacy/contributors.py;
settings PRIVACY_CONTRIBUTORS)."""

from django.utils.translation import gettext_lazy as _

from wijkmarkt.platform.accounts.models import User
from wijkmarkt.tenants.membership.models import Membership
from wijkmarkt.tenants.privacy.contributors import ABOUT_OTHERS, Contributor, Part
from wijkmarkt.tenants.wijzer.models import Assessment

PARTS = (
    Part("wijzer.Assessment", "member", _("Uw Eigen Kracht Wijzer")),
    Part("wijzer.Application", "assessment__member", _("Uw aanvragen bij de gemeente")),
)

NOT_EXPORTED = {
    ("wijzer.RuleSet", "created_by"): _("De regels van de wijk zijn geen gegevens over u."),
    ("wijzer.Assessment", "started_by"): ABOUT_OTHERS,
    ("wijzer.Assessment", "finished_by"): ABOUT_OTHERS,
    ("wijzer.Application", "sent_by"): ABOUT_OTHERS,
}


def erase(member: Membership, by: User) -> dict[str, int]:
    """Answers and outcomes are deleted outright (with any application made from them): nobody else depends on
    them."""
    deleted = Assessment.objects.filter(member=member).count()
    Assessment.objects.filter(member=member).delete()
    return {"wijzer.Assessment.member": deleted}


CONTRIBUTOR = Contributor(parts=PARTS, not_exported=NOT_EXPORTED, erase=erase)
