"""Writes to citywide accounts."""

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from wijkmarkt.platform.accounts.email_address import clean_email
from wijkmarkt.platform.accounts.models import User
from wijkmarkt.platform.errors import collect
from wijkmarkt.platform.plaintext import clean_text


def new_account(*, email: str, first_name: str, password: str, last_name: str = "") -> User:
    """An account from what was typed, not saved yet, its password hashed. Raises ValidationError (field -> code,
    Dutch message) with every field's error. Whether the address is taken is for the caller to decide."""
    errors: dict[str, list[ValidationError]] = {}
    try:
        values = collect(
            {
                "email": lambda: clean_email(email),
                "first_name": lambda: clean_text(first_name, field="first_name", max_length=60),
                "last_name": lambda: clean_text(last_name, field="last_name", max_length=80, required=False),
            }
        )
    except ValidationError as error:
        errors.update(error.error_dict)
        values = {"email": (email or "").strip().lower(), "first_name": first_name or "", "last_name": last_name or ""}
    user = User(**values)
    try:
        password_validation.validate_password(password or "", user)
    except ValidationError as error:
        errors["password"] = error.error_list
    if errors:
        raise ValidationError(errors)
    user.set_password(password)
    return user


def create_account(*, email: str, first_name: str, password: str, last_name: str = "") -> User:
    """A new citywide account (tests and tools make accounts this way). Raises ValidationError (field -> code, Dutch
    message) and writes nothing on error. A resident's own sign-up goes through tenants/membership/actions instead,
    which never says whether an address is taken."""
    user = new_account(email=email, first_name=first_name, password=password, last_name=last_name)
    if User.objects.filter(email__iexact=user.email).exists():
        raise ValidationError(
            {
                "email": ValidationError(
                    _("Er is al een account met dit e-mailadres. Log in, of vraag een nieuw wachtwoord aan."),
                    code="email_taken",
                )
            }
        )
    with transaction.atomic():
        user.save()
    return user
