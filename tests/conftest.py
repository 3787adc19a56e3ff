"""Shared test setup: make the repository root importable when pytest is run directly.

`python -m pytest` (as `make test` does) puts the working directory on sys.path;
`.venv/bin/pytest` does not, so the `compliance` package would not be found.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
