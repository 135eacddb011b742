"""Demo and benchmark data for the marketplace: content.py (what neighbours write), draw.py (one distribution for
both), demo.py (the demo every `./wijkmarkt run` loads, through the actions) and bulk.py (large sets for the
benchmarks, in bulk). Development and benchmarks only: never loaded in production."""

from wijkmarkt.tenants.marketplace.demo_data.bulk import AlreadyGenerated, BulkSummary, generate_bulk
from wijkmarkt.tenants.marketplace.demo_data.demo import DemoSummary, has_demo_data, seed_demo_marketplace

__all__ = ["AlreadyGenerated", "BulkSummary", "DemoSummary", "generate_bulk", "has_demo_data", "seed_demo_marketplace"]
