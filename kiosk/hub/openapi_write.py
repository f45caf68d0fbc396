"""``python -m kiosk.hub.openapi_write``: rewrite kiosk/hub/openapi.json from the app."""

from __future__ import annotations

import tempfile

from kiosk.hub.app import create_app
from kiosk.hub.openapi_doc import COMMITTED, render
from kiosk.hub.settings import HubSettings


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(HubSettings(db_url=f"sqlite:///{tmp}/hub.sqlite3", gateway_config_file=None))
        COMMITTED.write_text(render(app), encoding="utf-8")
        app.state.engine.dispose()


if __name__ == "__main__":
    main()
