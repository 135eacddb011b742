"""What every page form shares, citywide or in a wijk: fields that leave the checking to the actions (so a page and
GraphQL refuse the same things with the same Dutch message), the parsing of what a browser sends (a date, an id),
and an action's ValidationError shown on the form."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d-%m-%y"]
DATE_ERROR = _("Vul een datum in zoals 14-3-2027.")


def date_field(label, help_text=""):
    return forms.DateField(
        label=label,
        help_text=help_text,
        required=False,
        input_formats=DATE_FORMATS,
        error_messages={"invalid": DATE_ERROR},
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


def text_field(label, help_text="", *, multiline=False, rows=5, **attrs):
    widget = forms.Textarea(attrs={"rows": rows, **attrs}) if multiline else forms.TextInput(attrs=attrs)
    return forms.CharField(label=label, help_text=help_text, required=False, strip=False, widget=widget)


def as_int(value) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return 0  # an id that exists nowhere: the action answers "kies uit de lijst"


def add_action_errors(form: forms.Form, error: ValidationError, rename: dict | None = None) -> None:
    """Show an action's ValidationError on the form: next to the field it names, or above the form when the
    form has no such field (or the error is about the whole input)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        field = (rename or {}).get(field, field)
        form.add_error(field if field in form.fields else None, errors)
