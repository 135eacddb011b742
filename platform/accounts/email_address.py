"""The one check of an e-mail address someone types: sign-up, a proxy's address, the makelaar's invite to log in,
the console's coordinators. Django's validator lets addresses up to 320 characters through, but the account's column
(and RFC 5321) holds at most 254: a longer one would only fail as a database error."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from wijkmarkt.platform.plaintext import clean_text

MAX_LENGTH = 254


def clean_email(value: str | None, *, field: str = "email") -> str:
    """The address trimmed and in lower case, or a ValidationError for `field` (invalid_email, too_long or
    invalid_characters) with a Dutch message."""
    address = clean_text(value, field=field, max_length=MAX_LENGTH, required=False).lower()
    try:
        validate_email(address)
    except ValidationError:
        raise ValidationError(
            {field: ValidationError(_("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."), code="invalid_email")}
        ) from None
    return address
