"""purge_expired: the log-in attempt log is kept LOGIN_LOG_RETENTION_DAYS, the makelaar's closed signals and cases
each wijk's own makelaar_retention_months after closing. Only what is past retention goes, in each wijk by its own
setting and never another wijk's; a second run removes nothing; a wijk that fails is reported, the others are
still purged and the command exits non-zero."""

import datetime as dt
from io import StringIO

import pytest
from axes.models import AccessAttempt, AccessLog
from dateutil.relativedelta import relativedelta
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tenants.utils import tenant_context

from tests.builders.makelaar import case_for_member, signal_by
from tests.builders.marketplace import actor_of
from tests.builders.members import make_member
from wijkmarkt.platform.accounts.models import Role
from wijkmarkt.tenants.makelaar.actions.cases import close_case, hand_over_case
from wijkmarkt.tenants.makelaar.actions.signals import close_signal
from wijkmarkt.tenants.makelaar.models import Case, HandOver, Signal
from wijkmarkt.tenants.privacy.management.commands import purge_expired

NOW = timezone.now()


def _months_ago(months: int) -> dt.datetime:
    return NOW - relativedelta(months=months)


def _work(wijk, closed_months_ago: list[int]) -> dict[str, list[int]]:
    """In `wijk`: per age a closed signal and a closed case (with a hand-over), plus an open signal and an open
    case reported long ago. Returns the ids that must be kept and those that must go, given the wijk's setting."""
    makelaar = make_member(wijk, "Mustafa", f"mustafa.retentie.{wijk.schema_name}@example.nl", role=Role.MAKELAAR)
    resident = make_member(wijk, "Els", f"els.retentie.{wijk.schema_name}@example.nl")
    kept, gone = {"signals": [], "cases": []}, {"signals": [], "cases": []}
    with tenant_context(wijk):
        wijk.refresh_from_db()
        cutoff = NOW - relativedelta(months=wijk.makelaar_retention_months)
        for months in closed_months_ago:
            signal = signal_by(resident, about="De buurvrouw", worry=f"Al {months} maanden niet gezien.")
            close_signal(actor=actor_of(makelaar), signal=signal, outcome="Bezocht.")
            case = case_for_member(makelaar, resident, question=f"Vraag van {months} maanden terug")
            hand_over_case(
                actor=actor_of(makelaar),
                case=case,
                passed_on="Hulp bij post.",
                consent_given=True,
                consent_note="Mondeling",
                organisation="Sociaal Wijkteam",
                contact_name="Joost",
            )
            close_case(actor=actor_of(makelaar), case=case, outcome="Geholpen.")
            Signal.objects.filter(pk=signal.pk).update(closed_at=_months_ago(months))
            Case.objects.filter(pk=case.pk).update(closed_at=_months_ago(months))
            (gone if _months_ago(months) < cutoff else kept)["signals"].append(signal.pk)
            (gone if _months_ago(months) < cutoff else kept)["cases"].append(case.pk)
        still_open = signal_by(resident, about="Meneer op de hoek", worry="Nog open.")
        open_case = case_for_member(makelaar, resident, question="Nog open")
        Signal.objects.filter(pk=still_open.pk).update(created_at=_months_ago(200))
        Case.objects.filter(pk=open_case.pk).update(opened_at=_months_ago(200))
        kept["signals"].append(still_open.pk)
        kept["cases"].append(open_case.pk)
    return {"kept": kept, "gone": gone}


def _left(wijk) -> dict[str, set[int]]:
    with tenant_context(wijk):
        return {
            "signals": set(Signal.objects.values_list("pk", flat=True)),
            "cases": set(Case.objects.values_list("pk", flat=True)),
        }


def _run() -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("purge_expired", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def two_wijken(parkwijk, centrum):
    """Parkwijk keeps the default 24 months; Centrum chose 6."""
    centrum.makelaar_retention_months = 6
    centrum.save(update_fields=["makelaar_retention_months"])
    return {
        parkwijk: _work(parkwijk, closed_months_ago=[7, 23, 25, 40]),
        centrum: _work(centrum, closed_months_ago=[5, 7, 25]),
    }


def test_only_closed_work_past_each_wijks_own_retention_is_removed_and_a_second_run_removes_nothing(two_wijken):
    parkwijk, centrum = list(two_wijken)
    assert parkwijk.makelaar_retention_months == 24  # the default
    out, err = _run()
    assert err == ""
    for wijk, expected in two_wijken.items():
        left = _left(wijk)
        for kind in ("signals", "cases"):
            assert set(expected["kept"][kind]) <= left[kind], (wijk, kind)
            assert not set(expected["gone"][kind]) & left[kind], (wijk, kind)
        with tenant_context(wijk):
            assert not HandOver.objects.filter(case_id__in=expected["gone"]["cases"]).exists()
            closed_kept = expected["kept"]["cases"][:-1]  # the last one is the open case, without a hand-over
            assert HandOver.objects.filter(case_id__in=closed_kept).count() == len(closed_kept)
    # Closed 7 months ago: gone in Centrum (6 months), kept in Parkwijk (24 months).
    assert f"{centrum.name}: " in out and "2 signalen, 2 dossiers, 2 overdrachten verwijderd" in out
    assert f"{parkwijk.name}: " in out

    before = {wijk: _left(wijk) for wijk in two_wijken}
    again, _err = _run()
    assert {wijk: _left(wijk) for wijk in two_wijken} == before
    assert "0 signalen, 0 dossiers, 0 overdrachten verwijderd" in again
    assert " 1 signalen" not in again and " 2 signalen" not in again


def test_the_log_in_attempt_log_is_kept_ninety_days_by_default(db, settings):
    assert settings.LOGIN_LOG_RETENTION_DAYS == 90
    for days, who in ((91, "oud@example.nl"), (89, "recent@example.nl")):
        log = AccessLog.objects.create(username=who, ip_address="203.0.113.9", user_agent="tablet")
        attempt = AccessAttempt.objects.create(
            username=who,
            ip_address="203.0.113.9",
            user_agent="tablet",
            get_data="",
            post_data="",
            failures_since_start=1,
        )
        AccessLog.objects.filter(pk=log.pk).update(attempt_time=NOW - dt.timedelta(days=days))
        AccessAttempt.objects.filter(pk=attempt.pk).update(attempt_time=NOW - dt.timedelta(days=days))
    out, _err = _run()
    assert "Inlogpogingen" in out and ": 2 verwijderd" in out
    assert set(AccessLog.objects.values_list("username", flat=True)) == {"recent@example.nl"}
    assert set(AccessAttempt.objects.values_list("username", flat=True)) == {"recent@example.nl"}


def test_a_wijk_that_fails_is_reported_the_others_are_still_purged_and_the_command_exits_non_zero(
    two_wijken, monkeypatch
):
    parkwijk, centrum = list(two_wijken)
    real = purge_expired.purge_wijk

    def failing_in_parkwijk(wijk, *args, **kwargs):
        if wijk.schema_name == parkwijk.schema_name:
            raise RuntimeError("schijf vol")
        return real(wijk, *args, **kwargs)

    monkeypatch.setattr(purge_expired, "purge_wijk", failing_in_parkwijk)
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match=parkwijk.name):
        call_command("purge_expired", stdout=out, stderr=err)
    assert f"{parkwijk.name}: mislukt" in err.getvalue() and "schijf vol" in err.getvalue()
    assert not set(two_wijken[centrum]["gone"]["signals"]) & _left(centrum)["signals"]  # Centrum went on
    assert set(two_wijken[parkwijk]["gone"]["signals"]) <= _left(parkwijk)["signals"]  # Parkwijk untouched
