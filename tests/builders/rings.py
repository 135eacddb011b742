"""The three-way swap the ring tests share: Cor does Anna's shopping, Anna helps Bram with his laptop, Bram prunes
Cor's hedge. As the actions take it (`three_way`) and as proposeRing takes it (`three_way_input`)."""

from tests.builders.marketplace import category, gid, member_id, place, post
from wijkmarkt.tenants.marketplace.actions.rings import LinkInput

RING_FIELDS = (
    "id status via links { position confirmed giver { firstName } receiver { firstName } "
    "request { title } offer { title } }"
)
PROPOSE = f"""mutation($links: [RingLinkInput!]!) {{ proposeRing(links: $links) {{
  ring {{ {RING_FIELDS} }} errors {{ field code message }} }} }}"""
CONFIRM = """mutation($id: ID!, $for: ID) { confirmRingPart(ringId: $id, onBehalfOf: $for) {
  ring { status links { confirmed } } errors { field code message } } }"""


def three_way(wijk, people):
    """The links of the swap for propose_ring; call inside the wijk's tenant context."""
    anna, bram, cor = people["anna"], people["bram"], people["cor"]
    needs = {
        "anna": post(wijk, anna, title="Boodschappen op vrijdag", category_id=category("boodschappen").pk),
        "bram": post(wijk, bram, title="Laptop is traag", category_id=category("computer").pk),
        "cor": post(wijk, cor, title="Heg snoeien", category_id=category("tuin").pk),
    }
    # Each link: the giver helps the owner of the request; the giver of a step is the receiver of the step before.
    return [
        LinkInput(request_id=needs["anna"].pk, giver_id=cor.pk),
        LinkInput(request_id=needs["bram"].pk, giver_id=anna.pk),
        LinkInput(request_id=needs["cor"].pk, giver_id=bram.pk),
    ]


def three_way_input(parkwijk, people):
    """The swap as proposeRing's `links` in Parkwijk; each also offers what they give."""
    anna, bram, cor = people["anna"], people["bram"], people["cor"]
    requests = {
        "anna": place(parkwijk, anna, title="Boodschappen op vrijdag", category="boodschappen"),
        "bram": place(parkwijk, bram, title="Laptop is traag", category="computer"),
        "cor": place(parkwijk, cor, title="Heg snoeien", category="tuin"),
    }
    offers = {
        "cor": place(parkwijk, cor, title="Ik doe boodschappen", category="boodschappen", kind="offer"),
        "anna": place(parkwijk, anna, title="Ik help met computers", category="computer", kind="offer"),
        "bram": place(parkwijk, bram, title="Ik snoei heggen", category="tuin", kind="offer"),
    }
    return [
        {
            "requestId": gid("Listing", "parkwijk", requests["anna"].pk),
            "giverId": member_id(cor),
            "offerId": gid("Listing", "parkwijk", offers["cor"].pk),
        },
        {
            "requestId": gid("Listing", "parkwijk", requests["bram"].pk),
            "giverId": member_id(anna),
            "offerId": gid("Listing", "parkwijk", offers["anna"].pk),
        },
        {
            "requestId": gid("Listing", "parkwijk", requests["cor"].pk),
            "giverId": member_id(bram),
            "offerId": gid("Listing", "parkwijk", offers["bram"].pk),
        },
    ]
