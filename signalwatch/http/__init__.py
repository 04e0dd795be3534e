"""The one way signalwatch makes HTTP calls to sources: `HttpClient` and its errors.

See `signalwatch.http.client` for the policy (timeouts, retries, caps, URL guard).
"""

from signalwatch.http.client import (
    BlockedUrlError,
    FetchError,
    HttpClient,
    HttpResponse,
    HttpSettings,
    HttpStatusError,
    HttpUrlText,
    RateLimitedError,
    ResponseTooLargeError,
    TooManyRedirectsError,
    TransportError,
    check_url,
    http_url,
    parse_retry_after,
    public_address,
    vetted_addresses,
)

__all__ = [
    "HttpSettings",
    "HttpClient",
    "HttpResponse",
    "FetchError",
    "BlockedUrlError",
    "ResponseTooLargeError",
    "TooManyRedirectsError",
    "TransportError",
    "HttpStatusError",
    "RateLimitedError",
    "check_url",
    "http_url",
    "HttpUrlText",
    "public_address",
    "vetted_addresses",
    "parse_retry_after",
]
