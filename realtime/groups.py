"""Channel-layer group names. Every name starts with the wijk's schema, so no group is shared between wijken."""


def conversation_group(schema: str, conversation_id: int) -> str:
    return f"{schema}.conversation.{conversation_id}"
