"""The erasure's confirmation: one checkbox, checked by the action (not the form), so the page and the API give the
same error."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ErasureForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Ik begrijp wat er gebeurt en wil de gegevens uit deze wijk laten verwijderen."), required=False
    )
