"""Page forms of household help: fields, labels and parsing only. The rules live in the actions, so the page and
GraphQL refuse the same things with the same Dutch message; fields are `required=False` for that reason."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkmarkt.tenants.care.models import SLOTS, Activity
from wijkmarkt.tenants.care.selectors import slot_label
from wijkmarkt.tenants.marketplace.forms import OnBehalfMixin, text_field


class HelpRequestForm(OnBehalfMixin, forms.Form):
    activities = forms.MultipleChoiceField(
        label=_("Waarmee wilt u hulp?"), choices=Activity.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    times = forms.MultipleChoiceField(
        label=_("Wanneer komt het u goed uit?"), help_text=_("Kies niets als het u niet uitmaakt."), required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    note = text_field(_("Wilt u nog iets vertellen?"), _("Bijvoorbeeld: ik heb een hond, of bel eerst aan."),
                      multiline=True, rows=4)  # fmt: skip

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["times"].choices = [(slot, slot_label(slot)) for slot in SLOTS]
        self.add_on_behalf_field(members, label=_("Voor wie vraagt u hulp?"))
        if "on_behalf_of" in self.fields:
            self.order_fields(["on_behalf_of"])


class AnswerForm(forms.Form):
    message = text_field(_("Bericht aan de bewoner"), _("Bijvoorbeeld wanneer u langskomt."), multiline=True, rows=3)
