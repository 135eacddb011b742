"""The wijk's kinds of help (wijk admins): adding, renaming, moving, retiring, restoring."""

import graphene

from wijkmarkt.graphql.core.lookups import find_node
from wijkmarkt.graphql.core.viewer import viewer
from wijkmarkt.graphql.marketplace.mutations.base import MarketplaceMutation
from wijkmarkt.graphql.marketplace.types.listings import CategoryType
from wijkmarkt.tenants.marketplace.actions import categories as category_actions
from wijkmarkt.tenants.marketplace.selectors import categories_active


def _category_id_argument():
    return graphene.ID(required=True, description="The category (a Category ID).")


class AddCategory(MarketplaceMutation):
    """Add a kind of help to this wijk, last in the list."""

    class Arguments:
        name = graphene.String(required=True, description="Its name, unique in the wijk, at most 60 characters.")

    category = graphene.Field(CategoryType, description="The new category.")

    @classmethod
    def act(cls, info, wijk, name) -> dict:
        return {"category": category_actions.add_category(actor=viewer(info).actor, name=name)}


class RenameCategory(MarketplaceMutation):
    """Rename a kind of help; its listings keep it."""

    class Arguments:
        id = _category_id_argument()
        name = graphene.String(required=True, description="The new name, unique in the wijk.")

    category = graphene.Field(CategoryType, description="The renamed category.")

    @classmethod
    def act(cls, info, wijk, id, name) -> dict:
        category = find_node(CategoryType, info, id)
        return {"category": category_actions.rename_category(actor=viewer(info).actor, category=category, name=name)}


class MoveCategory(MarketplaceMutation):
    """Move a kind of help one place up or down in the list."""

    class Arguments:
        id = _category_id_argument()
        up = graphene.Boolean(required=True, description="True: one place up; false: one place down.")

    categories = graphene.List(graphene.NonNull(CategoryType), description="The active categories, in the new order.")

    @classmethod
    def act(cls, info, wijk, id, up) -> dict:
        category = find_node(CategoryType, info, id)
        category_actions.move_category(actor=viewer(info).actor, category=category, up=up)
        return {"categories": list(categories_active())}


class RetireCategory(MarketplaceMutation):
    """Retire a kind of help: no new listings in it; existing listings keep it."""

    class Arguments:
        id = _category_id_argument()

    category = graphene.Field(CategoryType, description="The retired category.")

    @classmethod
    def act(cls, info, wijk, id) -> dict:
        category = find_node(CategoryType, info, id)
        return {"category": category_actions.retire_category(actor=viewer(info).actor, category=category)}


class RestoreCategory(MarketplaceMutation):
    """Take a retired kind of help into use again."""

    class Arguments:
        id = _category_id_argument()

    category = graphene.Field(CategoryType, description="The restored category.")

    @classmethod
    def act(cls, info, wijk, id) -> dict:
        category = find_node(CategoryType, info, id)
        return {"category": category_actions.restore_category(actor=viewer(info).actor, category=category)}
