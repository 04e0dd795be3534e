"""Undo a response's Content-Encoding layers as it streams, never inflating past the size cap.

httpx inflates each received chunk whole, so a 2 KB body encoded `gzip, gzip` can become
gigabytes in one step before any size check runs. Here each layer inflates at most what is
still allowed (zlib's `max_length`), so memory stays within the cap at every layer.
"""

from __future__ import annotations

import zlib

__all__ = ["BoundedDecoder", "ACCEPT_ENCODING", "UnsupportedEncoding", "TooLarge"]

ACCEPT_ENCODING = "gzip, deflate"  # what we can decode with a bound; sent on every request


class UnsupportedEncoding(ValueError):
    """The server used a content encoding we did not offer."""


class TooLarge(ValueError):
    """A layer produced more than the cap allows."""


class _Layer:
    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS if encoding in ("gzip", "x-gzip") else zlib.MAX_WBITS)
        self._raw_fallback = encoding == "deflate"  # "deflate" is zlib-wrapped by the RFC, raw by some servers
        self.produced = 0

    def inflate(self, data: bytes, allowed: int) -> bytes:
        """Inflate `data`, producing at most `allowed` bytes (TooLarge past that)."""
        try:
            out = self._inflater.decompress(data, allowed + 1)  # max_length 0 would mean "no limit"
        except zlib.error:
            if not (self._raw_fallback and self.produced == 0):
                raise
            self._inflater, self._raw_fallback = zlib.decompressobj(-zlib.MAX_WBITS), False
            out = self._inflater.decompress(data, allowed + 1)
        if len(out) > allowed or self._inflater.unconsumed_tail:
            raise TooLarge(f"{self.encoding} layer inflates past the cap")
        self.produced += len(out)
        return out


class BoundedDecoder:
    """Decoder for a Content-Encoding header value ("gzip", "gzip, gzip", "identity", "")."""

    def __init__(self, header: str, cap: int) -> None:
        encodings = [part.strip().lower() for part in header.split(",") if part.strip()]
        unknown = [e for e in encodings if e not in ("gzip", "x-gzip", "deflate", "identity")]
        if unknown:
            raise UnsupportedEncoding(f"content encoding {', '.join(unknown)} was not offered")
        self._layers = [_Layer(e) for e in reversed(encodings) if e != "identity"]  # last applied, first undone
        self._cap = cap
        self.size = 0

    def feed(self, data: bytes) -> bytes:
        """The decoded bytes of the next raw chunk; TooLarge once the decoded body passes the cap."""
        for layer in self._layers:
            data = layer.inflate(data, self._cap - layer.produced)
        self.size += len(data)
        if self.size > self._cap:
            raise TooLarge("decoded body passes the cap")
        return data
