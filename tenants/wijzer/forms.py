"""Page forms of the Wijzer: fields, labels and parsing only. The rules live in the actions, so the page and GraphQL
refuse the same things with the same Dutch message; fields are `required=False` for that reason."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkmarkt.platform.forms import text_field
from wijkmarkt.tenants.membership.pages import OnBehalfMixin
from wijkmarkt.tenants.wijzer import questions


class StartForm(OnBehalfMixin, forms.Form):
    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.add_on_behalf_field(members, label=_("Voor wie vult u de Wijzer in?"))


class QuestionForm(forms.Form):
    """One question: checkboxes, or radio buttons when one answer is asked."""

    def __init__(self, *args, question: questions.Question, answers: dict, **kwargs):
        super().__init__(*args, **kwargs)
        options = questions.choices(question.key, answers)
        if question.multiple:
            field = forms.MultipleChoiceField(widget=forms.CheckboxSelectMultiple)
        else:
            field = forms.ChoiceField(widget=forms.RadioSelect)
        field.choices, field.required = options, False
        field.label, field.help_text = question.text, question.hint
        self.fields["answer"] = field


class ApplicationForm(forms.Form):
    tasks = forms.MultipleChoiceField(
        label=_("Waarmee heeft u hulp nodig?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[(code, activity.label.capitalize()) for code, activity in questions.TASKS.items()],
    )
    situation = text_field(
        _("Uw situatie"), _("Wat lukt niet meer, en sinds wanneer? Maximaal 2000 tekens."), multiline=True, rows=6
    )
    phone = text_field(
        _("Telefoonnummer (mag leeg)"), _("Dan kan de gemeente u bellen voor een gesprek."), autocomplete="tel"
    )


class RulesForm(forms.Form):
    rules = text_field(
        _("De regels"),
        _("In JSON. Hieronder staat wat elk veld betekent."),
        multiline=True,
        rows=30,
        spellcheck="false",
    )
    note = text_field(_("Wat heeft u veranderd? (mag leeg)"), _("Bijvoorbeeld: maaltijdservice toegevoegd."))
