"""Every relation from a wijk app to a member or an account is either in the export or left out with a reason, so
a model another engineer adds later cannot silently escape a resident's right of access."""

from django.apps import apps
from django.conf import settings
from django_tenants.utils import tenant_context

from wijkmarkt.platform.accounts.models import User
from wijkmarkt.tenants.membership.models import Membership
from wijkmarkt.tenants.privacy.contributors import not_exported, parts


def _relations_to_people() -> set[tuple[str, str]]:
    wijk_apps = set(settings.TENANT_APPS)
    found = set()
    for model in apps.get_models():
        if model._meta.app_config.name not in wijk_apps:
            continue
        for field in [*model._meta.concrete_fields, *model._meta.many_to_many]:
            if field.is_relation and field.related_model in (Membership, User):
                found.add((model._meta.label, field.name))
    return found


def test_every_relation_to_a_member_or_account_is_exported_or_left_out_with_a_reason():
    exported = {(part.model, part.lookup) for part in parts() if "__" not in part.lookup}
    missing = sorted(_relations_to_people() - exported - set(not_exported()))
    assert not missing, f"Add these to the PARTS or NOT_EXPORTED of the app's privacy.py: {missing}"


def test_nothing_is_both_exported_and_left_out_and_every_reason_is_written():
    exported = {(part.model, part.lookup) for part in parts()}
    assert not exported & set(not_exported())
    assert all(str(reason).strip() for reason in not_exported().values())


def test_every_part_names_a_model_and_lookup_that_exist(parkwijk):
    with tenant_context(parkwijk):
        for part in parts():
            model = apps.get_model(part.model)
            model._base_manager.filter(**{f"{part.lookup}__isnull": True}).exists()  # raises on a wrong lookup
