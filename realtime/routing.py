"""Socket routes. Every socket passes the wijk and session middleware before it reaches a consumer."""

from channels.routing import URLRouter
from django.urls import path

from wijkmarkt.realtime.consumers.wijk import WijkConsumer
from wijkmarkt.realtime.middleware import SessionUserMiddleware, WijkSocketMiddleware

websocket_application = WijkSocketMiddleware(SessionUserMiddleware(URLRouter([path("ws/", WijkConsumer.as_asgi())])))
