"""The marketplace's web pages, one module per part of the site (see urls.py). Pages call selectors to read and
actions to write; they never decide a permission or validate content themselves."""
