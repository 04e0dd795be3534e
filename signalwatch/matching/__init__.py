"""Company matching: which target account, if any, a company mention names (see `index`)."""

from signalwatch.matching.index import AccountMatcher, Resolution
from signalwatch.matching.names import (
    analyze,
    is_weak_key,
    normalize_domain,
    normalize_name,
)

__all__ = ["AccountMatcher", "Resolution", "analyze", "is_weak_key", "normalize_domain", "normalize_name"]
