"""Page forms of the makelaar's work: fields, labels and parsing only. The rules live in the actions, so the page
and GraphQL refuse the same things with the same Dutch message; fields are `required=False` for that reason."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkmarkt.platform.forms import text_field
from wijkmarkt.tenants.makelaar.models import CaseStatus
from wijkmarkt.tenants.makelaar.selectors import Due
from wijkmarkt.tenants.membership.models import ConsentTopic


def consent_box(label):
    return forms.BooleanField(label=label, required=False)


def date_field(label, help_text=""):
    return forms.DateField(
        label=label,
        help_text=help_text,
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class RegisterResidentForm(forms.Form):
    first_name = text_field(_("Voornaam"), autocomplete="off")
    last_name = text_field(_("Achternaam"), _("Mag leeg blijven."), autocomplete="off")
    street = text_field(_("Straat"), _("Alleen de straat, zonder huisnummer."), autocomplete="off")
    phone = text_field(_("Telefoonnummer"), autocomplete="off", inputmode="tel")
    reach = text_field(
        _("Hoe bereikt u de bewoner?"), _("Bijvoorbeeld: 's ochtends bellen, of via de buurvrouw op nummer 12.")
    )
    consent_given = consent_box(_("De bewoner vindt het goed dat ik hem of haar inschrijf en de gegevens bewaar"))
    act_for_consent = consent_box(_("De bewoner vindt het goed dat ik namens hem of haar vragen plaats en reageer"))
    consent_note = text_field(_("Hoe gaf de bewoner toestemming?"), _("Bijvoorbeeld: mondeling, bij de balie."))
    question = text_field(
        _("Waarmee wil de bewoner hulp?"),
        _("Mag leeg blijven. Vult u het in, dan opent u meteen een dossier."),
        multiline=True,
        rows=3,
    )


class ConsentForm(forms.Form):
    topic = forms.ChoiceField(
        label=_("Waarvoor geeft de bewoner toestemming?"), choices=ConsentTopic.choices, required=False
    )
    note = text_field(_("Hoe gaf de bewoner toestemming?"), _("Bijvoorbeeld: mondeling, aan de telefoon."))


class InviteForm(forms.Form):
    email = text_field(
        _("E-mailadres van de bewoner"),
        _("De bewoner krijgt een e-mail om zelf een wachtwoord te kiezen."),
        inputmode="email",
    )


class CaseForm(forms.Form):
    question = text_field(
        _("Wat is de vraag?"), _("In de woorden van de bewoner. Maximaal 2000 tekens."), multiline=True, rows=4
    )
    agreements = text_field(_("Wat is afgesproken?"), _("Wie doet wat, en wanneer."), multiline=True, rows=4)
    follow_up_on = date_field(_("Wanneer kijkt u weer?"), _("De datum waarop het dossier op uw werklijst komt."))


class CaseUpdateForm(CaseForm):
    status = forms.ChoiceField(
        label=_("Stand van zaken"),
        required=False,
        choices=[(CaseStatus.OPEN, CaseStatus.OPEN.label), (CaseStatus.WAITING, CaseStatus.WAITING.label)],
    )


class OutcomeForm(forms.Form):
    outcome = text_field(_("Wat is de uitkomst?"), multiline=True, rows=3)


class HandOverForm(forms.Form):
    contact = forms.ChoiceField(
        label=_("Contactpersoon van een partner"),
        required=False,
        help_text=_("Staat de organisatie er niet bij? Vul dan hieronder naam en organisatie in."),
    )
    organisation = text_field(_("Andere organisatie"))
    contact_name = text_field(_("Naam van de contactpersoon daar"))
    contact_details = text_field(_("Telefoon of e-mail van de contactpersoon"))
    passed_on = text_field(_("Wat geeft u door?"), _("Alleen wat de partner nodig heeft."), multiline=True, rows=4)
    consent_given = consent_box(_("De bewoner vindt het goed dat ik dit doorgeef aan deze partner"))
    consent_note = text_field(_("Hoe gaf de bewoner toestemming?"), _("Bijvoorbeeld: mondeling, op 3 maart."))

    def __init__(self, *args, contacts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact"].choices = [("", _("— Kies een contactpersoon —"))] + [
            (str(person.pk), f"{person.name}, {person.partner.name}" + (f" ({person.role})" if person.role else ""))
            for person in contacts
        ]


class SignalForm(forms.Form):
    about = text_field(
        _("Over wie maakt u zich zorgen?"), _("Een naam, of bijvoorbeeld: de mevrouw op de hoek van de Zomerkade.")
    )
    worry = text_field(
        _("Wat is uw zorg?"), _("Wat ziet of hoort u? Alleen de sociaal makelaar leest dit."), multiline=True, rows=5
    )


class FollowUpForm(forms.Form):
    follow_up = text_field(_("Wat gaat u doen?"), multiline=True, rows=3)


class WorklistForm(forms.Form):
    due = forms.ChoiceField(
        label=_("Wanneer"),
        required=False,
        choices=[
            (Due.ALL, _("Alle lopende dossiers")),
            (Due.TODAY, _("Vandaag en te laat")),
            (Due.WEEK, _("Deze week en te laat")),
            (Due.OVERDUE, _("Alleen te laat")),
        ],
    )
    status = forms.ChoiceField(
        label=_("Stand van zaken"), required=False, choices=[("", _("Loopt of wacht")), *CaseStatus.choices]
    )
    mine = forms.BooleanField(label=_("Alleen mijn dossiers"), required=False)


class ResidentSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Zoek een bewoner"), required=False, max_length=100, help_text=_("Voornaam, achternaam of straat.")
    )
