"""The marketplace's web pages, one module per part of the site (see urls.py). Pages call selectors to read and
actions to write; they never decide a permission or validate content themselves."""

from wijkmarkt.platform.wijken.models import Module
from wijkmarkt.tenants.membership.pages import module_page

# Every marketplace page: members of a wijk with the marketplace switched on, and relatives acting as their proxy.
marketplace_page = module_page(Module.MARKETPLACE)
