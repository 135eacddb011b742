"""Joining a wijk. A resident signs up on their wijk's site and becomes a member of that wijk only."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkmarkt.platform.accounts.actions import new_account
from wijkmarkt.platform.accounts.models import Role, User
from wijkmarkt.platform.mail import mail_after_commit, mail_body
from wijkmarkt.platform.ratelimits import count_attempt
from wijkmarkt.platform.wijken.hosts import wijk_url
from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.membership.models import Membership


def _require_open_wijk(wijk: Wijk) -> None:
    # Membership rows are written to the active schema: it must be this wijk's.
    if connection.schema_name != wijk.schema_name:
        raise RuntimeError(f"active schema {connection.schema_name} is not {wijk.schema_name}")
    if not wijk.open_for_sign_up:
        raise ValidationError(_("%(wijk)s neemt nu geen nieuwe leden aan.") % {"wijk": wijk.name}, code="wijk_closed")


def _require_house_rules(accepted: bool) -> None:
    if not accepted:
        raise ValidationError(
            {
                "accept_house_rules": ValidationError(
                    _("Lees de huisregels en vink aan dat u ze accepteert."), code="house_rules_not_accepted"
                )
            }
        )


def join_wijk(*, wijk: Wijk, user: User, accepted_house_rules: bool, role: Role = Role.RESIDENT) -> Membership:
    """Make an existing account a member of the active wijk (idempotent: an existing membership is returned)."""
    _require_open_wijk(wijk)
    existing = Membership.objects.filter(user=user).first()
    if existing is not None:
        return existing
    _require_house_rules(accepted_house_rules)
    with transaction.atomic():
        return Membership.objects.create(user=user, role=role, accepted_house_rules_at=timezone.now())


def sign_up_resident(
    *, wijk: Wijk, email: str, first_name: str, password: str, accepted_house_rules: bool, client: str
) -> None:
    """Sign up for the active wijk: a new citywide account and its membership, both or neither, and a welcome mail.

    The answer is the same whether the address is new or already has an account, so sign-up tells nobody who has
    one: the same checks of what was typed, the same limit per client address (`client`), nobody logged in, and "look
    in your e-mail". For a taken address nothing is written; its owner is mailed that someone tried, and how to log
    in or choose a new password."""
    _require_open_wijk(wijk)
    errors = {}
    try:
        _require_house_rules(accepted_house_rules)
    except ValidationError as error:
        errors.update(error.error_dict)
    try:
        user = new_account(email=email, first_name=first_name, password=password)
    except ValidationError as error:
        errors = {**error.error_dict, **errors}
    if errors:
        raise ValidationError(errors)
    count_attempt("sign_up", f"ip:{client}")
    owner = User.objects.filter(email__iexact=user.email).first()
    if owner is not None:
        if owner.is_active and owner.has_usable_password():  # not an offline resident's reserved address
            _mail_on_commit(owner, *_someone_tried(owner, wijk))
        return
    try:
        with transaction.atomic():
            user.save()
            Membership.objects.create(user=user, role=Role.RESIDENT, accepted_house_rules_at=timezone.now())
    except IntegrityError:  # the same address signed up at the same moment: it is taken now
        return
    _mail_on_commit(user, *_welcome(user, wijk))


def _links(wijk: Wijk) -> dict:
    site = wijk_url(wijk).rstrip("/")
    return {
        "wijk": wijk.name,
        "login": site + reverse("accounts:login"),
        "reset": site + reverse("accounts:password_reset"),
    }


def _welcome(user: User, wijk: Wijk) -> tuple[str, str]:
    subject = _("Welkom bij de Wijkmarkt van %(wijk)s") % {"wijk": wijk.name}
    body = mail_body("mail/welcome.txt", {"name": user.first_name, **_links(wijk)})
    return subject, body


def _someone_tried(owner: User, wijk: Wijk) -> tuple[str, str]:
    subject = _("Iemand wilde zich met uw e-mailadres aanmelden")
    body = mail_body("mail/sign_up_with_taken_address.txt", {"name": owner.first_name, **_links(wijk)})
    return subject, body


def _mail_on_commit(user: User, subject: str, body: str) -> None:
    mail_after_commit(user.email, subject, body)
