"""Hosts: the portal, each wijk's own domain, and a friendly 404 for everything else."""

from django.test import Client


def test_portal_lists_every_wijk_with_its_status(db):
    page = Client(HTTP_HOST="localhost").get("/").content.decode()

    for name in ("Parkwijk", "Slachthuisbuurt", "Centrum", "Boerhaavewijk"):
        assert name in page
    assert "In voorbereiding" in page
    assert "http://parkwijk.localhost:8000/" in page


def test_unknown_subdomain_gets_a_friendly_404_linking_the_wijken(db):
    response = Client(HTTP_HOST="nergens.localhost").get("/buren/")

    assert response.status_code == 404
    page = response.content.decode()
    assert "Deze wijk kennen we niet" in page
    assert "http://centrum.localhost:8000/" in page


def test_foreign_host_gets_the_same_friendly_404_not_a_500(db):
    response = Client(HTTP_HOST="evil.example").get("/")

    assert response.status_code == 404
    assert "Deze wijk kennen we niet" in response.content.decode()


def test_malformed_host_gets_a_404(db):
    response = Client(HTTP_HOST="bad host!!").get("/")

    assert response.status_code == 404


def test_template_schema_has_no_site(db, settings):
    response = Client(HTTP_HOST=f"{settings.TENANT_BASE_SCHEMA}.localhost").get("/")

    assert response.status_code == 404


def test_planned_wijk_says_it_is_coming_and_takes_no_sign_ups(boerhaavewijk):
    client = Client(HTTP_HOST="boerhaavewijk.localhost")

    home = client.get("/").content.decode()
    sign_up = client.post("/aanmelden/", {"first_name": "Ali", "email": "ali@example.nl", "password": "x" * 12})

    assert "komt eraan" in home
    assert "/aanmelden/" not in home
    assert "Aanmelden kan nog niet" in sign_up.content.decode()


def test_unknown_host_page_speaks_the_visitors_language(db):
    response = Client(HTTP_HOST="nergens.localhost", HTTP_ACCEPT_LANGUAGE="en").get("/")

    assert response.status_code == 404
    assert '<html lang="en">' in response.content.decode()
    assert "Deze wijk kennen we niet" not in response.content.decode()
