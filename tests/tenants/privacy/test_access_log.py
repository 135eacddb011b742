"""Reads of sensitive data by anyone but the resident are logged, in the resident's own wijk only."""

from django_tenants.utils import tenant_context

from tests.builders.members import make_member
from wijkmarkt.platform.accounts.models import Role
from wijkmarkt.platform.accounts.permissions import Actor
from wijkmarkt.tenants.privacy.actions import record_read
from wijkmarkt.tenants.privacy.models import AccessLogEntry, Channel, Sensitive
from wijkmarkt.tenants.privacy.selectors import reads_of


def test_a_makelaar_read_is_logged_and_the_residents_own_is_not(parkwijk, centrum):
    resident = make_member(parkwijk, "Riet", "riet.log@example.nl")
    makelaar = make_member(parkwijk, "Mustafa", "mustafa.log@example.nl", role=Role.MAKELAAR)
    with tenant_context(parkwijk):
        own = record_read(
            Actor(resident.user, Role.RESIDENT),
            subject=resident,
            what=Sensitive.SELF_ASSESSMENT,
            object_id=1,
            via=Channel.PAGE,
        )
        record_read(
            Actor(makelaar.user, Role.MAKELAAR),
            subject=resident,
            what=Sensitive.SELF_ASSESSMENT,
            object_id=1,
            via=Channel.GRAPHQL,
        )
        entries = list(reads_of(resident))
        assert own is None
        assert [(e.reader.first_name, e.reader_role, e.via) for e in entries] == [("Mustafa", "makelaar", "graphql")]
    with tenant_context(centrum):
        assert not AccessLogEntry.objects.exists()
