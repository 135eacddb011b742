"""Global IDs that carry the schema: `Membership:parkwijk:5`. Primary keys restart in every wijk schema, so an
unscoped ID from one wijk would name another row in the next; a scoped one from another wijk resolves to null."""

from base64 import b64decode, b64encode
from binascii import Error as Base64Error

import graphene
from django.db import connection

# Types whose rows live in the public schema (the wijk registry): their IDs carry "public", whatever the domain.
PUBLIC_SCHEMA_TYPES: set[str] = set()


def public_schema_type(cls):
    """Class decorator for node types stored in the public schema."""
    PUBLIC_SCHEMA_TYPES.add(cls._meta.name)
    return cls


def schema_of(type_name: str) -> str | None:
    """The schema an ID of this type must name here; None when such rows cannot exist here (a wijk's type on the
    portal), so no ID of it resolves."""
    if type_name in PUBLIC_SCHEMA_TYPES:
        return "public"
    return None if connection.schema_name == "public" else connection.schema_name


def to_global_id(type_name: str, schema: str, pk) -> str:
    return b64encode(f"{type_name}:{schema}:{pk}".encode()).decode()


def from_global_id(global_id: str) -> tuple[str, str, str] | None:
    try:
        type_name, schema, pk = b64decode(global_id, validate=True).decode().split(":", 2)
    except (Base64Error, UnicodeDecodeError, ValueError):
        return None
    return type_name, schema, pk


class WijkNode(graphene.relay.Node):
    """Relay's Node with wijk-scoped global IDs."""

    class Meta:
        name = "Node"

    @classmethod
    def to_global_id(cls, type_, id):
        return to_global_id(type_, schema_of(type_), id)

    @classmethod
    def get_node_from_global_id(cls, info, global_id, only_type=None):
        parts = from_global_id(global_id)
        if parts is None:
            return None
        type_name, schema, pk = parts
        graphene_type = info.schema.get_type(type_name)
        if graphene_type is None or not hasattr(graphene_type, "graphene_type"):
            return None
        graphene_type = graphene_type.graphene_type
        if only_type and graphene_type is not only_type:
            return None
        if schema != schema_of(type_name):
            return None
        if WijkNode not in getattr(graphene_type._meta, "interfaces", ()):
            return None
        return graphene_type.get_node(info, pk)


# A primary key no row has: an ID of another wijk (or garbage) passed on to an action or a filter as this makes it
# answer exactly as it does for a deleted row, so nothing can be learned from the difference.
NOWHERE = -1


def local_pk(global_id: str | None, type_name: str) -> int | None:
    """The primary key a global ID names in this wijk; None for another wijk, another type or garbage."""
    parts = from_global_id(global_id or "")
    if parts is None:
        return None
    name, schema, pk = parts
    if name != type_name or schema != schema_of(type_name):
        return None
    return node_pk(pk)


def pk_or_nowhere(global_id: str | None, type_name: str) -> int:
    """The primary key for an action or filter that checks the row itself: NOWHERE when not of this wijk."""
    pk = local_pk(global_id, type_name)
    return NOWHERE if pk is None else pk


def node_pk(pk) -> int | None:
    """A primary key from a global ID (in `get_node`, already schema-checked by WijkNode), or None when it is no
    number a bigint column takes."""
    text = str(pk)
    return int(text) if text.isascii() and text.isdigit() and len(text) < 19 else None
