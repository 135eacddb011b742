"""Password rules of our own, next to Django's (settings.AUTH_PASSWORD_VALIDATORS): every sign-up, reset and
GraphQL signUp validates through them."""

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class NotOnlySpacesValidator:
    """Ten spaces are ten characters, but no password: nobody remembers how many they typed, and it is the first
    thing a stranger tries. Code "required": to a client it is as if no password was given."""

    def validate(self, password, user=None):
        if password and not password.strip():
            raise ValidationError(
                _("Een wachtwoord van alleen spaties kan niet. Kies woorden, letters of cijfers."), code="required"
            )

    def get_help_text(self):
        return _("Uw wachtwoord bestaat niet alleen uit spaties.")


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django 5.2 changed this message's msgid and its Dutch catalogue has no translation for the new one yet, so the
    Dutch pages said "This password is too short". Our own text, from our catalogue."""

    def get_error_message(self):
        return ngettext(
            "Dit wachtwoord is te kort. Gebruik minstens %(min_length)d teken.",
            "Dit wachtwoord is te kort. Gebruik minstens %(min_length)d tekens.",
            self.min_length,
        ) % {"min_length": self.min_length}

    def get_help_text(self):
        return ngettext(
            "Uw wachtwoord heeft minstens %(min_length)d teken.",
            "Uw wachtwoord heeft minstens %(min_length)d tekens.",
            self.min_length,
        ) % {"min_length": self.min_length}
