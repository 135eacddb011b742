"""Issue 12, point 7, on the socket: every client frame type, with each of its fields (and one it does not have)
given a hostile value, as an anonymous visitor and as a member of the conversation. Each frame is answered with an
`error` frame that has a code (never our `server_error`), the socket stays open (never closed with 1011), and
nothing is written."""

import json
import time

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from django.db import connection
from django_tenants.utils import tenant_context

from tests.builders.sockets import communicator, frames, pair, socket_for
from tests.graphql.hostile import RowWatch
from wijkmarkt.realtime.protocol import FIELDS, FrameType
from wijkmarkt.tenants.chat.actions import send_message

TEXT = {"lone surrogate": "a\ud800b", "NUL": "a\x00b", "RTL override": "a\u202eb", "1 MB": "x" * (1 << 20)}
NUMBERS = {"2**63": 2**63, "2**53": 2**53, "-1": -1, "-2**63": -(2**63), "a fraction": 1.5}
WRONG_TYPES = {"true": True, "null": None, "a list": [1], "an object": {"a": 1}}
HOSTILE = {**TEXT, **NUMBERS, **WRONG_TYPES}
# Frames that are not a frame at all: sent as they are.
RAW = {
    "whitespace": " ",
    "invalid JSON": '{"type": "send"',
    "deeply nested": "[" * 5000 + "]" * 5000,
    "a huge number": '{"type": "read", "conversation": 1, "id": 1' + "0" * 5000 + "}",
    "NaN": '{"type": "read", "conversation": NaN, "id": 1}',
    "a raw lone surrogate": '{"type": "hello", "x": "\ud800"}',
    "escaped NUL in a key": '{"type": "hello", "\\u0000": 1}',
    "1 MB": json.dumps({"type": "send", "body": "x" * (1 << 20)}),
}


def _valid(conversation_id: int, message_id: int) -> dict[str, dict]:
    return {
        FrameType.HELLO: {"type": "hello"},
        FrameType.SEND: {"type": "send", "conversation": conversation_id, "clientId": "c1", "body": "Hallo"},
        FrameType.RESUME: {"type": "resume", "conversations": {str(conversation_id): 0}},
        FrameType.READ: {"type": "read", "conversation": conversation_id, "id": message_id},
        FrameType.TYPING: {"type": "typing", "conversation": conversation_id},
    }


def hostile_frames(conversation_id: int, message_id: int) -> list[tuple[str, str]]:
    """(label, text) for every frame type, field and hostile value; `resume` also in its keys and values."""
    found = [(f"raw: {label}", text) for label, text in RAW.items()]
    for frame_type, valid in _valid(conversation_id, message_id).items():
        for field in [*FIELDS.get(frame_type, {}), "type", "extra"]:
            kind = FIELDS.get(frame_type, {}).get(field)
            # A field the frame does not have is ignored, whatever its value, but its text is checked like all.
            values = TEXT if field == "extra" else {**HOSTILE, "a number as text": "12"} if kind is int else HOSTILE
            for label, value in values.items():
                found.append((f"{frame_type}.{field}: {label}", json.dumps({**valid, field: value})))
            if field in FIELDS.get(frame_type, {}):
                found.append(
                    (f"{frame_type}.{field}: missing", json.dumps({k: v for k, v in valid.items() if k != field}))
                )
    for label, value in HOSTILE.items():
        found.append((f"resume value: {label}", json.dumps({"type": "resume", "conversations": {"1": value}})))
        if isinstance(value, str):
            found.append((f"resume key: {label}", json.dumps({"type": "resume", "conversations": {value: 0}})))
    return found


def _sweep(socket, cases, watch) -> tuple[list[str], dict]:
    async def run():
        connected, _ = await socket.connect()
        assert connected
        problems = []
        for label, text in cases:
            await socket.send_to(text_data=text)
            [reply] = await frames(socket, 1, timeout=5)
            if reply["type"] != "error" or not reply.get("code") or reply["code"] == "server_error":
                problems.append(f"{label}: {reply}")
            if written := await sync_to_async(watch.written)():
                problems.append(f"{label}: wrote to {written}")
        for binary in (b"\x00\x01", b'{"type": "hello"}'):
            await socket.send_to(bytes_data=binary)
            [reply] = await frames(socket, 1, timeout=5)
            if reply.get("code") != "binary_not_supported":
                problems.append(f"binary frame: {reply}")
        await socket.send_to(text_data=json.dumps({"type": "hello"}))
        [hello] = await frames(socket, 1, timeout=5)
        await socket.disconnect()
        return problems, hello

    return async_to_sync(run)()


@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_no_frame_reaches_a_server_fault(parkwijk, who):
    anna, bram, conversation = pair(parkwijk)
    with tenant_context(parkwijk):
        message, _ = send_message(
            member=bram, wijk=parkwijk, conversation_id=conversation.pk, client_id="b1", body="Hoi Anna"
        )
    socket = socket_for("parkwijk", anna) if who == "member" else communicator("parkwijk.localhost")
    cases = hostile_frames(conversation.pk, message.pk)
    watch = RowWatch()
    started, cpu = time.monotonic(), time.process_time()
    with connection.execute_wrapper(watch):
        problems, hello = _sweep(socket, cases, watch)
    print(
        f"Socket sweep as {who}: {len(cases) + 2} frames in {time.monotonic() - started:.1f} s ({time.process_time() - cpu:.1f} s CPU)"
    )
    assert len(cases) > 100
    assert problems == [], "\n".join(problems)
    assert hello["type"] == "hello"  # still open, still answering
