"""The socket protocol: JSON text frames with a `type`. Documented in realtime/PROTOCOL.md.

Frames are checked here and nowhere else; a bad frame becomes a ProtocolError that the consumer answers with an
`error` frame, keeping the socket open."""

import json
from enum import StrEnum

from wijkmarkt.platform.plaintext import has_refused_characters

# daphne drops frames over 1 MiB without a close frame; we refuse far smaller ones ourselves, with a message.
MAX_FRAME_BYTES = 16 * 1024
# Ids are what a browser's number holds exactly; larger ones name nothing (and 2**63 would overflow a bigint).
MAX_ID = 2**53 - 1


class FrameType(StrEnum):
    HELLO = "hello"
    SEND = "send"
    MESSAGE = "message"
    ACK = "ack"
    RESUME = "resume"
    READ = "read"
    TYPING = "typing"
    PRESENCE = "presence"
    ERROR = "error"


CLIENT_FRAMES = frozenset({FrameType.HELLO, FrameType.SEND, FrameType.RESUME, FrameType.READ, FrameType.TYPING})
# The fields each client frame needs, with their JSON types (bool is not an int here).
FIELDS: dict[str, dict[str, type]] = {
    FrameType.SEND: {"conversation": int, "clientId": str, "body": str},
    FrameType.RESUME: {"conversations": dict},
    FrameType.READ: {"conversation": int, "id": int},
    FrameType.TYPING: {"conversation": int},
}


class ErrorCode(StrEnum):
    NOT_JSON = "not_json"
    BINARY = "binary_not_supported"
    TOO_LARGE = "too_large"
    NOT_AN_OBJECT = "not_an_object"
    UNKNOWN_TYPE = "unknown_type"
    BAD_FIELD = "bad_field"
    INVALID_CHARACTERS = "invalid_characters"
    NOT_FOUND = "not_found"
    FORBIDDEN = "forbidden"
    INVALID = "invalid"
    SERVER_ERROR = "server_error"


class ProtocolError(Exception):
    def __init__(self, code: ErrorCode, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def parse_frame(text: str | None, binary: bytes | None) -> dict:
    if binary is not None:
        raise ProtocolError(ErrorCode.BINARY, "Alleen tekstframes met JSON.")
    if len((text or "").encode(errors="surrogatepass")) > MAX_FRAME_BYTES:  # a lone surrogate is refused below
        raise ProtocolError(ErrorCode.TOO_LARGE, f"Een frame is maximaal {MAX_FRAME_BYTES} bytes.")
    try:
        frame = json.loads(text or "")
    except (ValueError, RecursionError):  # RecursionError: thousands of nested brackets
        raise ProtocolError(ErrorCode.NOT_JSON, "Dit frame is geen geldige JSON.") from None
    if _has_refused_text(frame):
        raise ProtocolError(ErrorCode.INVALID_CHARACTERS, "Hier staan onzichtbare of ongeldige tekens in.")
    if not isinstance(frame, dict) or not isinstance(frame.get("type"), str):
        raise ProtocolError(ErrorCode.NOT_AN_OBJECT, 'Een frame is een JSON-object met een "type".')
    if frame["type"] not in CLIENT_FRAMES:
        raise ProtocolError(ErrorCode.UNKNOWN_TYPE, f"Onbekend frametype: {frame['type'][:40]!r}.")
    for name, kind in FIELDS.get(frame["type"], {}).items():
        value = frame.get(name)
        if (
            not isinstance(value, kind)
            or isinstance(value, bool)
            or (isinstance(value, int) and not 0 <= value <= MAX_ID)
        ):
            raise ProtocolError(ErrorCode.BAD_FIELD, f'Veld "{name}" ontbreekt of heeft het verkeerde type.')
    if frame["type"] == FrameType.RESUME:
        resume = frame["conversations"]
        if len(resume) > 200 or not all(
            key.isascii()
            and key.isdigit()
            and len(key) < 12
            and isinstance(value, int)
            and not isinstance(value, bool)
            and 0 <= value <= MAX_ID
            for key, value in resume.items()
        ):
            raise ProtocolError(ErrorCode.BAD_FIELD, '"conversations" is een object van gespreknummer naar laatste id.')
    return frame


def _has_refused_text(frame) -> bool:
    """Any string in the frame, keys included, with characters no field takes (platform/plaintext.py)."""
    stack = [frame]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            if has_refused_characters(value):
                return True
        elif isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return False


def error_frame(error: ProtocolError) -> dict:
    return {"type": FrameType.ERROR, "code": error.code, "message": error.message}
