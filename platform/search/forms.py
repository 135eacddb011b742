"""The citywide search page's form: the words, tidied and limited as the API tidies them (clean_text,
MAX_QUERY_LENGTH), the wijk and category chosen from the facets, and the page."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wijkmarkt.platform.plaintext import clean_text
from wijkmarkt.platform.search.selectors import MAX_QUERY_LENGTH


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Waar zoekt u naar?"),
        help_text=_("Bijvoorbeeld: boodschappen, fiets repareren of koffie drinken."),
        required=False,
        strip=False,
    )
    wijk = forms.CharField(required=False)
    categorie = forms.CharField(required=False, max_length=100)
    pagina = forms.IntegerField(required=False, min_value=1, max_value=10_000)

    def clean_q(self):
        try:
            return clean_text(self.cleaned_data["q"], field="q", max_length=MAX_QUERY_LENGTH)
        except ValidationError as error:
            raise ValidationError(error.error_dict["q"]) from None
