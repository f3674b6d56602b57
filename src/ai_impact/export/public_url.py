"""The public address of an exported page: the site's base URL and the page's path.

The sitemap and each page's canonical link write the same addresses, so both come from here.
"""

from __future__ import annotations

from urllib.parse import quote

__all__ = ["PATH_SAFE", "page_url"]

# Characters a URL path may hold as they are (RFC 3986 pchar and "/", and "%" of an escape).
PATH_SAFE = "/%:@!$&'()*+,;=~-._"


def page_url(base_url: str, path: str) -> str:
    """The absolute URL of the page at ``path`` (a file path in the folder, not yet encoded)
    under ``base_url`` (checked and encoded by ``site.check_base_url``)."""
    return base_url.rstrip("/") + "/" + quote(path, safe=PATH_SAFE.replace("%", ""))
