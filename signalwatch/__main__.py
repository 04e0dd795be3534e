"""`python -m signalwatch` runs the CLI."""

from signalwatch.cli import main

raise SystemExit(main())
