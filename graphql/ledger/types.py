"""GraphQL types of the point ledger: a member's statement and its lines, and a wijk's totals. Transfers are shown
only inside the statement of one of their members, never by ID on their own."""

import graphene

from wijkmarkt.platform.ledger.models import TransferKind, Via

PointTransferKindEnum = graphene.Enum.from_enum(TransferKind, description="Earned with help, a gift, or a correction.")
PointViaEnum = graphene.Enum.from_enum(Via, description="Booked on the website, by the makelaar, or automatically.")


class PointStatementLine(graphene.ObjectType):
    """One transfer as the member sees it."""

    kind = graphene.Field(graphene.NonNull(PointTransferKindEnum), description="What kind of transfer.")
    amount = graphene.Int(required=True, description="Plus for points received, minus for points given.")
    other = graphene.String(required=True, description="The wijk it was earned in, or who gave or got it (wijk).")
    note = graphene.String(required=True, description="The note with it, or empty.")
    via = graphene.Field(graphene.NonNull(PointViaEnum), description="How it was booked.")
    booked_at = graphene.DateTime(required=True, description="When it was booked.")

    @staticmethod
    def from_line(line):
        t = line.transfer
        return PointStatementLine(
            kind=t.kind, amount=line.amount, other=line.other, note=t.note, via=t.via, booked_at=t.created_at
        )


class PointStatement(graphene.ObjectType):
    """The viewer's points: balance and latest transfers, newest first."""

    balance = graphene.Int(required=True, description="Points now.")
    lines = graphene.List(graphene.NonNull(PointStatementLine), required=True, description="At most 50, newest first.")


class PointTotals(graphene.ObjectType):
    """A wijk's point figures."""

    earned = graphene.Int(required=True, description="Points earned with help in this wijk.")
    exchanges = graphene.Int(required=True, description="Done exchanges that earned points here.")
    gifts_out = graphene.Int(required=True, description="Points given from this wijk's site.")
    gifts_in = graphene.Int(required=True, description="Points given to members in this wijk.")
    in_circulation = graphene.Int(required=True, description="Points this wijk issued, net of corrections.")
