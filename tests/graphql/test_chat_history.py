"""Chat history and unread counts through GraphQL; a conversation of another wijk or one you are not in is null."""

from django_tenants.utils import tenant_context

from tests.builders.clients import gql
from tests.builders.members import make_member
from wijkmarkt.graphql.core.ids import to_global_id
from wijkmarkt.tenants.chat.actions import send_message, start_direct_conversation

HISTORY = """query($id: ID!, $first: Int, $after: String) { node(id: $id) { ... on Conversation {
  kind messages(first: $first, after: $after) { edges { node { body authorFirstName } } pageInfo { hasNextPage endCursor } } } } }"""


def chat(parkwijk):
    anna, bram = make_member(parkwijk, "Anna"), make_member(parkwijk, "Bram")
    with tenant_context(parkwijk):
        conversation = start_direct_conversation(member=anna, other=bram)
        for n in range(3):
            send_message(
                member=anna, wijk=parkwijk, conversation_id=conversation.pk, client_id=f"h{n}", body=f"Bericht {n}"
            )
    return anna, bram, conversation


def test_history_is_newest_first_and_paginated(parkwijk):
    _anna, bram, conversation = chat(parkwijk)
    node_id = to_global_id("Conversation", "parkwijk", conversation.pk)

    first = gql("parkwijk", HISTORY, {"id": node_id, "first": 2}, user=bram.user).json()["data"]["node"]
    cursor = first["messages"]["pageInfo"]["endCursor"]
    rest = gql("parkwijk", HISTORY, {"id": node_id, "first": 2, "after": cursor}, user=bram.user).json()["data"]["node"]

    assert first["kind"] == "DIRECT"
    assert [e["node"]["body"] for e in first["messages"]["edges"]] == ["Bericht 2", "Bericht 1"]
    assert first["messages"]["pageInfo"]["hasNextPage"] is True
    assert [e["node"]["body"] for e in rest["messages"]["edges"]] == ["Bericht 0"]


def test_unread_counts_per_conversation(parkwijk):
    _anna, bram, conversation = chat(parkwijk)

    body = gql("parkwijk", "{ conversations { id unread } }", user=bram.user).json()

    assert {"id": to_global_id("Conversation", "parkwijk", conversation.pk), "unread": 3} in body["data"][
        "conversations"
    ]


def test_outsiders_and_other_wijken_get_null(parkwijk, centrum):
    _anna, _bram, conversation = chat(parkwijk)
    cor = make_member(parkwijk, "Cor")
    carla = make_member(centrum, "Carla")

    for slug, user, schema in (
        ("parkwijk", cor.user, "parkwijk"),
        ("centrum", carla.user, "centrum"),
        ("centrum", carla.user, "parkwijk"),
    ):
        node_id = to_global_id("Conversation", schema, conversation.pk)
        body = gql(slug, HISTORY, {"id": node_id, "first": 5}, user=user).json()
        assert body == {"data": {"node": None}}, (slug, schema)


def test_start_conversation_with_a_neighbour(parkwijk):
    anna, bram = make_member(parkwijk, "Anna"), make_member(parkwijk, "Bram")
    mutation = "mutation($m: ID!) { startConversation(memberId: $m) { conversation { kind } errors { field code } } }"

    result = gql("parkwijk", mutation, {"m": to_global_id("Membership", "parkwijk", bram.pk)}, user=anna.user).json()
    myself = gql("parkwijk", mutation, {"m": to_global_id("Membership", "parkwijk", anna.pk)}, user=anna.user).json()

    assert result["data"]["startConversation"] == {"conversation": {"kind": "DIRECT"}, "errors": []}
    assert myself["data"]["startConversation"]["errors"] == [{"field": "memberId", "code": "INVALID_CHOICE"}]
