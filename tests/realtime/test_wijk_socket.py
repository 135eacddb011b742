"""The socket at /ws/: tenant and session resolution, origin checks, bad frames, and the wijk border.

Sync tests run each socket conversation in one async_to_sync call, so the consumer's database calls
(realtime.db) run on this thread and see the test's transaction."""

import json

from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator

from tests.builders.members import make_member
from tests.builders.sockets import communicator, connects, session_cookie


async def exchange(socket: WebsocketCommunicator, frame) -> dict:
    await socket.send_to(text_data=frame if isinstance(frame, str) else json.dumps(frame))
    return json.loads(await socket.receive_from(timeout=5))


def conversation(*sockets: WebsocketCommunicator, frames: list[tuple[int, object]]) -> list[dict]:
    """Connect every socket, send each (socket index, frame), collect the replies, disconnect."""

    async def run():
        for socket in sockets:
            connected, _ = await socket.connect()
            assert connected
        replies = [await exchange(sockets[index], frame) for index, frame in frames]
        for socket in sockets:
            await socket.disconnect()
        return replies

    return async_to_sync(run)()


HELLO = {"type": "hello"}


def test_hello_names_the_wijk_and_nobody_when_logged_out(parkwijk):
    [reply] = conversation(communicator("parkwijk.localhost"), frames=[(0, HELLO)])

    assert reply == {"type": "hello", "wijk": {"slug": "parkwijk", "name": "Parkwijk"}, "member": None}


def test_hello_names_the_logged_in_member(parkwijk):
    anna = make_member(parkwijk, "Anna")
    socket = communicator("parkwijk.localhost:8000", cookie=session_cookie("parkwijk", anna.user))

    [reply] = conversation(socket, frames=[(0, HELLO)])

    assert reply["member"] == {"firstName": "Anna", "role": "resident"}


def test_same_consumer_on_two_wijken_answers_for_each_wijk(parkwijk, centrum):
    anna = make_member(parkwijk, "Anna")
    carla = make_member(centrum, "Carla")
    in_parkwijk = communicator("parkwijk.localhost", cookie=session_cookie("parkwijk", anna.user))
    in_centrum = communicator("centrum.localhost", cookie=session_cookie("centrum", carla.user))

    first, second, again = conversation(in_parkwijk, in_centrum, frames=[(0, HELLO), (1, HELLO), (0, HELLO)])

    assert (first["wijk"]["slug"], first["member"]["firstName"]) == ("parkwijk", "Anna")
    assert (second["wijk"]["slug"], second["member"]["firstName"]) == ("centrum", "Carla")
    assert again == first


def test_parkwijk_member_is_nobody_on_the_centrum_socket(parkwijk, centrum):
    anna = make_member(parkwijk, "Anna")
    socket = communicator("centrum.localhost", cookie=session_cookie("parkwijk", anna.user))

    [reply] = conversation(socket, frames=[(0, HELLO)])

    assert reply["wijk"]["slug"] == "centrum"
    assert reply["member"] is None


def test_unknown_host_is_refused(db):
    assert not connects(communicator("nergens.localhost"))


def test_portal_host_has_no_socket(db):
    assert not connects(communicator("localhost"))


def test_planned_wijk_has_no_socket(boerhaavewijk):
    assert not connects(communicator("boerhaavewijk.localhost"))


def test_foreign_origin_is_refused(parkwijk):
    assert not connects(communicator("parkwijk.localhost", origin="http://centrum.localhost"))


def test_missing_origin_is_refused(parkwijk):
    assert not connects(communicator("parkwijk.localhost", origin=""))


def test_bad_frames_get_an_error_frame_and_the_socket_stays_open(parkwijk):
    bad_frames = {
        "not json": "not_json",
        "[1, 2]": "not_an_object",
        '{"kind": "hello"}': "not_an_object",
        '{"type": 5}': "not_an_object",
        '{"type": "drop_tables"}': "unknown_type",
        json.dumps({"type": "hello", "padding": "x" * 20_000}): "too_large",
    }
    socket = communicator("parkwijk.localhost")

    async def run():
        await socket.connect()
        replies = [await exchange(socket, frame) for frame in bad_frames]
        await socket.send_to(bytes_data=b"\x00\x01")
        replies.append(json.loads(await socket.receive_from(timeout=5)))
        replies.append(await exchange(socket, HELLO))
        await socket.disconnect()
        return replies

    replies = async_to_sync(run)()

    assert [r["code"] for r in replies[:-1]] == [*bad_frames.values(), "binary_not_supported"]
    assert all(r["type"] == "error" and r["message"] for r in replies[:-1])
    assert replies[-1]["type"] == "hello"
