"""`python -m compliance …`: see compliance/cli.py."""

from compliance.cli import main

raise SystemExit(main())
