"""What household help and support plans hold about a member, for their export and erasure
(tenants/privacy/contributors.py; settings PRIVACY_CONTRIBUTORS)."""

from django.utils.translation import gettext_lazy as _

from wijkmarkt.platform.accounts.models import User
from wijkmarkt.tenants.care.models import HelpRequest, Provider, SupportPlanVersion
from wijkmarkt.tenants.membership.models import Membership
from wijkmarkt.tenants.privacy.contributors import ABOUT_OTHERS, ERASED_TEXT, Contributor, Part

PARTS = (
    Part("care.Provider", "staff", _("Aanbieders van huishoudelijke hulp waarvoor u werkt")),
    Part("care.HelpRequest", "member", _("Uw aanvragen voor huishoudelijke hulp")),
    Part("care.SupportPlan", "member", _("Uw ondersteuningsplannen")),
    Part("care.SupportPlanVersion", "plan__member", _("Versies van uw ondersteuningsplannen")),
    Part("care.PlanAgreement", "version__plan__member", _("Akkoorden op uw ondersteuningsplannen")),
    Part("care.SatisfactionMeasurement", "plan__member", _("Uw tevredenheid over de ondersteuning")),
)

NOT_EXPORTED = {
    ("care.HelpRequest", "sent_by"): ABOUT_OTHERS,
    ("care.HelpRequest", "answered_by"): ABOUT_OTHERS,
    ("care.SupportPlan", "created_by"): ABOUT_OTHERS,
    ("care.SupportPlanVersion", "written_by"): ABOUT_OTHERS,
    ("care.PlanAgreement", "agreed_by"): ABOUT_OTHERS,
    ("care.SatisfactionMeasurement", "recorded_by"): ABOUT_OTHERS,
}


def erase(member: Membership, by: User) -> dict[str, int]:
    """Requests and plans stay as rows (providers' worklists and the wijk's satisfaction figures count them), their
    words go; the satisfaction scores stay, they carry no text and no name once the member is Oud-lid."""
    requests = HelpRequest.objects.filter(member=member).update(note="", answer="", times=[])
    versions = SupportPlanVersion.objects.filter(plan__member=member).update(
        result=ERASED_TEXT, resident_part="", network_part="", provider_part="", review_dates=[]
    )
    staff_of = Provider.staff.through.objects.filter(membership=member).delete()[0]
    return {"care.HelpRequest.member": requests, "care.SupportPlanVersion": versions, "care.Provider.staff": staff_of}


CONTRIBUTOR = Contributor(parts=PARTS, not_exported=NOT_EXPORTED, erase=erase)
