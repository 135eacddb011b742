"""Template loaders that pick templates by the active wijk's theme setting: themes/<theme>/templates first, then
themes/base/templates. A wijk changes look by choosing a theme, never by copying templates."""

from django.db import connection
from django.template.loaders import cached, filesystem

from wijkmarkt.themes.registry import BASE_THEME, THEMES_DIR


def active_theme() -> str:
    return getattr(getattr(connection, "tenant", None), "theme", None) or BASE_THEME


class ThemeLoader(filesystem.Loader):
    def get_dirs(self):
        theme = active_theme()
        dirs = [THEMES_DIR / theme / "templates"] if theme != BASE_THEME else []
        return [*dirs, THEMES_DIR / BASE_THEME / "templates"]


class CachedThemeLoader(cached.Loader):
    """Django's cached loader, one cache entry per theme (not per wijk: wijken share themes)."""

    def cache_key(self, template_name, skip=None):
        return f"{active_theme()}:{super().cache_key(template_name, skip)}"
