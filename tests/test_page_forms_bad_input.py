"""Issue 12, point 7, on the pages: every form on every page without arguments in its address, of a wijk site
(as a member and as the makelaar) and of the portal with a wijk's console page (as a coordinator), is posted with a NUL in one field at a time (the other fields
as the page filled them in). PostgreSQL can neither store nor compare a NUL: the answer must be a page, never a 500."""

from html.parser import HTMLParser

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests.builders.clients import client_for
from tests.builders.console import make_coordinator
from tests.builders.members import make_member
from wijkmarkt.platform.accounts.models import Role
from wijkmarkt.platform.partners.models import Partner

NUL = "Buurt\x00huis"
SKIP = ("/uitloggen", "/logout", "/graphql", "/ws/", "/static", "/media", ".csv", ".json", "/account/verwijderen")


def addresses(urlconf: str) -> list[str]:
    """The addresses without arguments of a URL configuration."""
    found = []

    def walk(patterns, prefix):
        for pattern in patterns:
            route = str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, prefix + route)
            elif isinstance(pattern, URLPattern) and "<" not in route and "(?P" not in route:
                found.append("/" + (prefix + route).lstrip("^").rstrip("$").lstrip("/"))

    walk(get_resolver(urlconf).url_patterns, "")
    return sorted({a for a in found if not any(s in a for s in SKIP) and "\\" not in a})


class Forms(HTMLParser):
    """The POST forms of a page: (action, {name: value})."""

    def __init__(self):
        super().__init__()
        self.forms: list[tuple[str, dict]] = []
        self._current = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self._current = (attrs.get("action") or "", {})
            self.forms.append(self._current)
        elif self._current is not None and tag in ("input", "textarea", "select") and attrs.get("name"):
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                self._current[1].setdefault(attrs["name"], attrs.get("value", "on") if kind == "radio" else None)
            elif kind not in ("submit", "file"):
                self._current[1][attrs["name"]] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None


def _sweep(client, urlconf, extra=()) -> tuple[int, list[str]]:
    tried, problems = 0, []
    for address in [*addresses(urlconf), *extra]:
        page = client.get(address)
        if page.status_code != 200 or "html" not in page.get("Content-Type", ""):
            continue
        parser = Forms()
        parser.feed(page.content.decode())
        for action, fields in parser.forms:
            target = action or address
            data = {k: v for k, v in fields.items() if v is not None}
            for name in fields:
                if name == "csrfmiddlewaretoken":
                    continue
                tried += 1
                response = client.post(target, {**data, name: NUL})
                if response.status_code >= 500:
                    problems.append(f"{target} {name}: HTTP {response.status_code}")
    return tried, problems


@pytest.mark.slow
@pytest.mark.parametrize("role", [None, Role.MAKELAAR])
def test_no_page_form_turns_a_nul_into_a_server_fault(parkwijk, role):
    member = make_member(parkwijk, "Formulier", role=role)
    tried, problems = _sweep(client_for("parkwijk", member.user), "wijkmarkt.platform.config.urls_wijk")
    print(f"Page forms as {role or 'member'}: {tried} fields posted with a NUL")
    assert tried > 20
    assert problems == [], "\n".join(problems)


@pytest.mark.slow
def test_no_console_form_turns_a_nul_into_a_server_fault(parkwijk):
    Partner.objects.create(slug="buurthuis", name="Buurthuis De Brug", kind="welfare", active=True)
    client = client_for(None, make_coordinator())
    tried, problems = _sweep(client, "wijkmarkt.platform.config.urls_portal", extra=["/console/wijk/parkwijk/"])
    print(f"Page forms as coordinator: {tried} fields posted with a NUL")
    assert tried > 20
    assert problems == [], "\n".join(problems)
