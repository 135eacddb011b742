"""A row created in Parkwijk is invisible from Centrum: through the ORM, a page URL and GraphQL (also by global
ID). The socket crossing is in tests/realtime/test_wijk_socket.py."""

from django_tenants.utils import tenant_context

from tests.builders.clients import client_for
from tests.builders.members import make_member
from wijkmarkt.graphql.core.ids import to_global_id
from wijkmarkt.tenants.membership.models import Membership


def test_parkwijk_member_is_invisible_from_centrum_through_the_orm(parkwijk, centrum):
    anna = make_member(parkwijk, "Anna")

    with tenant_context(centrum):
        assert not Membership.objects.filter(user=anna.user).exists()
    with tenant_context(parkwijk):
        assert Membership.objects.filter(user=anna.user).exists()


def test_parkwijk_member_page_is_not_served_on_centrum(parkwijk, centrum):
    anna = make_member(parkwijk, "Anna")
    carla = make_member(centrum, "Carla")
    page = f"/buren/{anna.pk}/"

    assert "Anna" in client_for("parkwijk", anna.user).get(page).content.decode()
    on_centrum = client_for("centrum", carla.user).get(page)

    assert "Anna" not in on_centrum.content.decode()
    assert on_centrum.status_code in (404, 200)  # 200 only if Centrum has its own member with this id
    if on_centrum.status_code == 200:
        with tenant_context(centrum):
            assert Membership.objects.get(pk=anna.pk).user.first_name in on_centrum.content.decode()


def test_parkwijk_global_id_resolves_to_null_on_centrum(parkwijk, centrum):
    anna = make_member(parkwijk, "Anna")
    carla = make_member(centrum, "Carla")
    global_id = to_global_id("Membership", "parkwijk", anna.pk)
    query = {
        "query": "query($id: ID!) { node(id: $id) { id ... on Membership { firstName } } }",
        "variables": {"id": global_id},
    }

    in_parkwijk = client_for("parkwijk", anna.user).post("/graphql", query, content_type="application/json").json()
    in_centrum = client_for("centrum", carla.user).post("/graphql", query, content_type="application/json").json()

    assert in_parkwijk["data"]["node"]["firstName"] == "Anna"
    assert in_centrum == {"data": {"node": None}}


def test_centrum_id_forged_with_a_parkwijk_row_number_does_not_reach_parkwijk(parkwijk, centrum):
    anna = make_member(parkwijk, "Anna")
    carla = make_member(centrum, "Carla")
    forged = to_global_id("Membership", "centrum", anna.pk)
    query = {
        "query": "query($id: ID!) { node(id: $id) { ... on Membership { firstName } } }",
        "variables": {"id": forged},
    }

    data = client_for("centrum", carla.user).post("/graphql", query, content_type="application/json").json()

    node = data["data"]["node"]
    assert node is None or node["firstName"] != "Anna"


def test_neighbours_list_of_one_wijk_never_shows_another(parkwijk, centrum):
    make_member(parkwijk, "Anna")
    carla = make_member(centrum, "Carla")

    page = client_for("centrum", carla.user).get("/buren/").content.decode()

    assert "Carla" in page
    assert "Anna" not in page
