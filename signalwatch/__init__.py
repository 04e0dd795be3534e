"""signalwatch: public trigger events in, explained and prioritized sales alerts out."""

__version__ = "0.1.0"
__all__ = ["__version__"]
