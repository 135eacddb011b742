"""List queries of the console do not grow with their length: the audit log with 2 and with 30 entries, the wijken;
and the evaluation runs one statement per figure group whatever the number of wijken."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.builders.clients import gql
from wijkmarkt.platform.console.actions import record_figures_read
from wijkmarkt.platform.console.evaluation import evaluate, wijken_for_evaluation
from wijkmarkt.platform.console.models import AuditVia


def _count(query: str, user) -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as captured:
        body = gql(None, query, user=user).json()
    assert "errors" not in body, body
    return len(captured.captured_queries), [q["sql"] for q in captured.captured_queries]


def _log(coordinator, times: int) -> None:
    for number in range(times):
        record_figures_read(
            coordinator=coordinator, wijken=["parkwijk"], summary=f"lezing {number}", via=AuditVia.GRAPHQL
        )


def test_audit_log_query_count_does_not_grow(coordinator):
    _log(coordinator, 2)
    few, _sql = _count("{ auditLog { at coordinatorEmail action via wijken summary } }", coordinator)
    _log(coordinator, 28)
    many, sql = _count("{ auditLog { at coordinatorEmail action via wijken summary } }", coordinator)
    assert many == few, "\n".join(sql)


def test_console_wijken_query_count(coordinator):
    _count_all, sql = _count("{ consoleWijken { statusMeaning siteVisible wijk { slug name status } } }", coordinator)
    wijk_queries = [q for q in sql if "wijken_wijk" in q or "wijken_domain" in q]
    assert len(wijk_queries) == 2, "\n".join(sql)  # the wijken and their domains, whatever their number


def test_evaluation_statements_per_figure_group(db):
    wijken = wijken_for_evaluation()
    one = evaluate(since=dt.date(2026, 1, 1), until=dt.date(2026, 12, 31), wijken=wijken[:1])
    every = evaluate(since=dt.date(2026, 1, 1), until=dt.date(2026, 12, 31), wijken=wijken)
    # 1 (which schemas exist) + 5 figure groups, for one wijk as for all
    assert one.statements == every.statements == 1 + 5
