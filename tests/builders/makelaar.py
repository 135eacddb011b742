"""The makelaar's rows made through the actions: an offline resident, cases and signals."""

from django_tenants.utils import tenant_context

from wijkmarkt.tenants.makelaar.actions.cases import open_case
from wijkmarkt.tenants.makelaar.actions.residents import register_offline_resident
from wijkmarkt.tenants.makelaar.actions.signals import report_signal
from wijkmarkt.tenants.membership.selectors import actor_for


def register_oma(wijk, makelaar, first_name="Truus", **overrides):
    values = {
        "last_name": "de Vries",
        "street": "Zomerkade",
        "phone": "023 531 00 00",
        "reach": "Bellen na tienen",
        "consent_given": True,
        "consent_note": "Mondeling, bij de balie",
        "act_for_consent": True,
    }
    return register_offline_resident(
        actor=actor_for(makelaar.user), wijk=wijk, first_name=first_name, **{**values, **overrides}
    )


def case_for_member(makelaar, member, question="Wie helpt met boodschappen?", **kwargs):
    """A case the makelaar opens for `member`; call inside the wijk's tenant context (`case_in` enters it)."""
    return open_case(actor=actor_for(makelaar.user), member=member, question=question, **kwargs)


def signal_by(reporter, about="Mevrouw op de hoek", worry="De gordijnen blijven dicht.", **kwargs):
    """A worry `reporter` reports; call inside the wijk's tenant context (`signal_in` enters it)."""
    return report_signal(actor=actor_for(reporter.user), about=about, worry=worry, **kwargs)


def case_in(wijk, makelaar, member, question="Wie helpt met boodschappen?", **kwargs):
    with tenant_context(wijk):
        return case_for_member(makelaar, member, question, **kwargs)


def signal_in(wijk, reporter, about="Mevrouw op de hoek", worry="De gordijnen blijven dicht."):
    with tenant_context(wijk):
        return signal_by(reporter, about, worry)
