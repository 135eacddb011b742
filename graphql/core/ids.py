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
