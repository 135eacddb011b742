"""The "give points" form: fields, labels and parsing only; the rules live in actions.give_points, so the page and
GraphQL refuse the same things with the same Dutch message. The form carries an idempotency key made when the page
is shown, so pressing the button twice (or resending after a lost answer) gives the points once."""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkmarkt.platform.forms import text_field
from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.membership.pages import OnBehalfMixin


def new_key() -> str:
    return f"page:{uuid.uuid4()}"


class GiveForm(OnBehalfMixin, forms.Form):
    email = text_field(_("E-mailadres van de ontvanger"), _("Weet u het e-mailadres niet? Vul dan de naam en de wijk in."),
                       autocomplete="off")  # fmt: skip
    name = text_field(_("Of: de naam van de ontvanger"), _("De voornaam, of voor- en achternaam"))
    wijk = forms.ChoiceField(label=_("In welke wijk woont de ontvanger?"), required=False)
    amount = text_field(_("Hoeveel punten?"), _("Een heel getal, bijvoorbeeld 5."), inputmode="numeric")
    note = text_field(_("Bericht (mag leeg blijven)"), _("Bijvoorbeeld: Voor mama, bedankt voor alles."))
    key = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        wijken = Wijk.objects.filter(points_enabled=True, is_template=False).order_by("name")
        self.fields["wijk"].choices = [("", _("Kies een wijk")), *[(w.schema_name, w.name) for w in wijken]]
        self.add_on_behalf_field(members, label=_("Van wie zijn de punten?"))
        if "on_behalf_of" in self.fields:
            self.order_fields(["on_behalf_of"])
        if not self.is_bound:
            self.initial.setdefault("key", new_key())
