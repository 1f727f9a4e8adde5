"""A page's site read from its address: the host name and the label it registers.

'https://www.dailymail.co.uk/x' registers 'dailymail' under the public suffix 'co.uk', so its label is
'dailymail', not 'co'. The suffixes are the Public Suffix List (MPL-2.0) as the `tld` package ships it (it
comes with trafilatura, through courlan); it is read from the package's own file, nothing is fetched. A host
the list does not know ('ada.blogs.example', 'localhost') keeps its next-to-last label.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

PREFIX_LABELS = frozenset({"www", "m", "amp"})  # a host's labels that name no site
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "edu", "ac"})  # skipped when the list knows no suffix
_IP_ADDRESS = re.compile(r"^[\d.]+$|:")


def host_of(url: str | None) -> str:
    """A URL's host name, lower case; '' for none, or for an address `urlsplit` refuses ('http://[harbour/x')."""
    try:
        return (urlsplit(url).hostname or "") if url else ""
    except ValueError:
        return ""


@lru_cache(maxsize=4096)
def registrable_label(host: str) -> str | None:
    """The label a host registers under its public suffix: 'www.dailymail.co.uk' -> 'dailymail',
    'news.example.com.au' -> 'example'; None for an IP address or a host of one label."""
    if not host or _IP_ADDRESS.search(host):
        return None
    from tld import get_tld

    parser = _shipped_list()
    found = get_tld(host, fix_protocol=True, as_object=True, fail_silently=True, parser_class=parser) if parser else None
    if found is not None and found.domain:  # 'www.gov.uk' registers nothing under 'gov.uk': the site is 'gov'
        return found.domain if found.domain not in PREFIX_LABELS else found.tld.split(".")[0]
    labels = [label for label in host.split(".")[:-1] if label and label not in PREFIX_LABELS | _SECOND_LEVEL]
    return labels[-1] if labels else None


def site_label(url: str | None) -> str | None:
    """The registrable label of a URL's host, lower case: 'https://www.dailymail.co.uk/x' -> 'dailymail'."""
    return registrable_label(host_of(url))


@lru_cache(maxsize=1)
def _shipped_list() -> type | None:
    """tld's parser of the list it ships, never fetching it: None when that file is missing (tld would download it)."""
    from tld.utils import MozillaTLDSourceParser, get_tld_names

    class ShippedList(MozillaTLDSourceParser):
        uid = "newsgraph_shipped"

        @classmethod
        def update_tld_names(cls, fail_silently: bool = False) -> bool:
            return False

    return ShippedList if get_tld_names(fail_silently=True, parser_class=ShippedList) is not None else None
