"""How actions everywhere report bad input: a ValidationError per field with a code from the domain's enum (each
app's errors.py holds its codes), so pages show the message next to the field and GraphQL returns the code."""

from enum import StrEnum

from django.core.exceptions import ValidationError


def fail(field: str | None, message: str, code: StrEnum | str, **params) -> ValidationError:
    """A ValidationError for one field (or the whole input when field is None)."""
    error = ValidationError(message, code=str(code), params=params or None)
    return ValidationError({field: error}) if field else error


def collect(checks: dict) -> dict:
    """Run every field's check and raise all their errors together, so each field shows its own."""
    errors, values = {}, {}
    for name, check in checks.items():
        try:
            values[name] = check()
        except ValidationError as error:
            errors.update(error.error_dict)
    if errors:
        raise ValidationError(errors)
    return values
