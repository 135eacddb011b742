"""The household-help demo: every provider type in the directory, the provider login answering for one, an agreed
support plan in Centrum with a start measurement, and a second run that adds nothing."""

from django_tenants.utils import tenant_context

from tests.builders.members import PASSWORD, make_member
from wijkmarkt.platform.accounts.actions import create_account
from wijkmarkt.platform.accounts.models import Role
from wijkmarkt.tenants.care.models import Provider, ProviderKind, SupportPlan
from wijkmarkt.tenants.care.selectors import plan_state
from wijkmarkt.tenants.demo.care import seed_demo_care
from wijkmarkt.tenants.membership.actions.joining import join_wijk


def test_demo_fills_the_directory_once_and_links_the_provider_login(centrum):
    henk = make_member(centrum, "Henk", role=Role.PROVIDER)
    with tenant_context(centrum):
        added = seed_demo_care(wijk=centrum, logins={"aanbieder": henk.user}, progress=lambda _m: None)
        assert added == Provider.objects.count() >= 8
        assert set(Provider.objects.values_list("kind", flat=True)) == set(ProviderKind.values)
        assert Provider.objects.filter(staff=henk, kind=ProviderKind.CONTRACTED).count() == 1
        assert all(p.street_id and set(p.areas) <= set(centrum.areas) for p in Provider.objects.all())
        assert seed_demo_care(wijk=centrum, logins={"aanbieder": henk.user}, progress=lambda _m: None) == 0


def test_demo_centrum_has_an_agreed_plan_with_a_start_measurement_once(centrum):
    henk = make_member(centrum, "Henk", role=Role.PROVIDER)
    rob = create_account(email="rob@example.nl", first_name="Rob", last_name="de Haas", password=PASSWORD)
    with tenant_context(centrum):
        join_wijk(wijk=centrum, user=rob, accepted_house_rules=True)
        for _run in range(2):
            seed_demo_care(wijk=centrum, logins={"aanbieder": henk.user}, progress=lambda _m: None)
        plan = SupportPlan.objects.get()
        state = plan_state(plan)
        assert plan.provider.staff.filter(pk=henk.pk).exists() and plan.member.user == rob
        assert state.agreed and state.current.result == "Een schoon en leefbaar huis"
        assert list(plan.measurements.values_list("moment", flat=True)) == ["start"]
