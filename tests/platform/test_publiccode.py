"""publiccode.yml at the repository root (Standard for Public Code, version 0.4): it parses, and has the keys the
standard makes mandatory within the lengths it sets."""

import pytest

from wijkmarkt.platform.config.settings import REPO_ROOT

yaml = pytest.importorskip("yaml")


def test_publiccode_has_the_mandatory_keys():
    publiccode = yaml.safe_load((REPO_ROOT / "publiccode.yml").read_text(encoding="utf-8"))

    assert publiccode["publiccodeYmlVersion"] == "0.4"
    for key in ("name", "url", "platforms", "categories", "developmentStatus", "softwareType"):
        assert publiccode[key], key
    assert publiccode["developmentStatus"] in {"concept", "development", "beta", "stable", "obsolete"}
    assert publiccode["legal"]["license"] == "EUPL-1.2"
    assert publiccode["maintenance"]["type"] == "internal"
    assert all(contact["name"] for contact in publiccode["maintenance"]["contacts"])
    assert publiccode["localisation"]["localisationReady"] is True
    assert publiccode["localisation"]["availableLanguages"] == ["nl", "en"]
    for language in ("nl", "en"):
        description = publiccode["description"][language]
        assert len(description["shortDescription"]) <= 150
        assert 150 <= len(description["longDescription"]) <= 10000
        assert description["features"]
