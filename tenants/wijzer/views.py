"""Pages of the Eigen Kracht Wijzer, all without JavaScript: the start page with one's assessments, one question
per page (Volgende, Vorige, Opslaan en later verder), a check of the answers, the outcome with the "why" of every
suggestion, the application to the municipality, and the wijk admin's rules page. Reads of someone else's answers
are logged by access.py; every write is an action."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wijkmarkt.platform.accounts.permissions import Perm, has_permission
from wijkmarkt.platform.forms import add_action_errors
from wijkmarkt.platform.wijken.models import Module
from wijkmarkt.tenants.membership.pages import acting_choices, chosen_member, module_page, requires
from wijkmarkt.tenants.privacy.models import Channel
from wijkmarkt.tenants.wijzer import questions
from wijkmarkt.tenants.wijzer import rules as rulebook
from wijkmarkt.tenants.wijzer.access import assessment_for, assessments_of, may_manage_rules
from wijkmarkt.tenants.wijzer.actions import (
    answer_question,
    application_tasks,
    finish_assessment,
    save_rules,
    send_application,
    start_assessment,
)
from wijkmarkt.tenants.wijzer.forms import ApplicationForm, QuestionForm, RulesForm, StartForm
from wijkmarkt.tenants.wijzer.models import Application, AssessmentStatus
from wijkmarkt.tenants.wijzer.selectors import answered, current_rule_set, outcome_of, rule_versions

# Household help and the Wijzer are one module (Module.CARE); members and relatives acting as proxy may enter.
wijzer_page = module_page(Module.CARE)


def _assessment(request, assessment_id: int):
    return assessment_for(request.actor, assessment_id, via=Channel.PAGE)


def _next_page(assessment):
    """Where a draft continues: its first unanswered question, or the check page when all are answered."""
    if assessment.status == AssessmentStatus.FINISHED:
        return redirect("wijzer:outcome", assessment.pk)
    key = questions.first_unanswered(assessment.answers)
    return redirect("wijzer:question", assessment.pk, key) if key else redirect("wijzer:check", assessment.pk)


@wijzer_page
def home(request):
    members = acting_choices(request)
    context = {
        "assessments": assessments_of(request.actor).order_by("-updated_at")[:50],
        "form": StartForm(members=members),
        "may_start": bool(members),
        "may_manage_rules": may_manage_rules(request.actor),
        "is_makelaar": has_permission(request.actor, Perm.ACT_FOR_RESIDENTS),
    }
    return render(request, "wijzer/home.html", context)


@wijzer_page
@require_POST
def start(request):
    members = acting_choices(request)
    form = StartForm(request.POST, members=members)
    form.is_valid()
    member = chosen_member(request, form.on_behalf_of_id(), members)
    return _next_page(start_assessment(actor=request.actor, member=member))


@wijzer_page
def resume(request, assessment_id: int):
    return _next_page(_assessment(request, assessment_id))


@wijzer_page
@require_http_methods(["GET", "POST"])
def question_page(request, assessment_id: int, key: str):
    if key not in questions.KEYS:
        raise Http404
    assessment = _assessment(request, assessment_id)
    if assessment.status != AssessmentStatus.DRAFT:
        return redirect("wijzer:outcome", assessment.pk)
    first_open = questions.first_unanswered(assessment.answers)
    if first_open is not None and questions.KEYS.index(key) > questions.KEYS.index(first_open):
        return redirect("wijzer:question", assessment.pk, first_open)  # no skipping ahead
    question = questions.question(key)
    previous, following = questions.neighbours_of(key)
    if request.method == "GET":
        form = QuestionForm(
            question=question, answers=assessment.answers, initial={"answer": _initial(question, assessment.answers)}
        )
        return _question(request, assessment, question, form)
    form = QuestionForm(request.POST, question=question, answers=assessment.answers)
    values = request.POST.getlist("answer")
    going = request.POST.get("ga", "verder")
    if going in ("terug", "later") and not values:
        return _leave(request, assessment, previous, going)
    try:
        answer_question(actor=request.actor, assessment=assessment, question=key, values=values)
    except ValidationError as error:
        if going == "terug":  # back is always possible; an unfinished answer on this page is simply not kept
            return _leave(request, assessment, previous, going)
        add_action_errors(form, error)
        return _question(request, assessment, question, form, status=400)
    if going in ("terug", "later"):
        return _leave(request, assessment, previous, going)
    return _next_page(assessment) if following is None else redirect("wijzer:question", assessment.pk, following)


def _initial(question, answers):
    values = answers.get(question.key, [])
    return values if question.multiple else (values[0] if values else None)


def _leave(request, assessment, previous, going):
    if going == "later":
        messages.success(request, _("Uw antwoorden zijn bewaard. U kunt later verder gaan waar u was."))
        return redirect("wijzer:home")
    return redirect("wijzer:question", assessment.pk, previous) if previous else redirect("wijzer:home")


def _question(request, assessment, question, form, status=200):
    number = questions.KEYS.index(question.key) + 1
    previous, _following = questions.neighbours_of(question.key)
    context = {
        "assessment": assessment,
        "question": question,
        "form": form,
        "number": number,
        "total": len(questions.KEYS),
        "previous": previous,
    }
    return render(request, "wijzer/question.html", context, status=status)


@wijzer_page
@require_http_methods(["GET", "POST"])
def check(request, assessment_id: int):
    assessment = _assessment(request, assessment_id)
    if assessment.status != AssessmentStatus.DRAFT:
        return redirect("wijzer:outcome", assessment.pk)
    errors = []
    if request.method == "POST":
        try:
            finish_assessment(actor=request.actor, assessment=assessment)
        except ValidationError as error:
            errors = error.messages
        else:
            return redirect("wijzer:outcome", assessment.pk)
    context = {
        "assessment": assessment,
        "answered": answered(assessment),
        "errors": errors,
        "complete": questions.first_unanswered(assessment.answers) is None,
    }
    return render(request, "wijzer/check.html", context, status=400 if errors else 200)


@wijzer_page
def outcome(request, assessment_id: int):
    assessment = _assessment(request, assessment_id)
    if assessment.status != AssessmentStatus.FINISHED:
        return _next_page(assessment)
    context = {
        "assessment": assessment,
        "suggestions": outcome_of(assessment, request.tenant),
        "answered": answered(assessment),
        "application": Application.objects.filter(assessment=assessment).select_related("sent_by").first(),
    }
    return render(request, "wijzer/outcome.html", context)


@wijzer_page
@require_http_methods(["GET", "POST"])
def application(request, assessment_id: int):
    assessment = _assessment(request, assessment_id)
    sent = Application.objects.filter(assessment=assessment).select_related("sent_by").first()
    tasks = application_tasks(assessment)
    if assessment.status != AssessmentStatus.FINISHED or not tasks:
        raise Http404
    if sent is not None or request.method == "GET":
        summary = "; ".join(f"{text} {', '.join(labels)}" for _key, text, labels in answered(assessment))
        form = ApplicationForm(initial={"tasks": tasks, "situation": summary})
        return render(request, "wijzer/application.html", {"assessment": assessment, "form": form, "sent": sent})
    form = ApplicationForm(request.POST)
    if form.is_valid():
        try:
            send_application(
                actor=request.actor,
                assessment=assessment,
                tasks=form.cleaned_data["tasks"],
                situation=form.cleaned_data["situation"],
                phone=form.cleaned_data["phone"],
            )
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("Uw aanvraag is verstuurd naar de gemeente. De gemeente neemt contact op."))
            return redirect("wijzer:outcome", assessment.pk)
    return render(request, "wijzer/application.html", {"assessment": assessment, "form": form}, status=400)


@wijzer_page
@requires(Perm.MANAGE_WIJZER_RULES)
@require_http_methods(["GET", "POST"])
def rules_page(request):
    current = current_rule_set()
    if request.method == "POST":
        form = RulesForm(request.POST)
        form.is_valid()
        try:
            saved = save_rules(actor=request.actor, text=form.cleaned_data["rules"], note=form.cleaned_data["note"])
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "Versie %(version)s van de regels is opgeslagen. Wijzers die al af zijn, "
                    "houden de versie waarmee ze gemaakt zijn."
                )
                % {"version": saved.version},
            )
            return redirect("wijzer:rules")
        status = 400
    else:
        form = RulesForm(initial={"rules": rulebook.as_text(current.rules) if current else ""})
        status = 200
    return render(request, "wijzer/rules.html", _rules_context(current, form), status=status)


def _rules_context(rule_set, form=None):
    return {
        "rule_set": rule_set,
        "form": form,
        "versions": rule_versions()[:50],
        "kinds": rulebook.KINDS,
        "readable": _readable(rule_set.rules) if rule_set else [],
        "fields": rulebook.FIELDS,
        "tasks": questions.TASKS,
        "network": questions.NETWORK,
        "urgency": questions.URGENCY,
        "day_parts": rulebook.DAY_PARTS,
    }


def _readable(rules: dict) -> list[dict]:
    """Each rule as the admin reads it: its number, kind and conditions in words."""
    rows = []
    for number, rule in enumerate(rules["regels"], start=1):
        conditions = []
        if "taken" in rule:
            conditions.append(
                _("taken: %(list)s") % {"list": ", ".join(questions.task_label(c) for c in rule["taken"])}
            )
        if rule.get("zelf_kan"):
            conditions.append(_("alleen wat de bewoner nog zelf kan"))
        if "netwerk" in rule:
            conditions.append(
                _("als er %(who)s is") % {"who": ", ".join(str(questions.NETWORK[c]) for c in rule["netwerk"])}
            )
        if "urgentie" in rule:
            conditions.append(
                _("bij %(when)s") % {"when": ", ".join(str(questions.URGENCY[c]) for c in rule["urgentie"])}
            )
        if rule.get("dagdelen"):
            conditions.append(_("aanbieders die %(parts)s werken") % {"parts": ", ".join(rule["dagdelen"])})
        if rule.get("lost_op"):
            conditions.append(_("daarna opgelost"))
        rows.append(
            {
                "number": number,
                "kind": rulebook.KINDS[rule["soort"]],
                "title": rule["titel"],
                "text": rule["tekst"],
                "conditions": conditions,
            }
        )
    return rows


@wijzer_page
@requires(Perm.MANAGE_WIJZER_RULES)
def rules_version(request, version: int):
    rule_set = get_object_or_404(rule_versions(), version=version)
    context = {**_rules_context(rule_set), "old": True, "as_text": rulebook.as_text(rule_set.rules)}
    return render(request, "wijzer/rules.html", context)
