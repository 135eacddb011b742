"""Reports go to the wijk's moderation queue (wijk admin and makelaar), who hide, warn or suspend, with reasons
recorded. Blocking is between two members. A reported chat message is hidden by the chat, which connects to
signals.reported_message_hidden."""

from django.db import connection, transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkmarkt.platform.accounts.permissions import Actor, Perm, require_permission
from wijkmarkt.platform.broadcast import blocks_changed, close_member_sockets
from wijkmarkt.platform.plaintext import clean_text
from wijkmarkt.tenants.marketplace.actions.notifications import notify
from wijkmarkt.tenants.marketplace.citywide import sync_listings
from wijkmarkt.tenants.marketplace.errors import MarketplaceErrorCode as Code
from wijkmarkt.tenants.marketplace.errors import fail
from wijkmarkt.tenants.marketplace.models import Block, Listing, NotificationKind, Report
from wijkmarkt.tenants.marketplace.signals import reported_message_hidden
from wijkmarkt.tenants.membership.access import acting_as
from wijkmarkt.tenants.membership.actions.acting_for import record_acting_for
from wijkmarkt.tenants.membership.models import ActingWhat, Membership


def report(
    *,
    actor: Actor,
    reporter: Membership,
    reason: str,
    listing: Listing | None = None,
    message: Model | None = None,
    member: Membership | None = None,
) -> Report:
    placed_as = acting_as(actor, reporter, Perm.REPORT)
    targets = [(Report.Target.LISTING, listing), (Report.Target.MESSAGE, message), (Report.Target.MEMBER, member)]
    chosen = [(kind, obj) for kind, obj in targets if obj is not None]
    if len(chosen) != 1:
        raise fail(None, _("Meld één ding tegelijk."), Code.INVALID_CHOICE)
    reason = clean_text(reason, field="reason", max_length=500, multiline=True)
    kind, _obj = chosen[0]
    with transaction.atomic():
        created = Report.objects.create(
            reporter=reporter, target=kind, listing=listing, message=message, member=member, reason=reason
        )
        record_acting_for(actor, member=reporter, placed_as=placed_as, what=ActingWhat.REPORT, obj=created)
        return created


def handle_report(*, actor: Actor, moderator: Membership, report: Report, outcome: str, reason: str) -> Report:
    """Dismiss, hide the listing or message, warn its author, or suspend them; the reason is kept."""
    require_permission(actor, Perm.MODERATE)
    if report.outcome != Report.Outcome.OPEN:
        raise fail(None, _("Deze melding is al afgehandeld."), Code.WRONG_STATE)
    if outcome not in Report.Outcome.values or outcome == Report.Outcome.OPEN:
        raise fail("outcome", _("Kies wat er met de melding gebeurt."), Code.INVALID_CHOICE)
    reason = clean_text(reason, field="reason", max_length=500, multiline=True)
    author = _author_of(report)
    now = timezone.now()
    with transaction.atomic():
        if outcome == Report.Outcome.HIDDEN:
            if report.listing_id:
                Listing.objects.filter(pk=report.listing_id).update(hidden_at=now)
                sync_listings(report.listing_id)
            elif report.message_id:
                reported_message_hidden.send(sender=Report, report=report, at=now)
            else:
                raise fail(
                    "outcome", _("Een lid kunt u niet verbergen; kies waarschuwen of schorsen."), Code.INVALID_CHOICE
                )
        elif outcome == Report.Outcome.WARNED:
            notify(
                author, NotificationKind.MODERATION, _("Waarschuwing van de moderatie: %(reason)s") % {"reason": reason}
            )
        elif outcome == Report.Outcome.SUSPENDED:
            Membership.objects.filter(pk=author.pk).update(suspended_at=now, suspended_reason=reason)
            schema, member_id = connection.schema_name, author.pk
            transaction.on_commit(lambda: close_member_sockets(schema, member_id))
        report.outcome, report.handled_by, report.handled_reason, report.handled_at = outcome, moderator, reason, now
        report.save()
    return report


def _author_of(report: Report) -> Membership:
    if report.listing_id:
        return report.listing.owner
    if report.message_id:
        return report.message.author
    return report.member


def lift_suspension(*, actor: Actor, member: Membership) -> Membership:
    require_permission(actor, Perm.MODERATE)
    with transaction.atomic():
        Membership.objects.filter(pk=member.pk).update(suspended_at=None, suspended_reason="")
    member.refresh_from_db()
    return member


def block_member(*, actor: Actor, blocker: Membership, blocked: Membership) -> Block:
    placed_as = acting_as(actor, blocker, Perm.RESPOND)
    if blocker.pk == blocked.pk:
        raise fail(None, _("U kunt uzelf niet blokkeren."), Code.INVALID_CHOICE)
    with transaction.atomic():
        block, _created = Block.objects.get_or_create(blocker=blocker, blocked=blocked)
        record_acting_for(actor, member=blocker, placed_as=placed_as, what=ActingWhat.BLOCK, obj=blocked)
        schema = connection.schema_name
        transaction.on_commit(lambda: blocks_changed(schema, blocker.pk))
    return block


def unblock_member(*, actor: Actor, blocker: Membership, blocked: Membership) -> None:
    placed_as = acting_as(actor, blocker, Perm.RESPOND)
    with transaction.atomic():
        Block.objects.filter(blocker=blocker, blocked=blocked).delete()
        record_acting_for(actor, member=blocker, placed_as=placed_as, what=ActingWhat.BLOCK, obj=blocked)
        schema = connection.schema_name
        transaction.on_commit(lambda: blocks_changed(schema, blocker.pk))
