"""The baseline of bench_chat.py: a bare `websockets` broadcast server doing the chat's fan-out and nothing else.

Run: python chat_baseline_server.py --port PORT   (bench_chat.py starts and stops it)

Every `send` frame is parsed, turned into one `message` frame (a running id, the client id, the body) and written
to every other open socket with websockets.broadcast(): no database, no channel layer, no per-recipient check, one
JSON encoding per message. Other frames (`resume`) are ignored. This is roughly the least work any chat server does
for the same fan-out on one core, so daphne's figures divided by these say what the rest of the stack costs.
"""

import argparse
import asyncio
import json
import signal
import sys

from websockets.asyncio.server import ServerConnection, broadcast, serve

CONNECTED: set[ServerConnection] = set()
NEXT_ID = [0]


async def handler(socket: ServerConnection) -> None:
    CONNECTED.add(socket)
    try:
        async for text in socket:
            frame = json.loads(text)
            if frame.get("type") != "send":
                continue
            NEXT_ID[0] += 1
            message = {
                "type": "message",
                "conversation": frame["conversation"],
                "id": NEXT_ID[0],
                "clientId": frame["clientId"],
                "body": frame["body"],
            }
            broadcast([other for other in CONNECTED if other is not socket], json.dumps(message))
    finally:
        CONNECTED.discard(socket)


async def main_async(port: int) -> None:
    stop = asyncio.get_running_loop().create_future()
    for signum in (signal.SIGTERM, signal.SIGINT):
        asyncio.get_running_loop().add_signal_handler(signum, stop.set_result, None)
    async with serve(handler, "127.0.0.1", port, compression=None, ping_interval=None, max_size=2**20, backlog=512):
        print(f"baseline listening on 127.0.0.1:{port}", flush=True)
        await stop


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    asyncio.run(main_async(parser.parse_args().port))
    return 0


if __name__ == "__main__":
    sys.exit(main())
