"""Tech-stack detection: homepage fingerprints and DNS records, and the diff between polls.

    page.extract_page ─┐
                       ├─▶ engine.Fingerprinter.detect ─▶ diff.diff_stack ─▶ adopted / dropped
    dns.lookup_records ┘        (fingerprints.py loads the YAML data it runs)

Everything here is pure except `dns.DnspythonResolver`, which the connector calls in fetch.
"""

from signalwatch.techstack.diff import StackChange, diff_stack
from signalwatch.techstack.dns import DnsRecords, Resolver
from signalwatch.techstack.engine import Detection, Evidence, Fingerprinter
from signalwatch.techstack.fingerprints import default_fingerprints, load_fingerprints
from signalwatch.techstack.page import PageEvidence, extract_page

__all__ = [
    "Detection",
    "DnsRecords",
    "Evidence",
    "Fingerprinter",
    "PageEvidence",
    "Resolver",
    "StackChange",
    "default_fingerprints",
    "diff_stack",
    "extract_page",
    "load_fingerprints",
]
