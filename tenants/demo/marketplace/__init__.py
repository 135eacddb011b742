"""Demo and benchmark data for the marketplace: content.py (what neighbours write), draw.py (one distribution for
both), seed.py (the demo every `./wijkmarkt run` loads, through the actions) and bulk.py (large sets for the
benchmarks, in bulk). Development and benchmarks only: never loaded in production."""
