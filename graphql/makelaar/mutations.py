"""Mutations of the makelaar's work: each calls one action of tenants/makelaar/actions and returns its payload plus
`errors` (MakelaarError); with errors the whole mutation writes nothing (BaseMutation). Missing permission is a
top-level PERMISSION_DENIED, an ID the viewer may not reach a NOT_FOUND."""

import graphene

from wijkmarkt.graphql.core.ids import WijkNode, from_global_id, local_pk
from wijkmarkt.graphql.core.lookups import find_node
from wijkmarkt.graphql.core.mutations import WijkMutation
from wijkmarkt.graphql.core.types import error_codes, error_type
from wijkmarkt.graphql.core.viewer import viewer
from wijkmarkt.graphql.makelaar.queries import resident_of
from wijkmarkt.graphql.makelaar.types import (
    CASE_RELATED,
    SIGNAL_RELATED,
    CaseStatusEnum,
    CaseType,
    ConsentTopicEnum,
    ConsentType,
    HandOverType,
    OfflineResidentType,
    SignalReceiptType,
    SignalType,
)
from wijkmarkt.graphql.marketplace.related import neighbour_related
from wijkmarkt.platform.partners.models import ContactPerson
from wijkmarkt.tenants.makelaar.access import hand_over_for, resident_for
from wijkmarkt.tenants.makelaar.actions import cases, residents, signals
from wijkmarkt.tenants.makelaar.errors import MakelaarErrorCode as DomainErrorCode
from wijkmarkt.tenants.makelaar.models import Case, OfflineResident, Signal
from wijkmarkt.tenants.membership.access import NotFound
from wijkmarkt.tenants.membership.actions.consent import record_consent, withdraw_consent
from wijkmarkt.tenants.membership.models import Consent

MakelaarErrorCode = error_codes(
    "MakelaarErrorCode",
    DomainErrorCode,
    "Why a change to the makelaar's work did not go through; `message` says it in words.",
)
MakelaarError = error_type("MakelaarError", MakelaarErrorCode)


class MakelaarMutation(WijkMutation):
    """Subclasses implement `act(info, wijk, **arguments)` by calling one action."""

    class Meta:
        abstract = True

    errors = graphene.List(
        graphene.NonNull(MakelaarError), required=True, description="What to fix; empty when it worked."
    )
    error_code_enum = MakelaarErrorCode


def _case(case: Case) -> dict:
    return {"case": Case.objects.select_related(*CASE_RELATED).get(pk=case.pk)}


def _makelaars_resident(info, global_id: str):
    pk = local_pk(global_id, "Membership")
    return resident_for(viewer(info).actor, pk if pk is not None else -1)


def _contact_person(global_id: str | None) -> ContactPerson | None:
    """A contact person of the citywide partner directory, by its global ID (`ContactPerson:public:5`)."""
    if not global_id:
        return None
    parts = from_global_id(global_id)
    if parts is None or parts[0] != "ContactPerson" or parts[1] != "public" or not parts[2].isdigit():
        raise NotFound
    person = ContactPerson.objects.select_related("partner").filter(pk=int(parts[2])).first()
    if person is None:
        raise NotFound
    return person


class RegisterOfflineResident(MakelaarMutation):
    """The makelaar registers a resident without e-mail or computer (no login), with their consent."""

    class Arguments:
        first_name = graphene.String(required=True, description="First name, at most 60 characters.")
        last_name = graphene.String(description="Last name, at most 80 characters.")
        street = graphene.String(description="Street without house number, at most 80 characters.")
        phone = graphene.String(description="Phone number, at most 30 characters.")
        reach = graphene.String(description="How to reach them, at most 300 characters.")
        consent_given = graphene.Boolean(required=True, description="The resident agreed to be registered.")
        consent_note = graphene.String(description="How the resident gave consent, at most 500 characters.")
        act_for_consent = graphene.Boolean(description="The resident agreed that the makelaar acts for them.")
        question = graphene.String(description="The intake: their question, opening a first case (at most 2000).")

    offline_resident = graphene.Field(OfflineResidentType, description="The registered resident.")

    @classmethod
    def act(cls, info, wijk, first_name, consent_given, **data) -> dict:
        member = residents.register_offline_resident(
            actor=viewer(info).actor,
            wijk=wijk,
            first_name=first_name,
            consent_given=consent_given,
            consent_note=data.get("consent_note") or "",
            last_name=data.get("last_name") or "",
            street=data.get("street") or "",
            phone=data.get("phone") or "",
            reach=data.get("reach") or "",
            act_for_consent=bool(data.get("act_for_consent")),
            question=data.get("question") or "",
        )
        offline = OfflineResident.objects.select_related(*neighbour_related("member")).get(member=member)
        return {"offline_resident": offline}


class RecordConsent(MakelaarMutation):
    """Write down a resident's consent (the resident, their proxy or the makelaar)."""

    class Arguments:
        resident_id = graphene.ID(required=True, description="The resident (a Membership ID).")
        topic = ConsentTopicEnum(required=True, description="What the consent is for.")
        note = graphene.String(description="How it was given, at most 500 characters.")

    consent = graphene.Field(ConsentType, description="The recorded consent.")

    @classmethod
    def act(cls, info, wijk, resident_id, topic, note="") -> dict:
        member = resident_of(info, resident_id)
        consent = record_consent(
            actor=viewer(info).actor, member=member, topic=getattr(topic, "value", topic), note=note or ""
        )
        return {"consent": consent}


class WithdrawConsent(MakelaarMutation):
    """Write down that a consent is withdrawn (the resident, their proxy or the makelaar)."""

    class Arguments:
        consent_id = graphene.ID(required=True, description="The consent (a Consent ID).")

    consent = graphene.Field(ConsentType, description="The withdrawn consent.")

    @classmethod
    def act(cls, info, wijk, consent_id) -> dict:
        pk = local_pk(consent_id, "Consent")
        consent = Consent.objects.select_related("member__user").filter(pk=pk).first() if pk is not None else None
        if consent is None:
            raise NotFound
        resident_of(info, WijkNode.to_global_id("Membership", consent.member_id))
        return {"consent": withdraw_consent(actor=viewer(info).actor, consent=consent)}


class InviteResidentToLogIn(MakelaarMutation):
    """The resident wants a login after all: set their real e-mail address and mail them a password link."""

    class Arguments:
        resident_id = graphene.ID(required=True, description="The registered resident (a Membership ID).")
        email = graphene.String(required=True, description="Their own e-mail address.")

    offline_resident = graphene.Field(OfflineResidentType, description="The resident, now with an own login.")

    @classmethod
    def act(cls, info, wijk, resident_id, email) -> dict:
        member = _makelaars_resident(info, resident_id)
        residents.invite_to_log_in(actor=viewer(info).actor, member=member, email=email)
        return {
            "offline_resident": OfflineResident.objects.select_related(*neighbour_related("member")).get(member=member)
        }


class OpenCase(MakelaarMutation):
    """Open a case for a resident (makelaars)."""

    class Arguments:
        resident_id = graphene.ID(required=True, description="The resident (a Membership ID).")
        question = graphene.String(required=True, description="The question, at most 2000 characters.")
        agreements = graphene.String(description="What was agreed, at most 4000 characters.")
        follow_up_on = graphene.Date(description="When to look at it again (within a year back, two ahead).")

    case = graphene.Field(CaseType, description="The new case.")

    @classmethod
    def act(cls, info, wijk, resident_id, question, agreements="", follow_up_on=None) -> dict:
        member = _makelaars_resident(info, resident_id)
        return _case(
            cases.open_case(
                actor=viewer(info).actor,
                member=member,
                question=question,
                agreements=agreements or "",
                follow_up_on=follow_up_on,
            )
        )


def _case_id_argument():
    return graphene.ID(required=True, description="The case (a Case ID).")


class UpdateCase(MakelaarMutation):
    """Keep a case current: question, agreements, follow-up date, open or waiting."""

    class Arguments:
        case_id = _case_id_argument()
        question = graphene.String(required=True, description="The question, at most 2000 characters.")
        agreements = graphene.String(required=True, description="What was agreed, at most 4000 characters.")
        follow_up_on = graphene.Date(description="When to look at it again; null for no date.")
        status = CaseStatusEnum(description="OPEN or WAITING (close with closeCase); default OPEN.")

    case = graphene.Field(CaseType, description="The case as it is now.")

    @classmethod
    def act(cls, info, wijk, case_id, question, agreements, follow_up_on=None, status=None) -> dict:
        case = find_node(CaseType, info, case_id)
        cases.update_case(
            actor=viewer(info).actor,
            case=case,
            question=question,
            agreements=agreements,
            follow_up_on=follow_up_on,
            status=getattr(status, "value", status) or "open",
        )
        return _case(case)


class CloseCase(MakelaarMutation):
    """Close a case with its outcome."""

    class Arguments:
        case_id = _case_id_argument()
        outcome = graphene.String(required=True, description="The outcome, at most 2000 characters.")

    case = graphene.Field(CaseType, description="The closed case.")

    @classmethod
    def act(cls, info, wijk, case_id, outcome) -> dict:
        case = find_node(CaseType, info, case_id)
        cases.close_case(actor=viewer(info).actor, case=case, outcome=outcome)
        return _case(case)


class HandOverCase(MakelaarMutation):
    """Warm hand-over of a case to a named contact person of a partner, with the resident's consent."""

    class Arguments:
        case_id = _case_id_argument()
        contact_person_id = graphene.ID(description="A contact person of the partner directory (ContactPerson ID).")
        organisation = graphene.String(description="Without contactPersonId: the organisation.")
        contact_name = graphene.String(description="Without contactPersonId: the named person there.")
        contact_details = graphene.String(description="Without contactPersonId: their phone or e-mail.")
        passed_on = graphene.String(required=True, description="What is passed on, at most 2000 characters.")
        consent_given = graphene.Boolean(required=True, description="The resident agreed to this hand-over.")
        consent_note = graphene.String(required=True, description="How the resident agreed, at most 500 characters.")

    hand_over = graphene.Field(HandOverType, description="The hand-over.")
    case = graphene.Field(CaseType, description="The case, now waiting for the partner.")

    @classmethod
    def act(
        cls,
        info,
        wijk,
        case_id,
        passed_on,
        consent_given,
        consent_note,
        contact_person_id=None,
        organisation="",
        contact_name="",
        contact_details="",
    ) -> dict:
        case = find_node(CaseType, info, case_id)
        hand_over = cases.hand_over_case(
            actor=viewer(info).actor,
            case=case,
            passed_on=passed_on,
            consent_given=consent_given,
            consent_note=consent_note,
            contact=_contact_person(contact_person_id),
            organisation=organisation or "",
            contact_name=contact_name or "",
            contact_details=contact_details or "",
        )
        return {"hand_over": hand_over, **_case(case)}


class RecordHandOverOutcome(MakelaarMutation):
    """Write down what came of a hand-over."""

    class Arguments:
        hand_over_id = graphene.ID(required=True, description="The hand-over (a HandOver ID).")
        outcome = graphene.String(required=True, description="The outcome, at most 2000 characters.")

    hand_over = graphene.Field(HandOverType, description="The hand-over with its outcome.")

    @classmethod
    def act(cls, info, wijk, hand_over_id, outcome) -> dict:
        pk = local_pk(hand_over_id, "HandOver")
        hand_over = hand_over_for(viewer(info).actor, pk if pk is not None else -1)
        return {
            "hand_over": cases.record_hand_over_outcome(actor=viewer(info).actor, hand_over=hand_over, outcome=outcome)
        }


class ReportSignal(MakelaarMutation):
    """Report a worry about someone in the wijk; only the wijk's makelaars read it. Any member or partner."""

    class Arguments:
        about = graphene.String(required=True, description="Whom it is about, at most 200 characters.")
        worry = graphene.String(required=True, description="The worry, at most 2000 characters.")

    receipt = graphene.Field(SignalReceiptType, description="That it was received; nothing more.")

    @classmethod
    def act(cls, info, wijk, about, worry) -> dict:
        return {"receipt": signals.report_signal(actor=viewer(info).actor, about=about, worry=worry)}


def _signal(info, global_id: str) -> Signal:
    return find_node(SignalType, info, global_id)


def _signal_payload(signal: Signal) -> dict:
    return {"signal": Signal.objects.select_related(*SIGNAL_RELATED).get(pk=signal.pk)}


class TakeUpSignal(MakelaarMutation):
    """The makelaar goes after a signal (makelaars only)."""

    class Arguments:
        signal_id = graphene.ID(required=True, description="The signal (a Signal ID).")
        follow_up = graphene.String(description="What the makelaar does, at most 2000 characters.")

    signal = graphene.Field(SignalType, description="The signal, now being followed up.")

    @classmethod
    def act(cls, info, wijk, signal_id, follow_up="") -> dict:
        signal = _signal(info, signal_id)
        signals.take_up_signal(actor=viewer(info).actor, signal=signal, follow_up=follow_up or "")
        return _signal_payload(signal)


class CloseSignal(MakelaarMutation):
    """Close a signal with its outcome (makelaars only); the reporter sees only that it was handled."""

    class Arguments:
        signal_id = graphene.ID(required=True, description="The signal (a Signal ID).")
        outcome = graphene.String(required=True, description="The outcome, at most 2000 characters.")

    signal = graphene.Field(SignalType, description="The closed signal.")

    @classmethod
    def act(cls, info, wijk, signal_id, outcome) -> dict:
        signal = _signal(info, signal_id)
        signals.close_signal(actor=viewer(info).actor, signal=signal, outcome=outcome)
        return _signal_payload(signal)


class LinkSignalToResident(MakelaarMutation):
    """The makelaar found out whom a signal is about (makelaars only)."""

    class Arguments:
        signal_id = graphene.ID(required=True, description="The signal (a Signal ID).")
        resident_id = graphene.ID(required=True, description="The resident it is about (a Membership ID).")

    signal = graphene.Field(SignalType, description="The signal, now about that resident.")

    @classmethod
    def act(cls, info, wijk, signal_id, resident_id) -> dict:
        signal = _signal(info, signal_id)
        member = _makelaars_resident(info, resident_id)
        signals.link_signal_to_resident(actor=viewer(info).actor, signal=signal, member=member)
        return _signal_payload(signal)


class MakelaarMutations(graphene.ObjectType):
    register_offline_resident = RegisterOfflineResident.Field()
    record_consent = RecordConsent.Field()
    withdraw_consent = WithdrawConsent.Field()
    invite_resident_to_log_in = InviteResidentToLogIn.Field()
    open_case = OpenCase.Field()
    update_case = UpdateCase.Field()
    close_case = CloseCase.Field()
    hand_over_case = HandOverCase.Field()
    record_hand_over_outcome = RecordHandOverOutcome.Field()
    report_signal = ReportSignal.Field()
    take_up_signal = TakeUpSignal.Field()
    close_signal = CloseSignal.Field()
    link_signal_to_resident = LinkSignalToResident.Field()
