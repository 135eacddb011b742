"""The rules are data: every wijk starts with version 1, a wijk admin reads and edits them on a page, a bad edit gets
Dutch errors naming the rule and the field and writes nothing, every edit is a new version, and a finished Wijzer
keeps explaining itself with the version that made it after the rules change."""

import json

from django_tenants.utils import tenant_context

from tests.builders.clients import client_for
from tests.builders.wijzer import take_wijzer
from wijkmarkt.tenants.membership.selectors import actor_for
from wijkmarkt.tenants.wijzer.actions import save_rules
from wijkmarkt.tenants.wijzer.models import RuleSet
from wijkmarkt.tenants.wijzer.rules import DEFAULT_RULES, as_text, evaluate

NOBODY_HEAVY = {"taken": ["zwaar_huishouden"], "netwerk": ["niemand"], "zelf": ["geen"], "urgentie": ["nu"]}


def text(response) -> str:
    return response.content.decode()


def edited(**changes) -> dict:
    """The default rules with rule 10 (the providers) changed."""
    rules = json.loads(json.dumps(DEFAULT_RULES))
    rules["regels"][9].update(changes)
    return rules


def test_every_wijk_starts_with_the_default_rules(parkwijk, centrum):
    for wijk in (parkwijk, centrum):
        with tenant_context(wijk):
            assert [(r.version, r.rules) for r in RuleSet.objects.all()] == [(1, DEFAULT_RULES)]


def test_own_strength_comes_first_and_solves_what_the_resident_can_do():
    answers = {
        "taken": ["boodschappen", "was"],
        "netwerk": ["familie"],
        "zelf": ["boodschappen"],
        "urgentie": ["binnenkort"],
    }
    outcome = evaluate(DEFAULT_RULES, answers)
    assert [item["soort"] for item in outcome] == ["zelf", "netwerk", "buren", "aanbieder", "gemeente", "contact"]
    assert outcome[0]["taken"] == ["boodschappen"]
    assert all(item["taken"] == ["was"] for item in outcome[1:5])  # shopping is solved by the resident's own tip
    assert (
        evaluate(
            DEFAULT_RULES,
            {"taken": ["boodschappen"], "netwerk": ["niemand"], "zelf": ["boodschappen"], "urgentie": ["nu"]},
        )[-1]["soort"]
        == "contact"
    )


def test_wijk_admin_reads_the_rules_in_words_and_as_data(parkwijk, wijzer_people):
    page = text(client_for("parkwijk", wijzer_people["marleen"].user).get("/wijzer/regels/"))
    assert "Regels van de Eigen Kracht Wijzer" in page and "Versie 1 van" in page
    assert "Boodschappen laten bezorgen" in page and "alleen wat de bewoner nog zelf kan" in page
    assert "&quot;soort&quot;: &quot;zelf&quot;" in page  # the editable JSON, escaped
    assert "Wat elk veld betekent" in page


def test_only_the_wijk_admin_reaches_the_rules_page(parkwijk, wijzer_people):
    for name in ("anna", "fatima", "henk", "joost"):
        client = client_for("parkwijk", wijzer_people[name].user)
        assert client.get("/wijzer/regels/").status_code == 403
        assert client.post("/wijzer/regels/", {"rules": as_text(edited(titel="Anders"))}).status_code == 403
    assert client_for("centrum", wijzer_people["cor"].user).get("/wijzer/regels/").status_code == 403
    with tenant_context(parkwijk):
        assert RuleSet.objects.count() == 1


def test_bad_rules_get_dutch_errors_and_write_nothing(parkwijk, wijzer_people):
    client = client_for("parkwijk", wijzer_people["marleen"].user)
    broken = as_text(DEFAULT_RULES).replace('"zelf"', '"zelf",', 1)
    cases = [
        ("", "Vul de regels in."),
        (broken, "Dit is geen geldige JSON (regel 4, kolom"),
        ('{"regels": []}', "Geef tussen 1 en 60 regels."),
        ("[1, 2]", "De regels staan in een blok"),
        (as_text(edited(soort="hulp")), "Regel 10: “soort” moet één van deze zijn: zelf, netwerk, buren"),
        (as_text(edited(taken=["ramen"])), "Regel 10: “taken” kent “ramen” niet; kies uit boodschappen"),
        (as_text(edited(kleur="rood")), "Regel 10: onbekend veld “kleur”"),
        (as_text(edited(titel="")), "Regel 10: “titel” ontbreekt."),
        (as_text(edited(tekst="x" * 1001)), "Regel 10: “tekst” is te lang: maximaal 1000 tekens."),
        (as_text(edited(lost_op="ja")), "Regel 10: “lost_op” is true of false."),
        (as_text(edited(titel="Bel\u0007 ons")), "Regel 10: “titel” bevat onzichtbare of ongeldige tekens."),
        (json.dumps({"regels": DEFAULT_RULES["regels"][:4]}), "minstens één regel van soort “gemeente” of “contact”"),
        (as_text(DEFAULT_RULES), "Er is niets veranderd: de regels zijn gelijk aan versie 1."),
        ("x" * 20_001, "Dit is te lang: maximaal 20000 tekens, u typte er 20001."),
    ]
    for typed, message in cases:
        response = client.post("/wijzer/regels/", {"rules": typed, "note": ""})
        assert response.status_code == 400, message
        assert message in text(response), message
        assert 'class="error-message"' in text(response)
    kept = client.post("/wijzer/regels/", {"rules": '{"regels": "<b>vet</b>"}'})
    assert "{&quot;regels&quot;: &quot;&lt;b&gt;vet&lt;/b&gt;&quot;}" in text(kept) and "<b>vet</b>" not in text(kept)
    with tenant_context(parkwijk):
        assert RuleSet.objects.count() == 1


def test_an_old_outcome_keeps_explaining_itself_after_the_rules_change(parkwijk, wijzer_people):
    before = take_wijzer(parkwijk, wijzer_people["anna"], NOBODY_HEAVY)
    admin = client_for("parkwijk", wijzer_people["marleen"].user)
    rules = edited(titel="Kies een hulp uit de wijk", tekst="Nieuwe tekst.")
    saved = admin.post("/wijzer/regels/", {"rules": as_text(rules), "note": "Titel aangepast"}, follow=True)
    assert "Versie 2 van de regels is opgeslagen." in text(saved) and "Titel aangepast" in text(saved)
    with tenant_context(parkwijk):
        assert [r.version for r in RuleSet.objects.all()] == [2, 1]
        assert RuleSet.objects.get(version=1).rules == DEFAULT_RULES
    assert "Kies zelf een hulp in huis" in text(admin.get("/wijzer/regels/versie/1/"))

    after = take_wijzer(parkwijk, wijzer_people["bram"], NOBODY_HEAVY)
    anna = text(client_for("parkwijk", wijzer_people["anna"].user).get(f"/wijzer/{before.pk}/uitkomst/"))
    bram = text(client_for("parkwijk", wijzer_people["bram"].user).get(f"/wijzer/{after.pk}/uitkomst/"))
    assert "Kies zelf een hulp in huis" in anna and "Kies een hulp uit de wijk" not in anna
    assert "Regel 10 van de Wijzer-regels van deze wijk, versie 1" in anna
    assert "Kies een hulp uit de wijk" in bram and "versie 2" in bram


def test_a_rule_change_in_one_wijk_leaves_the_others_alone(parkwijk, centrum, wijzer_people):
    with tenant_context(parkwijk):
        save_rules(actor=actor_for(wijzer_people["marleen"].user), text=as_text(edited(titel="Alleen Parkwijk")))
    with tenant_context(centrum):
        assert RuleSet.objects.get().rules == DEFAULT_RULES
