"""The demo's points: Parkwijk and Centrum turn points on, done exchanges there earn their helper once (a second run
books nothing), the Slachthuisbuurt keeps points off."""

from tests.builders.ledger import done_exchange
from wijkmarkt.platform.ledger.models import Transfer
from wijkmarkt.platform.ledger.selectors import statement
from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.demo.points import seed_demo_points


def test_demo_turns_points_on_and_earns_for_done_exchanges_once(points):
    Wijk.objects.filter(schema_name="parkwijk").update(points_enabled=False)
    done_exchange(Wijk.objects.get(schema_name="parkwijk"), points["anna"], points["bram"], hours="1")
    assert not Transfer.objects.exists()  # points were off when it was done
    for _run in range(2):
        seed_demo_points(progress=lambda _m: None)
    assert Transfer.objects.filter(kind="earned").count() == 1 and statement(points["bram"].user).balance == 2
    assert set(Wijk.objects.filter(points_enabled=True).values_list("schema_name", flat=True)) == {
        "parkwijk",
        "centrum",
    }
