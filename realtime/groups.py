"""Channel-layer group names. Every name starts with the wijk's schema, so no group is shared between wijken."""


def conversation_group(schema: str, conversation_id: int) -> str:
    return f"{schema}.conversation.{conversation_id}"


def member_group(schema: str, member_id: int) -> str:
    """Every socket of one member in one wijk: to close them all at once when the member is suspended."""
    return f"{schema}.member.{member_id}"
