"""The relatives who may act for a member (proxies): named by the member, or by the makelaar with the member's
consent, and removed by either or by the proxy stepping down."""

from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkmarkt.platform.accounts.email_address import clean_email
from wijkmarkt.platform.accounts.models import User
from wijkmarkt.platform.accounts.permissions import Actor, Perm, has_permission, require_writes_open
from wijkmarkt.platform.errors import collect
from wijkmarkt.platform.mail import mail_after_commit, mail_body
from wijkmarkt.platform.plaintext import clean_text
from wijkmarkt.platform.ratelimits import count_attempt
from wijkmarkt.platform.wijken.hosts import wijk_url
from wijkmarkt.tenants.membership.access import NO_CONSENT, acts_for
from wijkmarkt.tenants.membership.actions.acting_for import record_acting_for
from wijkmarkt.tenants.membership.errors import MembershipErrorCode as Code
from wijkmarkt.tenants.membership.errors import fail
from wijkmarkt.tenants.membership.models import ActingWhat, Membership, PlacedAs, Proxy


def register_proxy(*, actor: Actor, principal: Membership, proxy_email: str, relation: str) -> Proxy:
    """The member themselves (giving consent) or the makelaar (recording the member's consent) registers a relative's
    citywide account as proxy. The relative need not live in, or be a member of, this wijk.

    An address without an account and one that is already this member's proxy get the same answer, and the attempts
    are limited per account, so the form tells nobody who has an account. The relative is told by e-mail."""
    require_writes_open(actor)
    _require_may_manage_proxies(actor, principal)
    values = collect(
        {
            "relation": lambda: clean_text(relation, field="relation", max_length=60),
            "proxy_email": lambda: clean_email(proxy_email, field="proxy_email"),
        }
    )
    count_attempt("register_proxy", f"user:{actor.user.pk}")
    user = User.objects.filter(email=values["proxy_email"], is_active=True).first()
    if user is not None and user.pk == principal.user_id:
        raise fail("proxy_email", _("U kunt niet uw eigen gemachtigde zijn."), Code.INVALID_CHOICE)
    if user is not None and user.pk == actor.user.pk:  # the makelaar cannot make herself someone's proxy
        raise fail(
            "proxy_email", _("Een gemachtigde noemt de bewoner zelf; dat kunt u niet zelf zijn."), Code.INVALID_CHOICE
        )
    if user is None or Proxy.objects.filter(principal=principal, user=user, revoked_at__isnull=True).exists():
        raise fail(
            "proxy_email",
            _(
                "Dit adres kunnen we niet toevoegen. Kijk het na: uw familielid heeft een eigen "
                "account op de Wijkmarkt nodig, en is misschien al uw gemachtigde."
            ),
            Code.UNKNOWN_MEMBER,
        )
    with transaction.atomic():
        proxy = Proxy.objects.create(
            principal=principal,
            user=user,
            relation=values["relation"],
            consent_recorded_at=timezone.now(),
            consent_recorded_by=actor.user,
        )
        _log_for(actor, principal, proxy)
        _tell_the_proxy(proxy)
    return proxy


def _require_may_manage_proxies(actor: Actor, principal: Membership) -> None:
    """Who names or removes a member's proxies: the member, or the makelaar while the member's consent is on record
    (access.acts_for, the one rule). Not a proxy: a relative does not name other relatives."""
    if actor.user is None:
        raise PermissionDenied("proxy")
    if principal.user_id == actor.user.pk or acts_for(actor, principal) == PlacedAs.MAKELAAR:
        return
    raise PermissionDenied(NO_CONSENT if has_permission(actor, Perm.ACT_FOR_RESIDENTS) else "proxy")


def _log_for(actor: Actor, principal: Membership, proxy: Proxy) -> None:
    if principal.user_id != actor.user.pk:
        record_acting_for(actor, member=principal, placed_as=PlacedAs.MAKELAAR, what=ActingWhat.PROXY, obj=proxy)


def _tell_the_proxy(proxy: Proxy) -> None:
    wijk = connection.tenant
    subject = _("U bent gemachtigde op de Wijkmarkt")
    body = mail_body(
        "mail/proxy_named.txt",
        {
            "name": proxy.user.first_name,
            "principal": proxy.principal.user.first_name,
            "wijk": wijk.name,
            "link": wijk_url(wijk),
        },
    )
    address = proxy.user.email
    mail_after_commit(address, subject, body)


def revoke_proxy(*, actor: Actor, proxy: Proxy) -> Proxy:
    # Allowed in a paused wijk too: taking back someone's authority to act (and to read) for you is a right that
    # a pause does not suspend.
    principal = proxy.principal
    if actor.user is None or actor.user.pk != proxy.user_id:  # a proxy may always step down
        _require_may_manage_proxies(actor, principal)
    with transaction.atomic():
        proxy.revoked_at = timezone.now()
        proxy.save(update_fields=["revoked_at"])
        if actor.user.pk != proxy.user_id:
            _log_for(actor, principal, proxy)
    return proxy
