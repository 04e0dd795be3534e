"""Hiring signals as pure logic: title classification, board snapshot diffs and surge detection."""

from signalwatch.hiring.classify import (
    FUNCTIONS,
    SENIORITIES,
    TitleClass,
    classify_title,
)

__all__ = ["FUNCTIONS", "SENIORITIES", "TitleClass", "classify_title"]
