"""Opening hours as people type and read them: "09:00-12:00, 13:30-17:00" for one day, empty for closed. The page
form and GraphQL parse with these; actions.save_place checks the periods themselves (order, overlap, how many)."""

import re
from datetime import time

from django.utils.translation import gettext as _

from wijkmarkt.platform.errors import fail
from wijkmarkt.tenants.places.errors import PlacesErrorCode as Code

MAX_PERIODS_PER_DAY = 4
_TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")


def parse_time(text: str, field: str) -> time:
    """ "9:00", "09.30" or "17:00" as a time; anything else is an error for `field`."""
    match = _TIME.match((text or "").strip())
    if match is None:
        raise fail(field, _("Schrijf een tijd als 09:00 of 17:30."), Code.INVALID_TIME)
    return time(int(match.group(1)), int(match.group(2)))


def parse_day(text: str, field: str) -> list[tuple[time, time]]:
    """One day's periods from "09:00-12:00, 13:00-17:00"; empty text is a closed day."""
    text = (text or "").strip()
    if not text:
        return []
    if len(text) > 100:
        raise fail(field, _("Dit is te lang: maximaal %(max)s tekens.") % {"max": 100}, Code.TOO_LONG)
    periods = []
    for part in (p for p in re.split(r"[,;]| en ", text) if p.strip()):
        ends = re.split(r"\s*[-\u2013]\s*|\s+tot\s+", part.strip())
        if len(ends) != 2:
            raise fail(
                field, _("Schrijf openingstijden als 09:00-12:00, meerdere met een komma ertussen."), Code.INVALID_TIME
            )
        periods.append((parse_time(ends[0], field), parse_time(ends[1], field)))
    return periods


def format_day(periods) -> str:
    """The opposite of parse_day: "09:00-12:00, 13:00-17:00"."""
    return ", ".join(f"{opens:%H:%M}-{closes:%H:%M}" for opens, closes in periods)
