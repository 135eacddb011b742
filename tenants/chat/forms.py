"""The send form of a conversation page. It only carries what was typed and the client id; the rules (plain text,
length, control characters, one message per client id) live in actions.send_message, whose errors the view puts
next to the field."""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkmarkt.tenants.chat.actions import CLIENT_ID


def new_client_id() -> str:
    """One per rendered form: posting the same form twice (double click, reload after a lost answer) sends the
    same id, and the action stores the message once."""
    return uuid.uuid4().hex


class MessageForm(forms.Form):
    # Not required and not stripped here: send_message says what is wrong, in the same words as on the socket.
    body = forms.CharField(
        label=_("Uw bericht"),
        required=False,
        strip=False,
        help_text=_("Gewone tekst, hoogstens 2000 tekens."),  # actions.MAX_BODY
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "off"}),
    )
    client_id = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"client_id": new_client_id()})
        super().__init__(*args, **kwargs)

    def clean_client_id(self) -> str:
        # A missing or mangled id (an old cached form, a hand-made POST) gets a fresh one rather than an error the
        # resident cannot fix.
        value = self.cleaned_data.get("client_id") or ""
        return value if CLIENT_ID.fullmatch(value) else new_client_id()
