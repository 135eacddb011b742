"""The image (deploy/Containerfile, built by deploy/build-image) runs: against a database of its own on the test
database server, it migrates, and its default command, daphne, answers /healthz and /readyz. Needs podman and the
built image (WIJKMARKT_IMAGE, default localhost/wijkmarkt); skipped with the reason when either is missing."""

import http.client
import os
import shutil
import socket
import subprocess
import time
import uuid

import psycopg
import pytest
from django.conf import settings
from django.db import connection

IMAGE = os.environ.get("WIJKMARKT_IMAGE", "localhost/wijkmarkt")

pytestmark = pytest.mark.slow


def podman(conf, *args, timeout=300) -> subprocess.CompletedProcess:
    """podman as it runs on these machines (deploy/README.md): runc, vfs storage, cgroupfs, no default ulimits."""
    command = ["podman", "--runtime", "runc", "--storage-driver", "vfs", "--cgroup-manager", "cgroupfs", *args]
    return subprocess.run(
        command, capture_output=True, text=True, timeout=timeout, env={**os.environ, "CONTAINERS_CONF": str(conf)}
    )


@pytest.fixture
def containers_conf(tmp_path):
    if shutil.which("podman") is None:
        pytest.skip("podman is not installed (apt-get install podman runc); the image test needs it")
    conf = tmp_path / "containers.conf"
    conf.write_text("[containers]\ndefault_ulimits = []\n")
    if podman(conf, "image", "exists", IMAGE, timeout=60).returncode != 0:
        pytest.skip(f"the image {IMAGE} is not built here; build it with deploy/build-image")
    return conf


@pytest.fixture
def image_database_url():
    """A database of the image's own on the test server, dropped afterwards (the suite's test database stays its own)."""
    db = settings.DATABASES["default"]
    params = connection.get_connection_params()
    if not params.get("host") or str(params["host"]).startswith("/"):
        pytest.skip(
            "the test database listens on a Unix socket (the embedded PostgreSQL); a container reaches one over TCP only"
        )
    name = f"wijkmarkt_image_{uuid.uuid4().hex[:8]}"
    server = {"host": params["host"], "port": params.get("port") or 5432, "user": db["USER"]}
    if db["PASSWORD"]:
        server["password"] = db["PASSWORD"]
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    yield f"postgres://{server['user']}{password}@{server['host']}:{server['port']}/{name}"
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# The compiled catalogue and the collected static files are in the image, not made at start-up.
BUILT_IN = """
import django, os
django.setup()
from django.utils import translation
translation.activate("en")
print(translation.gettext("Inloggen"))
print("manifest" if os.path.exists("/opt/wijkmarkt/static/staticfiles.json") else "no manifest")
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(port: int, path: str) -> int:
    """The status of a GET on the container's daphne, with the portal's Host."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", path, headers={"Host": "localhost"})
        return connection.getresponse().status
    finally:
        connection.close()


def test_the_image_migrates_and_serves_its_probes(containers_conf, image_database_url):
    env = [f"--env=DATABASE_URL={image_database_url}", f"--env=SECRET_KEY=image-test-{uuid.uuid4().hex}"]
    run = ["run", "--rm", "--network", "host", *env, IMAGE]
    migrated = podman(containers_conf, *run, "python", "-m", "django", "migrate_schemas", "--shared", "--noinput")
    assert migrated.returncode == 0, migrated.stderr[-3000:]
    built_in = podman(containers_conf, *run, "python", "-c", BUILT_IN, timeout=120)
    assert built_in.stdout.split() == ["Log", "in", "manifest"], built_in.stderr[-3000:]

    port = free_port()
    name = f"wijkmarkt-image-test-{uuid.uuid4().hex[:8]}"
    daphne = ["daphne", "--bind", "127.0.0.1", "--port", str(port), "wijkmarkt.platform.config.asgi:application"]
    started = podman(containers_conf, "run", "--detach", "--name", name, "--network", "host", *env, IMAGE, *daphne)
    assert started.returncode == 0, started.stderr[-3000:]
    try:
        user = podman(containers_conf, "exec", name, "id", "-u", timeout=60).stdout.strip()
        deadline = time.monotonic() + 90
        while True:
            try:
                live = get(port, "/healthz")
                break
            except OSError:
                assert time.monotonic() < deadline, podman(containers_conf, "logs", name, timeout=60).stderr[-3000:]
                time.sleep(1)
        ready = get(port, "/readyz")
    finally:
        logs = podman(containers_conf, "logs", name, timeout=60)
        podman(containers_conf, "rm", "--force", name, timeout=120)
    assert user not in {"", "0"}, "the image runs as a non-root user"
    assert live == 200, (live, logs.stderr[-3000:])
    assert ready == 200, (ready, logs.stderr[-3000:])
