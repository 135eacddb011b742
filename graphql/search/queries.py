"""Zoeken in heel Haarlem through the API: on the portal domain only, for anyone logged in, the same selector as the
page. A result carries the address of the item on its own wijk site."""

import graphene
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from wijkmarkt.graphql.core.errors import ErrorCode, graphql_error
from wijkmarkt.graphql.core.permissions import require_portal
from wijkmarkt.platform.plaintext import clean_text
from wijkmarkt.platform.search.models import Kind
from wijkmarkt.platform.search.selectors import MAX_QUERY_LENGTH, search

SearchKindEnum = graphene.Enum.from_enum(
    Kind, name="CitySearchKind", description="What kind of citywide item a result is."
)


class SearchFacet(graphene.ObjectType):
    value = graphene.String(required=True, description="Pass as `wijk` or `category` to narrow the search.")
    label = graphene.String(required=True)
    count = graphene.Int(required=True, description="Results when this facet is chosen (the other kept).")
    chosen = graphene.Boolean(required=True)


class SearchResult(graphene.ObjectType):
    kind = graphene.Field(SearchKindEnum, required=True)
    title = graphene.String(required=True)
    summary = graphene.String(required=True)
    category = graphene.String(required=True)
    wijk_slug = graphene.String(required=True)
    wijk_name = graphene.String(required=True)
    url = graphene.String(required=True, description="The item on its own wijk site, where its rules apply.")

    @staticmethod
    def resolve_wijk_slug(entry, info):
        return entry.wijk.schema_name

    @staticmethod
    def resolve_wijk_name(entry, info):
        return entry.wijk.name


class SearchPageType(graphene.ObjectType):
    class Meta:
        name = "CitySearchPage"

    query = graphene.String(required=True, description="The words as searched (spaces tidied).")
    results = graphene.List(graphene.NonNull(SearchResult), required=True)
    total = graphene.Int(required=True)
    page = graphene.Int(required=True)
    pages = graphene.Int(required=True)
    typo_fallback = graphene.Boolean(required=True, description="No exact match: titles that look alike.")
    wijk_facets = graphene.List(graphene.NonNull(SearchFacet), required=True)
    category_facets = graphene.List(graphene.NonNull(SearchFacet), required=True)

    @staticmethod
    def resolve_results(page, info):
        return page.entries


class SearchQueries(graphene.ObjectType):
    city_search = graphene.Field(
        graphene.NonNull(SearchPageType),
        query=graphene.String(required=True),
        wijk=graphene.String(description="A wijk's slug, from `wijkFacets`."),
        category=graphene.String(),
        page=graphene.Int(default_value=1),
        description="Search what residents, partners and places made visible to the whole city (portal only, "
        "logged in). Pages of 20.",
    )

    @staticmethod
    def resolve_city_search(root, info, query, wijk=None, category=None, page=1):
        require_portal(info)
        if not info.context.user.is_authenticated:
            raise graphql_error(ErrorCode.PERMISSION_DENIED, _("Log in om in heel Haarlem te zoeken."))
        try:
            query = clean_text(query, field="query", max_length=MAX_QUERY_LENGTH)
        except ValidationError as error:
            raise graphql_error(ErrorCode.BAD_REQUEST, " ".join(error.messages)) from None
        if page < 1:
            raise graphql_error(ErrorCode.BAD_REQUEST, _("Een paginanummer begint bij 1."))
        return search(query, wijk=wijk or "", category=(category or "")[:100], page=page)
