"""Household-help pages: the directory, help requests and the provider's worklist (directory.py), and support plans
with their satisfaction survey (plans.py). What the pages share is in pages.py."""
