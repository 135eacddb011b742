"""Forms only carry fields and labels; validation lives in the actions so pages and GraphQL agree."""

from django import forms
from django.utils.translation import gettext_lazy as _


class SignUpForm(forms.Form):
    first_name = forms.CharField(
        label=_("Uw voornaam"),
        help_text=_("Buren zien alleen uw voornaam."),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    email = forms.CharField(
        label=_("Uw e-mailadres"),
        required=False,
        help_text=_("Hiermee logt u in. Buren zien het niet."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password = forms.CharField(
        label=_("Kies een wachtwoord"),
        required=False,
        strip=False,
        help_text=_("Minstens 10 tekens. Een zin van een paar woorden is makkelijk te onthouden."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    accept_house_rules = forms.BooleanField(label=_("Ik heb de huisregels gelezen en ik accepteer ze."), required=False)


class JoinForm(forms.Form):
    accept_house_rules = forms.BooleanField(label=_("Ik heb de huisregels gelezen en ik accepteer ze."), required=False)
