"""The rules that turn answers into suggestions: their format, the default set, the check a wijk admin's edit must
pass (with Dutch errors that name the rule and the field), the evaluation, and the "why" of each suggestion.

Rules are data, stored per wijk and versioned (models.RuleSet); a finished assessment keeps the version that
produced its outcome, so `reasons` can explain it long after the rules changed. This module never touches the
database."""

import json

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wijkmarkt.tenants.wijzer.errors import WijzerErrorCode as Code
from wijkmarkt.tenants.wijzer.errors import fail
from wijkmarkt.tenants.wijzer.questions import NETWORK, NOTHING, TASKS, URGENCY, task_label

# The documents' order (seeds/INVENTORY.md 1.4, 1.14): own strength, own network, neighbours, general services,
# household help, and only then the municipality; "call or visit us" closes every outcome that has it.
KINDS = {
    "zelf": gettext_lazy("Wat u zelf kunt doen"),
    "netwerk": gettext_lazy("Uw eigen netwerk"),
    "buren": gettext_lazy("Buren via de Wijkmarkt"),
    "dienst": gettext_lazy("Diensten in de wijk"),
    "aanbieder": gettext_lazy("Hulp in huis die bij u past"),
    "gemeente": gettext_lazy("Een aanvraag bij de gemeente"),
    "contact": gettext_lazy("Bel of kom langs"),
}
DAY_PARTS = {"ochtend": "morning", "middag": "afternoon", "avond": "evening"}
FIELDS = ("soort", "titel", "tekst", "taken", "zelf_kan", "netwerk", "urgentie", "lost_op", "dagdelen")
MAX_RULES = 60
MAX_TEXT = 20_000

DEFAULT_RULES = {
    "regels": [
        {
            "soort": "zelf",
            "taken": ["boodschappen"],
            "zelf_kan": True,
            "lost_op": True,
            "titel": "Boodschappen laten bezorgen",
            "tekst": "Bestel uw boodschappen telefonisch of online en laat ze thuisbezorgen. Een boodschappentrolley "
            "maakt dragen lichter.",
        },
        {
            "soort": "zelf",
            "taken": ["warme_maaltijd", "broodmaaltijd"],
            "zelf_kan": True,
            "lost_op": True,
            "titel": "Makkelijker koken",
            "tekst": "Kook één keer voor meer dagen en vries porties in. Een kruk bij het aanrecht en gesneden "
            "groenten uit de winkel sparen moeite.",
        },
        {
            "soort": "zelf",
            "taken": ["licht_huishouden", "was"],
            "zelf_kan": True,
            "lost_op": True,
            "titel": "Het huishouden in kleine stukjes",
            "tekst": "Doe elke dag één klein klusje in plaats van alles tegelijk. Een lichte steelstofzuiger en een "
            "wasmand op wieltjes helpen.",
        },
        {
            "soort": "zelf",
            "taken": ["zwaar_huishouden"],
            "zelf_kan": True,
            "lost_op": True,
            "titel": "Zwaar werk verdelen",
            "tekst": "Verdeel zwaar werk over de week. Een mop met een lange steel spaart uw rug; voor de ramen kunt "
            "u een glazenwasser vragen.",
        },
        {
            "soort": "netwerk",
            "netwerk": ["familie", "mantelzorger"],
            "titel": "Vraag uw familie of mantelzorger",
            "tekst": "Vertel wat moeilijk is. Vaak helpen ze graag met een vast klusje, zoals de boodschappen op "
            "zaterdag. Mantelzorgers kunnen zelf steun krijgen bij Tandem.",
        },
        {
            "soort": "netwerk",
            "netwerk": ["buren"],
            "titel": "Vraag iemand die u kent",
            "tekst": "Een buur of vriend die u kent neemt misschien iets mee als hij zelf boodschappen doet. Vragen "
            "mag: iedereen heeft wel eens een vraag.",
        },
        {
            "soort": "buren",
            "taken": ["boodschappen", "warme_maaltijd", "broodmaaltijd", "licht_huishouden", "was"],
            "titel": "Vraag buren via de Wijkmarkt",
            "tekst": "Buren helpen graag met een klusje of de boodschappen. Uw vraag staat al voor u klaar: u hoeft "
            "hem alleen te plaatsen. Vaste hulp in de huishouding is te veel om van buren te vragen.",
        },
        {
            "soort": "dienst",
            "taken": ["boodschappen"],
            "titel": "Een boodschappendienst",
            "tekst": "Er zijn boodschappendiensten die de boodschappen voor u doen of brengen. Vraag bij de balie of "
            "de sociaal makelaar welke er in uw wijk zijn.",
        },
        {
            "soort": "dienst",
            "taken": ["warme_maaltijd"],
            "titel": "Een maaltijdservice",
            "tekst": "Een maaltijdservice brengt warme maaltijden aan huis, ook voor één persoon en ook maar een paar "
            "dagen per week.",
        },
        {
            "soort": "aanbieder",
            "titel": "Kies zelf een hulp in huis",
            "tekst": "Deze aanbieders doen wat u moeilijk vindt. U kiest zelf wie bij u past.",
        },
        {
            "soort": "gemeente",
            "taken": ["boodschappen", "warme_maaltijd", "broodmaaltijd", "licht_huishouden", "zwaar_huishouden", "was"],
            "titel": "Hulp bij het huishouden aanvragen",
            "tekst": "Lukt het niet met de suggesties hierboven? Vraag hulp bij het huishouden aan bij de gemeente. "
            "Het formulier is al voor u ingevuld; de sociaal makelaar kan het ook samen met u versturen.",
        },
        {
            "soort": "contact",
            "titel": "Liever even praten?",
            "tekst": "Bel of kom langs. Wij denken met u mee, ook als u nog twijfelt.",
        },
    ]
}


def as_text(rules: dict) -> str:
    """The rules as the admin edits them: indented JSON with Dutch letters as they are."""
    return json.dumps(rules, ensure_ascii=False, indent=2)


def parse(text: str) -> dict:
    """Read and check an edited rule set; every problem is one Dutch message on the field `rules`."""
    text = (text or "").strip()
    if not text:
        raise fail("rules", _("Vul de regels in."), Code.REQUIRED)
    if len(text) > MAX_TEXT:
        raise fail(
            "rules",
            _("Dit is te lang: maximaal %(max)s tekens, u typte er %(length)s.")
            % {"max": MAX_TEXT, "length": len(text)},
            Code.TOO_LONG,
        )
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise fail(
            "rules",
            _(
                "Dit is geen geldige JSON (regel %(line)s, kolom %(column)s): controleer komma's, "
                "aanhalingstekens en haakjes."
            )
            % {"line": error.lineno, "column": error.colno},
            Code.INVALID_RULES,
        ) from None
    return check(data)


def check(data) -> dict:
    """A rule set that passes every check, normalised; else one ValidationError listing every problem."""
    if not isinstance(data, dict) or set(data) != {"regels"} or not isinstance(data["regels"], list):
        raise fail("rules", _('De regels staan in een blok { "regels": [ ... ] } en verder niets.'), Code.INVALID_RULES)
    rules = data["regels"]
    if not rules or len(rules) > MAX_RULES:
        raise fail("rules", _("Geef tussen 1 en %(max)s regels.") % {"max": MAX_RULES}, Code.INVALID_RULES)
    problems, cleaned = [], []
    for number, rule in enumerate(rules, start=1):
        rule_problems, rule_clean = _check_rule(rule)
        problems += [_("Regel %(number)s: %(problem)s") % {"number": number, "problem": p} for p in rule_problems]
        cleaned.append(rule_clean)
    if not any(rule.get("soort") in ("gemeente", "contact") for rule in cleaned):
        problems.append(
            _(
                "Er moet minstens één regel van soort “gemeente” of “contact” zijn, zodat niemand zonder "
                "antwoord blijft."
            )
        )
    if problems:
        raise fail("rules", " ".join(problems), Code.INVALID_RULES)
    return {"regels": cleaned}


def _check_list(rule: dict, name: str, allowed, problems: list) -> list[str]:
    values = rule.get(name, [])
    if not isinstance(values, list) or not all(isinstance(value, str) for value in values):
        problems.append(
            _('“%(name)s” is een lijst tussen [ ], zoals ["%(example)s"].')
            % {"name": name, "example": next(iter(allowed))}
        )
        return []
    unknown = [value for value in values if value not in allowed]
    if unknown:
        problems.append(
            _("“%(name)s” kent %(unknown)s niet; kies uit %(allowed)s.")
            % {"name": name, "unknown": ", ".join(f"“{value}”" for value in unknown), "allowed": ", ".join(allowed)}
        )
    return [value for value in allowed if value in values]


def _check_text(rule: dict, name: str, max_length: int, problems: list) -> str:
    value = rule.get(name)
    if not isinstance(value, str) or not value.strip():
        problems.append(_("“%(name)s” ontbreekt.") % {"name": name})
        return ""
    value = value.strip()
    if len(value) > max_length:
        problems.append(_("“%(name)s” is te lang: maximaal %(max)s tekens.") % {"name": name, "max": max_length})
    if any(ord(char) < 32 or 0x7F <= ord(char) <= 0x9F for char in value):
        problems.append(_("“%(name)s” bevat onzichtbare of ongeldige tekens.") % {"name": name})
    return value


def _check_rule(rule) -> tuple[list[str], dict]:
    if not isinstance(rule, dict):
        return [_("een regel staat tussen { }.")], {}
    problems = []
    unknown = [name for name in rule if name not in FIELDS]
    if unknown:
        problems.append(
            _("onbekend veld %(unknown)s; toegestaan zijn %(allowed)s.")
            % {"unknown": ", ".join(f"“{name}”" for name in unknown), "allowed": ", ".join(FIELDS)}
        )
    kind = rule.get("soort")
    if kind not in KINDS:
        problems.append(_("“soort” moet één van deze zijn: %(kinds)s.") % {"kinds": ", ".join(KINDS)})
    cleaned = {
        "soort": kind,
        "titel": _check_text(rule, "titel", 120, problems),
        "tekst": _check_text(rule, "tekst", 1000, problems),
    }
    for name, allowed in (("taken", TASKS), ("netwerk", NETWORK), ("urgentie", URGENCY), ("dagdelen", DAY_PARTS)):
        if name in rule:
            cleaned[name] = _check_list(rule, name, allowed, problems)
    for name in ("zelf_kan", "lost_op"):
        if name in rule:
            if not isinstance(rule[name], bool):
                problems.append(_("“%(name)s” is true of false.") % {"name": name})
            cleaned[name] = rule[name] is True
    if "dagdelen" in rule and kind != "aanbieder":
        problems.append(_("“dagdelen” past alleen bij soort “aanbieder”."))
    return [str(problem) for problem in problems], cleaned


def evaluate(rules: dict, answers: dict) -> list[dict]:
    """The suggestions for these answers, in the documents' order of kinds and, within a kind, in rule order.
    Each is {"regel": number in the set, "soort", "titel", "tekst", "taken": the tasks it is about}."""
    hard = [code for code in TASKS if code in answers.get("taken", [])]
    own = [code for code in answers.get("zelf", []) if code != NOTHING]
    network = answers.get("netwerk", [])
    urgency = answers.get("urgentie", [])
    open_tasks = list(hard)
    order = list(KINDS)
    numbered = sorted(enumerate(rules["regels"], start=1), key=lambda pair: order.index(pair[1]["soort"]))
    suggestions = []
    for number, rule in numbered:
        tasks = [code for code in open_tasks if code in rule.get("taken", TASKS)]
        if rule.get("zelf_kan"):
            tasks = [code for code in tasks if code in own]
        if "netwerk" in rule and not set(rule["netwerk"]) & set(network):
            continue
        if "urgentie" in rule and not set(rule["urgentie"]) & set(urgency):
            continue
        if not tasks and rule["soort"] != "contact":
            continue
        suggestions.append(
            {"regel": number, "soort": rule["soort"], "titel": rule["titel"], "tekst": rule["tekst"], "taken": tasks}
        )
        if rule.get("lost_op"):
            open_tasks = [code for code in open_tasks if code not in tasks]
    return suggestions


def reasons(rule: dict, answers: dict, tasks: list[str]) -> list[str]:
    """Why a rule gave this suggestion, in plain sentences built from the rule and the answers it matched."""
    said = []
    if tasks:
        said.append(_("U vindt dit moeilijk: %(tasks)s.") % {"tasks": ", ".join(task_label(code) for code in tasks)})
    if rule.get("zelf_kan"):
        said.append(_("U zei dat u dit met een handigheidje nog zelf kunt."))
    if "netwerk" in rule:
        around = [code for code in rule["netwerk"] if code in answers.get("netwerk", [])]
        if around == ["niemand"]:
            said.append(_("U zei dat er niemand in de buurt is die helpt."))
        else:
            said.append(
                _("U zei dat deze mensen er zijn: %(who)s.") % {"who": ", ".join(str(NETWORK[c]) for c in around)}
            )
    if "urgentie" in rule:
        chosen = [str(URGENCY[code]) for code in answers.get("urgentie", []) if code in URGENCY]
        said.append(_("U heeft hulp nodig: %(when)s.") % {"when": ", ".join(chosen)})
    if rule.get("soort") == "contact" and not tasks:
        said.append(_("Dit staat bij iedere uitkomst."))
    return said
