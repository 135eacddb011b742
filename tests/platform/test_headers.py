"""Production headers: the Content-Security-Policy on every page and no inline script or style left for it to
block; HSTS on by default in production; `Cache-Control: no-store` on the pages about one person."""

import re
from pathlib import Path

import pytest
from django.test import Client

from tests.builders.clients import client_for
from tests.builders.console import make_coordinator
from tests.builders.members import make_member
from tests.builders.processes import run_python
from wijkmarkt.platform.accounts.models import Role

REPO_ROOT = Path(__file__).resolve().parents[2]


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = [part.split() for part in header.split(";") if part.strip()]
    return {name: sources for name, *sources in directives}


@pytest.mark.parametrize(
    "slug, path",
    [
        (None, "/"),
        ("parkwijk", "/"),
        ("parkwijk", "/account/inloggen/"),
        ("parkwijk", "/vraag-en-aanbod/"),
        (None, "/bestaat-niet/"),
    ],
)
def test_every_page_has_a_policy_without_inline_script_or_style(parkwijk, slug, path):
    rules = policy(client_for(slug).get(path))

    assert rules["default-src"] == ["'self'"]
    assert rules["script-src"] == ["'self'"] and rules["style-src"] == ["'self'"]
    assert rules["frame-ancestors"] == ["'none'"]
    assert rules["object-src"] == ["'none'"]


def test_the_chat_socket_on_the_same_host_is_allowed(parkwijk):
    rules = policy(client_for("parkwijk").get("/"))

    # The test settings serve plain http on port 8000: the chat connects to ws://parkwijk.localhost:8000/ws/.
    assert "'self'" in rules["connect-src"] and "ws://*.localhost:8000" in rules["connect-src"]


TEMPLATE_FOLDERS = ["themes", "platform", "tenants"]
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style\b|\bstyle=|\son[a-z]+=|javascript:", re.IGNORECASE)


def test_no_template_has_inline_script_style_or_event_handler():
    found = []
    for folder in TEMPLATE_FOLDERS:
        for template in sorted((REPO_ROOT / folder).rglob("*.html")):
            text = template.read_text()
            for pattern in (INLINE_SCRIPT, INLINE_STYLE):
                found += [f"{template.relative_to(REPO_ROOT)}: {match.group(0)}" for match in pattern.finditer(text)]
    assert found == []


def test_console_charts_and_colour_swatch_are_drawn_without_style_attributes(parkwijk):
    coordinator = make_coordinator()
    client = client_for(None, coordinator)

    figures = client.get("/console/cijfers/").content.decode()
    wijk = client.get("/console/wijk/parkwijk/").content.decode()

    assert "chart-bar" in figures and 'class="colour-swatch"' in wijk
    assert "style=" not in figures and "style=" not in wijk
    # The bars are still there for sighted users, as SVG boxes as wide as the figure.
    assert re.search(r'<svg class="bar bar-a" width="[\d.]+%"', figures)


def production_settings(*names: str, **env) -> list[str]:
    """The values of settings `names` in a fresh production process with `env` set."""
    result = run_python(
        f"from django.conf import settings; print(*(getattr(settings, n) for n in {names!r}))",
        DJANGO_SETTINGS_MODULE="wijkmarkt.platform.config.settings",
        WIJKMARKT_ENV="production",
        SECRET_KEY="x" * 50,
        **env,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_hsts_is_on_by_default_in_production_over_https_for_every_wijk():
    assert production_settings("SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS") == ["31536000", "True"]


def test_hsts_can_be_set_from_the_environment():
    assert production_settings("SECURE_HSTS_SECONDS", SECURE_HSTS_SECONDS="300") == ["300"]
    assert production_settings("SECURE_HSTS_SECONDS", WIJKMARKT_HTTPS="false") == ["0"]


def test_production_https_response_carries_hsts(parkwijk, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True

    response = Client(HTTP_HOST="parkwijk.localhost").get("/", secure=True)

    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


SENSITIVE_PAGES = [
    "/mijn-gegevens/",  # the data export page
    "/mijn-gegevens/download/",  # its JSON download
    "/mijn-dossier/",  # the makelaar's dossier about me
    "/zorg-melden/",  # reporting a signal
    "/wijzer/",  # the Wijzer's answers and outcome
    "/hulp-in-huis/verzoeken/",  # help requests
    "/hulp-in-huis/plannen/",  # support plans
    "/berichten/",  # private conversations
]
MAKELAAR_PAGES = ["/makelaar/", "/makelaar/bewoners/", "/makelaar/signalen/"]


def no_store(response) -> bool:
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    return "no-store" in directives


@pytest.mark.parametrize("path", SENSITIVE_PAGES)
def test_pages_about_one_person_are_not_stored(parkwijk, path):
    anna = make_member(parkwijk, "Anna")

    response = client_for("parkwijk", anna.user).get(path)

    assert response.status_code in (200, 403), response.status_code
    assert no_store(response)


@pytest.mark.parametrize("path", MAKELAAR_PAGES)
def test_the_makelaars_pages_are_not_stored(parkwijk, path):
    makelaar = make_member(parkwijk, "Mirjam", role=Role.MAKELAAR)

    response = client_for("parkwijk", makelaar.user).get(path)

    assert response.status_code == 200
    assert no_store(response)


def test_graphql_answers_to_a_logged_in_member_are_not_stored_public_ones_may_be(parkwijk):
    anna = make_member(parkwijk, "Anna")
    query = {"query": "{ __typename }"}

    mine = client_for("parkwijk", anna.user).post("/graphql", query, content_type="application/json")
    public = client_for("parkwijk").post("/graphql", query, content_type="application/json")

    assert mine.status_code == 200 and no_store(mine)
    assert public.status_code == 200 and not no_store(public)


def test_public_pages_stay_cacheable(parkwijk):
    assert not no_store(client_for("parkwijk").get("/vraag-en-aanbod/"))
