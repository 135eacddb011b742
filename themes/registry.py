"""Which themes exist (one folder per theme under themes/) and what a theme setting may hold."""

import re
from functools import cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

THEMES_DIR = Path(__file__).resolve().parent
BASE_THEME = "base"


@cache
def available_themes() -> frozenset[str]:
    return frozenset(path.name for path in THEMES_DIR.iterdir() if (path / "templates").is_dir())


def validate_theme_name(value: str) -> None:
    if value not in available_themes():
        raise ValidationError(
            _("Thema %(value)s bestaat niet. Kies uit: %(themes)s."),
            code="invalid_theme",
            params={"value": value, "themes": ", ".join(sorted(available_themes()))},
        )


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_with_white(hex_colour: str) -> float:
    return 1.05 / (_luminance(hex_colour) + 0.05)


def validate_primary_colour(value: str) -> None:
    """White text sits on the primary colour (header, buttons), so it must reach WCAG AA contrast 4.5:1."""
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", value or ""):
        raise ValidationError(_("Geef een kleur als #RRGGBB, bijvoorbeeld #1d4f91."), code="invalid_colour")
    if contrast_with_white(value) < 4.5:
        raise ValidationError(
            _("Deze kleur is te licht: witte tekst erop is slecht leesbaar. Kies een donkerdere kleur."),
            code="low_contrast",
        )
