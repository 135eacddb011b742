"""Every write of the Eigen Kracht Wijzer: starting (or resuming) an assessment, answering one question, finishing
it with the wijk's current rules, the application to the municipality, and a new version of the rules. Pages,
GraphQL, the demo and tests all call these.

Who may act for whom is membership.access.acting_as (the resident, their proxy, or the makelaar, recorded as such);
who may edit the rules is the wijk admin (Perm.MANAGE_WIJZER_RULES)."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkmarkt.platform.accounts.permissions import Actor, Perm, require_permission
from wijkmarkt.platform.plaintext import clean_text
from wijkmarkt.tenants.membership.access import acting_as
from wijkmarkt.tenants.membership.actions.acting_for import record_acting_for
from wijkmarkt.tenants.membership.models import ActingWhat, Membership
from wijkmarkt.tenants.wijzer import questions
from wijkmarkt.tenants.wijzer import rules as rulebook
from wijkmarkt.tenants.wijzer.errors import WijzerErrorCode as Code
from wijkmarkt.tenants.wijzer.errors import fail
from wijkmarkt.tenants.wijzer.models import Application, Assessment, AssessmentStatus, RuleSet
from wijkmarkt.tenants.wijzer.selectors import current_rule_set


def start_assessment(*, actor: Actor, member: Membership) -> Assessment:
    """The member's draft, or a new one: there is at most one draft per resident, so starting again resumes."""
    placed_as = acting_as(actor, member, Perm.RESPOND)
    draft = Assessment.objects.filter(member=member, status=AssessmentStatus.DRAFT).first()
    if draft is not None:
        return draft
    try:
        with transaction.atomic():
            return Assessment.objects.create(member=member, started_by=actor.user, placed_as=placed_as)
    except IntegrityError:  # started twice at once: the constraint keeps one draft
        return Assessment.objects.get(member=member, status=AssessmentStatus.DRAFT)


def _require_draft(assessment: Assessment) -> None:
    if assessment.status != AssessmentStatus.DRAFT:
        raise fail(None, _("Deze Wijzer is al af. Begin een nieuwe als uw situatie is veranderd."), Code.WRONG_STATE)


def answer_question(*, actor: Actor, assessment: Assessment, question: str, values: list[str]) -> Assessment:
    """Store the answer to one question of a draft. Changing which tasks are hard drops "can still do myself"
    answers about tasks that are no longer chosen, so that question is asked again when nothing is left."""
    acting_as(actor, assessment.member, Perm.RESPOND)
    with transaction.atomic():
        locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
        _require_draft(locked)
        answers = dict(locked.answers)
        answers[question] = questions.clean_answer(question, values, answers)
        if question == "taken" and answers.get("zelf"):
            kept = [code for code in answers["zelf"] if code in answers["taken"] or code == questions.NOTHING]
            answers["zelf"] = kept
            if not kept:
                del answers["zelf"]
        locked.answers = answers
        locked.save(update_fields=["answers", "updated_at"])
    assessment.answers, assessment.updated_at = locked.answers, locked.updated_at
    return assessment


def finish_assessment(*, actor: Actor, assessment: Assessment) -> Assessment:
    """Turn a complete draft into an outcome with the wijk's current rules, keeping the version that made it."""
    placed_as = acting_as(actor, assessment.member, Perm.RESPOND)
    with transaction.atomic():
        locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
        _require_draft(locked)
        missing = questions.first_unanswered(locked.answers)
        if missing is not None:
            raise fail(
                None,
                _("Beantwoord eerst deze vraag: %(question)s") % {"question": questions.question(missing).text},
                Code.NOT_ANSWERED,
            )
        rule_set = current_rule_set()
        locked.rule_set = rule_set
        locked.outcome = rulebook.evaluate(rule_set.rules, locked.answers)
        locked.status = AssessmentStatus.FINISHED
        locked.finished_by, locked.finished_as, locked.finished_at = actor.user, placed_as, timezone.now()
        locked.save()
        record_acting_for(actor, member=locked.member, placed_as=placed_as, what=ActingWhat.SELF_ASSESSMENT, obj=locked)
    return locked


def save_rules(*, actor: Actor, text: str, note: str = "") -> RuleSet:
    """A new version of the wijk's rules from the admin's edit; the older versions stay as they were."""
    require_permission(actor, Perm.MANAGE_WIJZER_RULES)
    errors = {}
    try:
        rules = rulebook.parse(text)
    except ValidationError as error:
        errors.update(error.error_dict)
    try:
        note = clean_text(note, field="note", max_length=200, required=False)
    except ValidationError as error:
        errors.update(error.error_dict)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        current = RuleSet.objects.select_for_update().order_by("-version").first()
        if current is not None and rulebook.check(current.rules) == rules:  # the same rules, maybe reordered
            raise fail(
                "rules",
                _("Er is niets veranderd: de regels zijn gelijk aan versie %(version)s.")
                % {"version": current.version},
                Code.INVALID_RULES,
            )
        version = current.version + 1 if current is not None else 1
        return RuleSet.objects.create(version=version, rules=rules, note=note, created_by=actor.user)


def application_tasks(assessment: Assessment) -> list[str]:
    """The need that remains: the tasks of the outcome's municipality suggestion (none if it has none)."""
    return next((item["taken"] for item in assessment.outcome if item["soort"] == "gemeente"), [])


def send_application(
    *, actor: Actor, assessment: Assessment, tasks: list[str], situation: str, phone: str = ""
) -> Application:
    """The application to the municipality for household help, by the resident, their proxy or the makelaar."""
    placed_as = acting_as(actor, assessment.member, Perm.RESPOND)
    if assessment.status != AssessmentStatus.FINISHED or not application_tasks(assessment):
        raise fail(
            None, _("Een aanvraag kan pas als de Wijzer af is en hulp van de gemeente voorstelt."), Code.WRONG_STATE
        )
    errors, values = {}, {}
    checks = {
        "situation": lambda: clean_text(situation, field="situation", max_length=2000, multiline=True),
        "phone": lambda: clean_text(phone, field="phone", max_length=30, required=False),
    }
    for name, check in checks.items():
        try:
            values[name] = check()
        except ValidationError as error:
            errors.update(error.error_dict)
    chosen = [str(code) for code in tasks or []]
    if not chosen:
        errors["tasks"] = [ValidationError(_("Kies minstens één taak."), code=str(Code.REQUIRED))]
    elif any(code not in questions.TASKS for code in chosen) or len(chosen) > len(questions.TASKS):
        errors["tasks"] = [ValidationError(_("Kies uit de lijst."), code=str(Code.INVALID_CHOICE))]
    if errors:
        raise ValidationError(errors)
    already = _("Deze aanvraag is al verstuurd.")
    if Application.objects.filter(assessment=assessment).exists():
        raise fail(None, already, Code.ALREADY_APPLIED)
    try:
        with transaction.atomic():
            application = Application.objects.create(
                assessment=assessment,
                tasks=[code for code in questions.TASKS if code in chosen],
                sent_by=actor.user,
                placed_as=placed_as,
                **values,
            )
            record_acting_for(
                actor, member=assessment.member, placed_as=placed_as, what=ActingWhat.APPLICATION, obj=application
            )
            return application
    except IntegrityError:
        raise fail(None, already, Code.ALREADY_APPLIED) from None
