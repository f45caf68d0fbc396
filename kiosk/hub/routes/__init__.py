"""The hub's HTTP routes, one router per area: health (``/v1/health``, ``/v1/device``), sync (push, pull,
summary) and cards (online look-up through the gateway). kiosk/hub/app.py assembles them."""
