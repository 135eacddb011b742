"""The demo's places and partners: De Hamelink in the Slachthuisbuurt, counters with hours in every pilot wijk, the
covenant partners linked to the pilot wijken with a contact person; a second run adds nothing."""

from django_tenants.utils import tenant_context

from wijkmarkt.platform.partners.models import ContactPerson, Partner, WijkPartner
from wijkmarkt.tenants.demo.partners import seed_demo_partners
from wijkmarkt.tenants.demo.places import seed_demo_places
from wijkmarkt.tenants.places.models import OpeningHours, Place
from wijkmarkt.tenants.places.selectors import counters


def test_demo_places_once_per_pilot_wijk(wijken):
    for _run in range(2):
        for wijk in wijken.values():
            with tenant_context(wijk):
                seed_demo_places(wijk=wijk, progress=lambda _m: None)
    with tenant_context(wijken["slachthuisbuurt"]):
        assert Place.objects.filter(name="De Hamelink", kind="meeting_place").count() == 1
    for wijk in wijken.values():
        with tenant_context(wijk):
            assert counters().exists() and OpeningHours.objects.exists()


def test_demo_partners_linked_to_the_pilot_wijken_once(wijken):
    for _run in range(2):
        seed_demo_partners(progress=lambda _m: None)
    assert Partner.objects.count() == 18
    for wijk in wijken.values():
        links = WijkPartner.objects.filter(wijk=wijk)
        assert links.count() == 4 and all(link.contact and link.contact.partner_id == link.partner_id for link in links)
    assert ContactPerson.objects.count() == 12
