"""GraphQL types of the marketplace: listings, exchanges with their thread and thank-yous, rings, categories,
streets, profiles, proxies, notifications and reports, and the marketplace fields of `me`; one module each.

What one member may see of another is decided in one place, `Neighbour` (people.py). Relations come from the
select_related/prefetch_related lists of graphql/marketplace/related.py, applied where a list is built, never from
a query per row; who is asking comes from `core.viewer`. Nothing here writes."""
