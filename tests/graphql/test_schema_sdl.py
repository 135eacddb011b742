from pathlib import Path

from django.conf import settings

from wijkmarkt.graphql.schema import schema


def test_committed_sdl_matches_the_schema():
    committed = Path(settings.GRAPHENE["SCHEMA_OUTPUT"]).read_text().strip()
    assert committed == str(schema).strip(), (
        "graphql/schema.graphql is out of date: run ./wijkmarkt manage graphql_schema and review the diff"
    )
