"""The body of a card-import reader process (``kiosk --card-import-reader``, see :mod:`kiosk.db.reader_flag`;
started by :mod:`kiosk.db.parallel_import`).

Reads one JSON job on stdin, stages its byte range of the card list with
:func:`kiosk.db.parallel_import.stage_chunk`, and writes JSON lines on stdout: ``{"rows": n}`` as it
goes, then ``{"result": {...}}`` or ``{"error": {...}}``. Exit code 0 with a result, 1 with an error.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from typing import Any

from kiosk.db.parallel_import import Chunk, error_message, stage_chunk


def main(stdin: Any = None, stdout: Any = None) -> int:
    source, sink = stdin or sys.stdin, stdout or sys.stdout

    def say(message: dict[str, Any]) -> None:
        sink.write(json.dumps(message) + "\n")
        sink.flush()

    try:
        job = json.loads(source.read())
        start, end, first_line = job["chunk"]
        result = stage_chunk(job["path"], list(job["names"]), Chunk(int(start), int(end), int(first_line)),
                             job["stage_file"], bool(job["strict"]), int(job["max_errors"]),
                             progress=lambda rows: say({"rows": rows}))
    except Exception as exc:  # everything goes back to the parent, which raises the same kind
        say({"error": error_message(exc)})
        return 1
    say({"rows": result.rows})
    say({"result": dataclasses.asdict(result)})
    return 0
