"""Provisioning a wijk: cloned from the template, idempotent, and bad input changes nothing."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import connection
from django_tenants.utils import schema_exists, tenant_context

from wijkmarkt.platform.wijken.actions import provision_wijk
from wijkmarkt.platform.wijken.models import Domain, Wijk, WijkStatus
from wijkmarkt.tenants.membership.models import Membership


def codes(error: ValidationError) -> dict[str, list[str]]:
    return {field: [e.code for e in errors] for field, errors in error.error_dict.items()}


def test_template_is_a_tenant_row_so_migrate_schemas_keeps_it_current(db, settings):
    template = Wijk.objects.get(schema_name=settings.TENANT_BASE_SCHEMA)

    assert template.is_template
    assert schema_exists(template.schema_name)
    assert not template.domains.exists()


def test_new_wijk_gets_a_schema_with_every_tenant_table_and_its_domain(db):
    result = provision_wijk(slug="schalkwijk", name="Schalkwijk", status=WijkStatus.PLANNED)

    assert result.created
    assert schema_exists("schalkwijk")
    assert Domain.objects.get(domain="schalkwijk.localhost").tenant == result.wijk
    with tenant_context(result.wijk):
        assert Membership.objects.count() == 0
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM schalkwijk.django_migrations WHERE app = 'membership'")
        assert cursor.fetchone()[0] >= 1


def test_provisioning_twice_changes_nothing_the_second_time(db):
    first = provision_wijk(slug="schalkwijk", name="Schalkwijk", status=WijkStatus.PLANNED)
    second = provision_wijk(slug="schalkwijk", name="Schalkwijk", status=WijkStatus.PLANNED)

    assert (first.created, second.created) == (True, False)
    assert first.wijk.pk == second.wijk.pk
    assert Wijk.objects.filter(schema_name="schalkwijk").count() == 1
    assert Domain.objects.filter(tenant=first.wijk).count() == 1


def test_provisioning_again_updates_name_and_status(db):
    provision_wijk(slug="schalkwijk", name="Schalkwijk", status=WijkStatus.PLANNED)

    provision_wijk(slug="schalkwijk", name="Schalkwijk-Noord", status=WijkStatus.PILOT)

    wijk = Wijk.objects.get(schema_name="schalkwijk")
    assert (wijk.name, wijk.status) == ("Schalkwijk-Noord", WijkStatus.PILOT)


@pytest.mark.parametrize(
    ("slug", "code"),
    [
        ("", "invalid_slug"),
        ("Park Wijk", "invalid_slug"),
        ("park-wijk", "invalid_slug"),
        ("1wijk", "invalid_slug"),
        ("x" * 41, "invalid_slug"),
        ("wijk'; DROP SCHEMA public CASCADE; --", "invalid_slug"),
        ("<script>", "invalid_slug"),
        ("public", "reserved_slug"),
        ("www", "reserved_slug"),
        ("admin", "reserved_slug"),
        ("api", "reserved_slug"),
        ("wijk_template", "invalid_slug"),
        ("pgsql", "reserved_slug"),
    ],
)
def test_bad_slugs_are_refused_with_a_clear_error_and_change_nothing(db, slug, code):
    before = (Wijk.objects.count(), Domain.objects.count())

    with pytest.raises(ValidationError) as refused:
        provision_wijk(slug=slug, name="Ergens")

    assert codes(refused.value) == {"slug": [code]}
    assert refused.value.error_dict["slug"][0].messages[0]
    assert (Wijk.objects.count(), Domain.objects.count()) == before


def test_a_domain_of_another_wijk_is_refused_and_changes_nothing(db):
    before = (Wijk.objects.count(), Domain.objects.count())

    with pytest.raises(ValidationError) as refused:
        provision_wijk(slug="schalkwijk", name="Schalkwijk", domain="parkwijk.localhost")

    assert codes(refused.value) == {"domain": ["duplicate_domain"]}
    assert "Parkwijk" in refused.value.error_dict["domain"][0].messages[0]
    assert (Wijk.objects.count(), Domain.objects.count()) == before
    assert not schema_exists("schalkwijk")


def test_an_empty_name_is_refused_and_leaves_no_schema(db):
    with pytest.raises(ValidationError) as refused:
        provision_wijk(slug="schalkwijk", name="   ")

    assert "name" in refused.value.error_dict
    assert not schema_exists("schalkwijk")
    assert not Wijk.objects.filter(schema_name="schalkwijk").exists()


def test_a_colour_too_light_for_white_text_is_refused(db):
    with pytest.raises(ValidationError) as refused:
        provision_wijk(slug="schalkwijk", name="Schalkwijk", primary_colour="#ffff00")

    assert codes(refused.value) == {"primary_colour": ["low_contrast"]}


def test_command_provisions_with_progress_and_reports_bad_input(db, capsys):
    call_command("provision_wijk", "schalkwijk", "Schalkwijk", "--status", "pilot", "--area", "Europawijk")

    output = capsys.readouterr().out
    assert "schalkwijk: schema klonen uit het sjabloon" in output
    assert "Schalkwijk (schalkwijk) aangemaakt." in output
    assert Wijk.objects.get(schema_name="schalkwijk").areas == ["Europawijk"]

    with pytest.raises(CommandError, match=r"Niets veranderd\. slug: De korte naam public is gereserveerd"):
        call_command("provision_wijk", "public", "Publiek")
