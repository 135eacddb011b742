"""givePoints: calls actions.give_points and returns the transfer as a statement line, the new balance and
`errors`; with errors nothing is booked (BaseMutation). The client sends an idempotency key: a retry with the same
key (a lost answer, a double click) returns the first gift and books nothing again."""

import graphene

from wijkmarkt.graphql.core.lookups import acting_member
from wijkmarkt.graphql.core.mutations import BaseMutation
from wijkmarkt.graphql.core.permissions import actor
from wijkmarkt.graphql.core.types import error_codes, error_type
from wijkmarkt.graphql.ledger.queries import points_wijk
from wijkmarkt.graphql.ledger.types import PointStatementLine
from wijkmarkt.platform.ledger.errors import LedgerErrorCode as DomainErrorCode
from wijkmarkt.platform.ledger.selectors import StatementLine, statement
from wijkmarkt.tenants.marketplace.actions import points as actions

LedgerErrorCode = error_codes(
    "LedgerErrorCode", DomainErrorCode, "Why points were not given; `message` says it in words."
)
LedgerError = error_type("LedgerError", LedgerErrorCode)


class GivePoints(BaseMutation):
    """Give points to a member of any wijk with points on, found by e-mail, or by name and wijk."""

    class Arguments:
        amount = graphene.Int(required=True, description="Whole points, 1 to 10000.")
        idempotency_key = graphene.String(required=True, description="Your unique key for this gift, at most 120.")
        recipient_email = graphene.String(description="The recipient's e-mail address.")
        recipient_name = graphene.String(description="Or the recipient's name, with `recipientWijk`.")
        recipient_wijk = graphene.String(description="The recipient's wijk (its slug), with `recipientName`.")
        note = graphene.String(description="A note, at most 200 characters.")
        on_behalf_of = graphene.ID(description="The member whose points these are (a Membership ID); default you.")

    errors = graphene.List(
        graphene.NonNull(LedgerError), required=True, description="What to fix; empty when it worked."
    )
    error_code_enum = LedgerErrorCode
    transfer = graphene.Field(PointStatementLine, description="The gift as the giver sees it.")
    balance = graphene.Int(description="The giver's points after the gift.")

    @classmethod
    def perform(
        cls,
        info,
        amount,
        idempotency_key,
        recipient_email="",
        recipient_name="",
        recipient_wijk="",
        note="",
        on_behalf_of=None,
    ) -> dict:
        wijk = points_wijk(info)  # a paused wijk: give_points refuses (permissions.require_writes_open)
        giver = acting_member(info, on_behalf_of)
        transfer = actions.give_points(
            actor=actor(info),
            giver=giver,
            wijk=wijk,
            amount=amount,
            key=f"api:{giver.user_id}:{idempotency_key}",
            email=recipient_email or "",
            name=recipient_name or "",
            wijk_slug=recipient_wijk or "",
            note=note or "",
        )
        recipient = transfer.to_account.user
        line = StatementLine(
            transfer=transfer, amount=-transfer.amount, other=f"{recipient.first_name} ({transfer.to_wijk.name})"
        )
        return {"transfer": PointStatementLine.from_line(line), "balance": statement(giver.user).balance}


class LedgerMutations(graphene.ObjectType):
    give_points = GivePoints.Field()
