"""Plain-text rules for everything a person types: trimmed, no control characters, within a size limit.
Text is stored as typed and escaped on output; HTML is not stripped, it is simply never rendered."""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Tabs and newlines are fine in longer texts; other C0/C1 control characters, bidi overrides and lone UTF-16
# surrogates (JSON's "\ud800" decodes to one; PostgreSQL cannot store it) are not.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def has_refused_characters(text: str) -> bool:
    """True when no field takes this text, whatever its rules: the check GraphQL and the socket make on every
    string before anything acts on it (graphql/core/text_inputs.py, realtime/protocol.py)."""
    # Every character the pattern refuses is Unicode "Other", so not printable: str.isprintable() (in C, about twice
    # as fast as the pattern) lets a long ordinary text through without the pattern's scan.
    return not text.isprintable() and _CONTROL.search(text) is not None


def clean_text(value: str | None, *, field: str, max_length: int, required: bool = True, multiline: bool = False):
    """Return the trimmed text, or raise a ValidationError for `field` that says what to fix."""
    text = unicodedata.normalize("NFC", (value or "").strip())  # one form for "é", however it was typed
    if required and not text:
        raise ValidationError({field: ValidationError(_("Vul dit veld in."), code="required")})
    if _CONTROL.search(text) or (not multiline and ("\n" in text or "\r" in text or "\t" in text)):
        raise ValidationError(
            {
                field: ValidationError(
                    _("Hier staan onzichtbare of ongeldige tekens in. Typ de tekst opnieuw."), code="invalid_characters"
                )
            }
        )
    if len(text) > max_length:
        raise ValidationError(
            {
                field: ValidationError(
                    _("Dit is te lang: maximaal %(max)s tekens, u typte er %(length)s."),
                    code="too_long",
                    params={"max": max_length, "length": len(text)},
                )
            }
        )
    return text
