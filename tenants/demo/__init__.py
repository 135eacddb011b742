"""The demo city for development, benchmarks and tests, and nothing else: no runtime module imports it.

It sits above every wijk app and fills them through their actions, as a person would: load.py provisions the
four wijken and one login per role and calls the rest, one module per domain (marketplace/ with the benchmark
generator, care.py, wijzer.py, places.py, makelaar.py, privacy.py, and the citywide partners.py and points.py).
Its commands (`load_demo`, which `./wijkmarkt run` and `./wijkmarkt test` call, and `generate_marketplace_data`)
refuse to run in production."""
