"""The hidden first command-line argument of a card-import reader process (never typed by anyone).

Its own tiny module: :func:`kiosk.cli.main` checks it before anything else is imported, and
:mod:`kiosk.db.parallel_import` puts it on the readers' command lines.
"""

from typing import Final

READER_FLAG: Final = "--card-import-reader"
