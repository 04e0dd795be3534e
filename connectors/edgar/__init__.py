"""SEC EDGAR connectors: Form D (`edgar_formd`) and 8-K Item 5.02 (`edgar_8k`), sharing one client."""

from signalwatch.connectors.edgar import eightk, formd  # noqa: F401  (registers both kinds)
