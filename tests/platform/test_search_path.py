"""TENANT_LIMIT_SET_CALLS skips `SET search_path` when the schema did not change. PostgreSQL undoes a SET on
ROLLBACK and ROLLBACK TO SAVEPOINT, so the cached path must be forgotten then, or queries would run in the schema
of another wijk. These tests hold django-tenants to that."""

from django.db import connection, transaction
from django_tenants.utils import tenant_context

from tests.builders.members import make_member
from wijkmarkt.tenants.membership.models import Membership


def active_search_path() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW search_path")
        return cursor.fetchone()[0]


def test_savepoint_rollback_does_not_leave_queries_in_the_wrong_wijk(parkwijk, centrum):
    anna = make_member(parkwijk, "Anna")
    connection.set_tenant(parkwijk)
    assert Membership.objects.filter(user=anna.user).exists()

    savepoint = transaction.savepoint()
    connection.set_tenant(centrum)
    assert not Membership.objects.filter(user=anna.user).exists()  # SET centrum, inside the savepoint
    transaction.savepoint_rollback(savepoint)  # PostgreSQL is back on parkwijk; Django still says centrum

    assert not Membership.objects.filter(user=anna.user).exists()
    assert active_search_path().startswith("centrum")


def test_one_set_per_schema_change_not_per_query(parkwijk):
    with tenant_context(parkwijk):
        Membership.objects.count()
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            Membership.objects.count()
            Membership.objects.count()

    assert not [q for q in captured.captured_queries if "search_path" in q["sql"].lower()]
