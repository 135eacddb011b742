"""The ASGI root that daphne serves: HTTP to Django (tenant middleware included), /ws/ to Channels."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijkmarkt.platform.config.settings")
django_application = get_asgi_application()  # sets Django up before the socket stack imports models

from channels.routing import ProtocolTypeRouter  # noqa: E402 - needs Django set up first

from wijkmarkt.realtime.routing import websocket_application  # noqa: E402 - needs Django set up first

application = ProtocolTypeRouter({"http": django_application, "websocket": websocket_application})
