"""Who reaches an assessment: the resident, their registered proxy and the wijk's makelaar; nobody else. Missing,
not theirs and another wijk all raise the same NotFound, so nothing can be probed. Every read of the answers by
someone other than the resident is written to the access log (tenants/privacy) here, in one place."""

from django.db.models import Q, QuerySet

from wijkmarkt.platform.accounts.permissions import Actor, Perm, has_permission
from wijkmarkt.tenants.membership.access import NotFound
from wijkmarkt.tenants.privacy.actions import record_read
from wijkmarkt.tenants.privacy.models import Channel, Sensitive
from wijkmarkt.tenants.wijzer.models import Assessment


def assessments_of(actor: Actor) -> QuerySet[Assessment]:
    """The resident's own assessments and their principals' (as proxy); for the makelaar every one of the wijk."""
    if actor.user is None:
        return Assessment.objects.none()
    assessments = Assessment.objects.select_related("member__user", "rule_set", "started_by", "finished_by")
    if has_permission(actor, Perm.ACT_FOR_RESIDENTS):
        return assessments
    own = Q(member__user=actor.user)
    as_proxy = Q(member__proxies__user=actor.user, member__proxies__revoked_at__isnull=True)
    return assessments.filter(pk__in=Assessment.objects.filter(own | as_proxy).values("pk"))


def assessment_for(actor: Actor, assessment_id, *, via: Channel) -> Assessment:
    """One assessment the actor may read, with the read logged when the reader is not the resident."""
    assessment = assessments_of(actor).filter(pk=assessment_id).first()
    if assessment is None:
        raise NotFound
    log_read(actor, assessment, via=via)
    return assessment


def log_read(actor: Actor, assessment: Assessment, *, via: Channel) -> None:
    record_read(actor, subject=assessment.member, what=Sensitive.SELF_ASSESSMENT, object_id=assessment.pk, via=via)


def may_manage_rules(actor: Actor) -> bool:
    return has_permission(actor, Perm.MANAGE_WIJZER_RULES)
