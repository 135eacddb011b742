"""Writes to citywide accounts."""

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from wijkmarkt.platform.accounts.models import User
from wijkmarkt.platform.plaintext import clean_text


def create_account(*, email: str, first_name: str, password: str, last_name: str = "") -> User:
    """A new citywide account. Raises ValidationError (field -> code, Dutch message) and writes nothing on error."""
    errors: dict[str, list[ValidationError]] = {}
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        errors["email"] = [
            ValidationError(_("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."), code="invalid_email")
        ]
    else:
        if User.objects.filter(email__iexact=email).exists():
            errors["email"] = [
                ValidationError(
                    _("Er is al een account met dit e-mailadres. Log in, of vraag een nieuw wachtwoord aan."),
                    code="email_taken",
                )
            ]
    try:
        first_name = clean_text(first_name, field="first_name", max_length=60)
    except ValidationError as error:
        errors.update(error.error_dict)
    try:
        last_name = clean_text(last_name, field="last_name", max_length=80, required=False)
    except ValidationError as error:
        errors.update(error.error_dict)
    user = User(email=email, first_name=first_name, last_name=last_name)
    try:
        password_validation.validate_password(password or "", user)
    except ValidationError as error:
        errors["password"] = error.error_list
    if errors:
        raise ValidationError(errors)
    user.set_password(password)
    with transaction.atomic():
        user.save()
    return user
