"""Every write of household help, in two modules: the directory and its help requests (directory.py), and support
plans with their satisfaction survey (plans.py). Views, GraphQL, the demo and tests all call these."""

from wijkmarkt.tenants.care.actions.directory import (
    MAX_CHOICES,
    ProviderEntry,
    ProviderInput,
    answer_help_request,
    register_provider,
    send_help_request,
    update_provider,
    withdraw_help_request,
)
from wijkmarkt.tenants.care.actions.plans import (
    PlanInput,
    agree_support_plan,
    record_satisfaction,
    revise_support_plan,
    start_support_plan,
)

__all__ = [
    "MAX_CHOICES",
    "PlanInput",
    "ProviderEntry",
    "ProviderInput",
    "agree_support_plan",
    "answer_help_request",
    "record_satisfaction",
    "register_provider",
    "revise_support_plan",
    "send_help_request",
    "start_support_plan",
    "update_provider",
    "withdraw_help_request",
]
