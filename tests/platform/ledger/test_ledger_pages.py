""" "Mijn punten" without JavaScript: the statement, giving points across wijken with errors next to the field and
what was typed kept, a double submit that gives once; a wijk with points off has no points page at all."""

from tests.builders.clients import client_for
from tests.builders.ledger import done_exchange
from wijkmarkt.platform.ledger.models import Transfer
from wijkmarkt.platform.ledger.selectors import statement


def text(response) -> str:
    return response.content.decode()


def test_the_statement_shows_earned_points(points):
    done_exchange(points["parkwijk"], points["anna"], points["bram"], hours="2")
    page = text(client_for("parkwijk", points["bram"].user).get("/punten/"))
    assert "U heeft 4 punten." in page and "Verdiend met hulp in Parkwijk: Boodschappen" in page and "+4" in page


def test_bram_gives_points_to_mien_in_centrum_by_email(points):
    done_exchange(points["parkwijk"], points["anna"], points["bram"], hours="2")
    client = client_for("parkwijk", points["bram"].user)
    form = {"email": "mien@example.nl", "amount": "3", "note": "Voor mama", "key": "page:test-1"}
    response = client.post("/punten/geven/", form)
    assert response.status_code == 302 and response.url == "/punten/"
    page = text(client.get("/punten/"))
    assert "Bram gaf 3 punten aan Mien (Centrum)." in page and "Gegeven aan Mien (Centrum): Voor mama" in page
    again = client.post("/punten/geven/", form)  # the same form sent twice
    assert again.status_code == 302 and Transfer.objects.filter(kind="gift").count() == 1
    mien_page = text(client_for("centrum", points["mien"].user).get("/punten/"))
    assert "U heeft 3 punten." in mien_page and "Gekregen van Bram (Parkwijk): Voor mama" in mien_page


def test_by_name_and_wijk(points):
    done_exchange(points["parkwijk"], points["anna"], points["bram"], hours="2")
    client = client_for("parkwijk", points["bram"].user)
    response = client.post("/punten/geven/", {"name": "Mien", "wijk": "centrum", "amount": "1", "key": "k"})
    assert response.status_code == 302 and statement(points["mien"].user).balance == 1


def test_bad_input_is_shown_next_to_the_fields_and_kept(points):
    client = client_for("parkwijk", points["bram"].user)
    response = client.post("/punten/geven/", {"email": "<b>niemand</b>@example.nl", "amount": "veel", "key": "k"})
    page = text(response)
    assert response.status_code == 400
    assert 'id="id_email_error"' not in page  # nobody is looked up for a gift that cannot happen
    assert 'id="id_amount_error">Vul een heel aantal punten in, bijvoorbeeld 5.' in page
    assert 'value="&lt;b&gt;niemand&lt;/b&gt;@example.nl"' in page and 'value="veel"' in page
    assert not Transfer.objects.exists()


def test_not_enough_points_is_said_in_dutch(points):
    response = client_for("parkwijk", points["bram"].user).post(
        "/punten/geven/", {"email": "mien@example.nl", "amount": "5", "key": "k"}
    )
    assert 'id="id_amount_error">Zoveel punten heeft u niet.' in text(response)


def test_the_recipient_wijk_list_only_has_wijken_with_points_on(points):
    page = text(client_for("parkwijk", points["bram"].user).get("/punten/"))
    assert '<option value="centrum">Centrum</option>' in page
    assert "slachthuisbuurt" not in page


def test_a_wijk_with_points_off_has_no_points_page(points):
    client = client_for("slachthuisbuurt", points["kees"].user)
    assert client.get("/punten/").status_code == 404
    assert client.post("/punten/geven/", {"email": "anna@example.nl", "amount": "1"}).status_code == 404
    assert "punten" not in text(client.get("/")).lower()


def test_visitors_are_not_shown_anyones_points(points):
    assert client_for("parkwijk").get("/punten/").status_code == 403
    # Mien is a member of Centrum, not of Parkwijk: Parkwijk's page is not hers.
    assert client_for("parkwijk", points["mien"].user).get("/punten/").status_code == 403
