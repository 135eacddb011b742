"""Reads of the Wijzer, inside the active wijk's schema: the current rules and their versions, and an outcome
turned into what the page and the API show: each stored suggestion with its reasons (from the rule version that
made it), and for some kinds what to do next: a pre-filled marketplace request, fitting household-help providers
(tenants/care selectors), the wijk's counters with opening hours (tenants/places) or its makelaars."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from wijkmarkt.platform.accounts.models import Role
from wijkmarkt.platform.wijken.models import Module, Wijk
from wijkmarkt.tenants.care.models import Provider
from wijkmarkt.tenants.care.selectors import available_in, doing, explain, wanted_slots
from wijkmarkt.tenants.membership.models import Membership
from wijkmarkt.tenants.places.selectors import counters
from wijkmarkt.tenants.wijzer import rules as rulebook
from wijkmarkt.tenants.wijzer.models import Assessment, RuleSet
from wijkmarkt.tenants.wijzer.questions import QUESTIONS, TASKS, choices, task_label

PROVIDERS_SHOWN = 3
# The marketplace category a neighbour request for a task is filed under (tenants/marketplace 0002_seed_categories).
TASK_CATEGORY = {"boodschappen": "boodschappen", "warme_maaltijd": "maaltijden", "broodmaaltijd": "maaltijden"}


def current_rule_set() -> RuleSet | None:
    """The newest version of the wijk's rules (migration 0002 ships version 1)."""
    return RuleSet.objects.order_by("-version").first()


def rule_versions() -> QuerySet[RuleSet]:
    return RuleSet.objects.select_related("created_by").order_by("-version")


@dataclass
class Suggestion:
    number: int
    kind: str
    kind_label: str
    title: str
    text: str
    tasks: list[str]
    why: list[str]
    task_labels: list[str] = field(default_factory=list)
    request_url: str = ""
    providers: list[tuple[Provider, str]] = field(default_factory=list)
    directory_url: str = ""
    counters: list = field(default_factory=list)
    makelaars: list[Membership] = field(default_factory=list)
    application_url: str = ""


def answered(assessment: Assessment) -> list[tuple[str, str, list[str]]]:
    """(question key, question, chosen labels) for every answered question, for the check page and the outcome."""
    rows = []
    for question in QUESTIONS:
        labels = dict(choices(question.key, assessment.answers))
        values = assessment.answers.get(question.key, [])
        rows.append((question.key, str(question.text), [labels[value] for value in values if value in labels]))
    return rows


def neighbour_request(assessment: Assessment, tasks: list[str]) -> dict:
    """The marketplace request a neighbour suggestion pre-fills (tenants/marketplace views.listings.new reads it)."""
    labels = [task_label(code) for code in tasks]
    return {
        "soort": "vraag",
        "titel": (_("Wie helpt mij met %(tasks)s?") % {"tasks": " en ".join(labels[:2])})[:120],
        "tekst": _(
            "Ik zoek een buur die mij af en toe helpt met: %(tasks)s. Ik heb dit gevonden met de Eigen Kracht Wijzer."
        )
        % {"tasks": ", ".join(labels)},
        "categorie": TASK_CATEGORY.get(tasks[0], "huishouden") if tasks else "huishouden",
        "voor": assessment.member_id,
    }


def fitting_providers(tasks: list[str], day_parts: list[str]) -> list[tuple[Provider, str]]:
    """Providers who do all these tasks (else at least one), at the rule's parts of the day, with why they fit."""
    activities = [TASKS[code].value for code in tasks]
    slots = wanted_slots([], [rulebook.DAY_PARTS[part] for part in day_parts])
    providers = available_in(Provider.objects.select_related("street"), slots)
    found = list(doing(providers, activities)[:PROVIDERS_SHOWN])
    if not found:
        found = list(providers.filter(activities__overlap=activities)[:PROVIDERS_SHOWN])
        return [(provider, explain(provider, slots)) for provider in found]
    return [(provider, explain(provider, slots, activities)) for provider in found]


def makelaars() -> list[Membership]:
    return list(
        Membership.objects.select_related("user", "profile")
        .filter(role=Role.MAKELAAR, suspended_at=None)
        .order_by("user__first_name")
    )


def outcome_of(assessment: Assessment, wijk: Wijk) -> list[Suggestion]:
    """The finished assessment's suggestions as stored, each explained by the rule version that produced it."""
    if assessment.rule_set is None:
        return []
    rules = assessment.rule_set.rules["regels"]
    suggestions = []
    for item in assessment.outcome:
        rule = rules[item["regel"] - 1]
        suggestion = Suggestion(
            number=item["regel"],
            kind=item["soort"],
            kind_label=str(rulebook.KINDS[item["soort"]]),
            title=item["titel"],
            text=item["tekst"],
            tasks=item["taken"],
            task_labels=[task_label(code) for code in item["taken"]],
            why=rulebook.reasons(rule, assessment.answers, item["taken"]),
        )
        _add_next_steps(suggestion, rule, assessment, wijk)
        suggestions.append(suggestion)
    return suggestions


def _add_next_steps(suggestion: Suggestion, rule: dict, assessment: Assessment, wijk: Wijk) -> None:
    if suggestion.kind == "buren" and wijk.has_module(Module.MARKETPLACE):
        query = urlencode(neighbour_request(assessment, suggestion.tasks))
        suggestion.request_url = f"{reverse('marketplace:listing-new')}?{query}"
    elif suggestion.kind == "aanbieder":
        suggestion.providers = fitting_providers(suggestion.tasks, rule.get("dagdelen", []))
        activities = urlencode([("activity", TASKS[code].value) for code in suggestion.tasks])
        suggestion.directory_url = f"{reverse('care:directory')}?{activities}"
    elif suggestion.kind == "gemeente":
        suggestion.application_url = reverse("wijzer:application", args=[assessment.pk])
    elif suggestion.kind == "contact":
        suggestion.counters = list(counters())
        if not suggestion.counters:
            suggestion.makelaars = makelaars()
