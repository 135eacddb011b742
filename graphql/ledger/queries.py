"""Ledger queries on a wijk's domain with points on: the viewer's statement, and the wijk's totals for its admin.
In a wijk with points off there are no points anywhere: WRONG_DOMAIN, as for a module that is off."""

import graphene
from django.utils.translation import gettext as _

from wijkmarkt.graphql.core.errors import ErrorCode, graphql_error, permission_denied
from wijkmarkt.graphql.core.permissions import actor, require, require_wijk_domain
from wijkmarkt.graphql.ledger.types import PointStatement, PointStatementLine, PointTotals
from wijkmarkt.platform.accounts.permissions import Perm
from wijkmarkt.platform.ledger.selectors import statement, wijk_totals
from wijkmarkt.platform.wijken.models import Wijk


def points_wijk(info) -> Wijk:
    wijk = require_wijk_domain(info)
    if not wijk.points_enabled:
        raise graphql_error(ErrorCode.WRONG_DOMAIN, _("Punten staan in deze wijk niet aan."))
    return wijk


class LedgerQueries(graphene.ObjectType):
    point_statement = graphene.Field(
        PointStatement, required=True, description="The viewer's points and latest transfers (members of this wijk)."
    )
    point_totals = graphene.Field(PointTotals, required=True, description="This wijk's point figures (wijk admin).")

    @staticmethod
    def resolve_point_statement(root, info):
        points_wijk(info)
        if not actor(info).is_member:
            raise permission_denied()
        found = statement(actor(info).user)
        return PointStatement(balance=found.balance, lines=[PointStatementLine.from_line(line) for line in found.lines])

    @staticmethod
    def resolve_point_totals(root, info):
        wijk = points_wijk(info)
        require(info, Perm.VIEW_POINT_TOTALS)
        return PointTotals(**wijk_totals(wijk).__dict__)
