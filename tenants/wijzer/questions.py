"""The questions of the Eigen Kracht Wijzer, in the order they are asked, and the check of one answer.

The questions are part of the product (one per page, plain Dutch); what the answers lead to is data (rules.py,
editable per wijk). Answers are stored as lists of the short codes below, which the rules refer to."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wijkmarkt.tenants.care.models import Activity
from wijkmarkt.tenants.wijzer.errors import WijzerErrorCode as Code
from wijkmarkt.tenants.wijzer.errors import fail

# The category-1 activities of household help (seeds/INVENTORY.md 5.1), by the Dutch code the rules use.
TASKS = {
    "boodschappen": Activity.SHOPPING,
    "warme_maaltijd": Activity.HOT_MEAL,
    "broodmaaltijd": Activity.BREAD_MEAL,
    "licht_huishouden": Activity.LIGHT,
    "zwaar_huishouden": Activity.HEAVY,
    "was": Activity.LINEN,
}
NETWORK = {
    "familie": gettext_lazy("familie"),
    "buren": gettext_lazy("buren of vrienden"),
    "mantelzorger": gettext_lazy("een mantelzorger"),
    "niemand": gettext_lazy("niemand"),
}
URGENCY = {
    "nu": gettext_lazy("deze week"),
    "binnenkort": gettext_lazy("binnen een maand"),
    "geen_haast": gettext_lazy("zonder haast"),
}
NOTHING = "geen"


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    hint: str
    multiple: bool


QUESTIONS = [
    Question(
        "taken",
        gettext_lazy("Welke taken in huis zijn moeilijk voor u?"),
        gettext_lazy("Kies alles wat u moeilijk vindt of niet meer kunt."),
        True,
    ),
    Question(
        "netwerk",
        gettext_lazy("Wie is er in de buurt die u helpt of zou kunnen helpen?"),
        gettext_lazy("Kies iedereen die er is. Is er niemand? Kies dan Niemand."),
        True,
    ),
    Question(
        "zelf",
        gettext_lazy("Welke van deze taken kunt u nog zelf, met een handigheidje of hulpmiddel?"),
        gettext_lazy("Denk aan boodschappen laten bezorgen of een kruk in de keuken."),
        True,
    ),
    Question("urgentie", gettext_lazy("Hoe snel heeft u hulp nodig?"), gettext_lazy("Kies wat het beste past."), False),
]
KEYS = [question.key for question in QUESTIONS]


def task_label(code: str) -> str:
    return str(TASKS[code].label)


def question(key: str) -> Question:
    for item in QUESTIONS:
        if item.key == key:
            return item
    raise fail("question", _("Deze vraag bestaat niet."), Code.UNKNOWN_QUESTION)


def choices(key: str, answers: dict) -> list[tuple[str, str]]:
    """The options of one question as (code, label). "What can you still do" offers the tasks chosen as hard."""
    if key == "taken":
        return [(code, task_label(code).capitalize()) for code in TASKS]
    if key == "netwerk":
        return [(code, str(label).capitalize()) for code, label in NETWORK.items()]
    if key == "zelf":
        hard = [code for code in TASKS if code in answers.get("taken", [])]
        return [(code, task_label(code).capitalize()) for code in hard] + [(NOTHING, _("Geen van deze"))]
    return [(code, str(label).capitalize()) for code, label in URGENCY.items()]


def clean_answer(key: str, values, answers: dict) -> list[str]:
    """The answer to one question as a list of codes in the order offered, or a Dutch error for field `answer`."""
    item = question(key)
    values = [str(value) for value in (values or [])]
    allowed = [code for code, _label in choices(key, answers)]
    if not values:
        message = _("Kies minstens één antwoord.") if item.multiple else _("Kies een antwoord.")
        raise fail("answer", message, Code.REQUIRED)
    if len(values) > len(allowed) or any(value not in allowed for value in values):
        raise fail("answer", _("Kies uit de antwoorden op deze pagina."), Code.INVALID_CHOICE)
    if not item.multiple and len(set(values)) > 1:
        raise fail("answer", _("Kies één antwoord."), Code.INVALID_CHOICE)
    for alone in ("niemand", NOTHING):
        if alone in values and len(set(values)) > 1:
            raise fail(
                "answer",
                _("U koos “%(label)s” en ook iets anders. Kies één van beide.")
                % {"label": dict(choices(key, answers))[alone]},
                Code.INVALID_CHOICE,
            )
    return [code for code in allowed if code in values]


def first_unanswered(answers: dict) -> str | None:
    return next((key for key in KEYS if not answers.get(key)), None)


def neighbours_of(key: str) -> tuple[str | None, str | None]:
    """The question before and after this one (None at the ends)."""
    index = KEYS.index(key)
    return (KEYS[index - 1] if index else None, KEYS[index + 1] if index + 1 < len(KEYS) else None)
