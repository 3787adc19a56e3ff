"""Where a fault of ours goes: a rotating log file under data/logs/, never the terminal or
the page (a traceback is noise to the owner and may quote what a file held).

The folder is `AVG_LOG_DIR` when set (the tests point it at a temporary folder).
"""

from __future__ import annotations

import logging
import os
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOG_NAME = "avg-toezicht.log"
# A few faults with their traces fit; older ones rotate out instead of growing the disk.
MAX_BYTES = 1_000_000
BACKUPS = 3


def log_dir() -> Path:
    return Path(os.environ.get("AVG_LOG_DIR") or ROOT / "data" / "logs")


def log_fault(what: str) -> Path:
    """Write the exception being handled, with `what` was being done, to the log; returns
    the log file. Never raises: a full disk must not turn one fault into two."""
    path = log_dir() / LOG_NAME
    logger = logging.getLogger("avg-toezicht.faults")
    logger.propagate = False  # to the file only, never to a handler printing on stderr
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                      encoding="utf-8")  # fmt: skip
        handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
        logger.addHandler(handler)
        try:
            logger.error("%s\n%s", what, traceback.format_exc())
        finally:
            logger.removeHandler(handler)
            handler.close()
    except OSError:
        pass
    return path
