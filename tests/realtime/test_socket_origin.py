"""The socket accepts only pages of the site itself: the same scheme, host and port. Another port on the same host
or the http page of an https site (or the other way round) is another origin, and would use the visitor's cookie."""

import pytest
from channels.testing import WebsocketCommunicator

from tests.builders.members import make_member
from tests.builders.sockets import connects, session_cookie
from wijkmarkt.platform.config.asgi import application


def socket(host: str, origin: str, cookie: str | None = None, forwarded_proto: str | None = None, scheme="ws"):
    headers = [(b"host", host.encode()), (b"origin", origin.encode())]
    if cookie:
        headers.append((b"cookie", cookie.encode()))
    if forwarded_proto:
        headers.append((b"x-forwarded-proto", forwarded_proto.encode()))
    communicator = WebsocketCommunicator(application, "/ws/", headers=headers)
    communicator.scope["scheme"] = scheme
    return communicator


@pytest.fixture
def victims_cookie(parkwijk):
    return session_cookie("parkwijk", make_member(parkwijk, "Anna").user)


@pytest.mark.parametrize(
    "origin",
    [
        "http://parkwijk.localhost:9999",  # another port on the same host: another site
        "https://parkwijk.localhost",  # another scheme
        "http://parkwijk.localhost:8000",  # the site is on the default port here
        "null",
        "http://parkwijk.localhost:notaport",
    ],
)
def test_another_origin_on_the_same_host_is_refused(victims_cookie, origin):
    assert not connects(socket("parkwijk.localhost", origin, victims_cookie))


def test_the_sites_own_origin_with_its_port_is_accepted(victims_cookie):
    assert connects(socket("parkwijk.localhost:8000", "http://parkwijk.localhost:8000", victims_cookie))
    assert connects(socket("PARKWIJK.localhost", "http://parkwijk.localhost", victims_cookie))


def test_a_port_other_than_the_sites_is_refused(victims_cookie):
    assert not connects(socket("parkwijk.localhost:8000", "http://parkwijk.localhost:9999", victims_cookie))
    assert not connects(socket("parkwijk.localhost:8000", "http://parkwijk.localhost", victims_cookie))


def test_behind_an_https_proxy_only_the_https_origin_is_accepted(victims_cookie, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

    assert connects(socket("parkwijk.localhost", "https://parkwijk.localhost", victims_cookie, "https"))
    assert connects(socket("parkwijk.localhost:443", "https://parkwijk.localhost", victims_cookie, "https"))
    assert not connects(socket("parkwijk.localhost", "http://parkwijk.localhost", victims_cookie, "https"))


def test_a_tls_socket_without_proxy_expects_the_https_page(victims_cookie):
    assert connects(socket("parkwijk.localhost", "https://parkwijk.localhost", victims_cookie, scheme="wss"))
    assert not connects(socket("parkwijk.localhost", "http://parkwijk.localhost", victims_cookie, scheme="wss"))
