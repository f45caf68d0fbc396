"""Entry point of the frozen ``kiosk`` executable (PyInstaller, installer/kiosk.spec)."""

import multiprocessing
import sys

if __name__ == "__main__":
    # `kiosk hub serve --workers N` starts worker processes: a frozen app must handle their start here.
    multiprocessing.freeze_support()
    # The bundle lives in a read-only, package-owned folder: never leave __pycache__ folders there
    # (alembic loads the migration scripts from source files).
    sys.dont_write_bytecode = True
    from kiosk.cli import main

    raise SystemExit(main())
