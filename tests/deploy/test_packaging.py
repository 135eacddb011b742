"""The image installs Wijkmarkt with a plain `pip install .`, which carries only the packages pyproject.toml lists
(setuptools' find cannot give the folders their `wijkmarkt.` prefix). A new package left out of that list would be
missing from the image while every test here, on the editable install, still passes."""

import tomllib
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
FOLDERS = ("platform", "tenants", "graphql", "realtime", "themes")


def test_every_package_folder_is_listed_for_the_installed_package():
    setuptools = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    on_disk = {f"wijkmarkt.{folder}" for folder in FOLDERS} | {
        "wijkmarkt." + ".".join(init.parent.relative_to(REPO_ROOT).parts)
        for folder in FOLDERS
        for init in (REPO_ROOT / folder).rglob("__init__.py")
        if init.parent != REPO_ROOT / folder
    }
    assert sorted(on_disk - set(setuptools["packages"])) == [], "add these to [tool.setuptools] packages"
    assert sorted(set(setuptools["packages"]) - on_disk) == [], "these listed packages have no folder"
    assert {name: setuptools["package-dir"][name] for name in setuptools["package-dir"]} == {
        f"wijkmarkt.{folder}": folder for folder in FOLDERS
    }
