"""Root conftest: runs before any test module, so Qt never looks for a display."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KIOSK_TESTING", "1")
