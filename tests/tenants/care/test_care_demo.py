"""The household-help demo: every provider type in the directory, the provider login answering for one, and a
second run that adds nothing."""

from django_tenants.utils import tenant_context

from tests.conftest import make_member
from wijkmarkt.platform.accounts.models import Role
from wijkmarkt.tenants.care.demo_data import seed_demo_care
from wijkmarkt.tenants.care.models import Provider, ProviderKind


def test_demo_fills_the_directory_once_and_links_the_provider_login(centrum):
    henk = make_member(centrum, "Henk", role=Role.PROVIDER)
    with tenant_context(centrum):
        added = seed_demo_care(wijk=centrum, logins={"aanbieder": henk.user}, progress=lambda _m: None)
        assert added == Provider.objects.count() >= 8
        assert set(Provider.objects.values_list("kind", flat=True)) == set(ProviderKind.values)
        assert Provider.objects.filter(staff=henk, kind=ProviderKind.CONTRACTED).count() == 1
        assert all(p.street_id and set(p.areas) <= set(centrum.areas) for p in Provider.objects.all())
        assert seed_demo_care(wijk=centrum, logins={"aanbieder": henk.user}, progress=lambda _m: None) == 0
