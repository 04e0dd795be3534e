"""Extraction of trigger events from news text (headline + summary). Pure functions only."""

from signalwatch.extract.model import Extraction
from signalwatch.extract.news import extract_news

__all__ = ["Extraction", "extract_news"]
