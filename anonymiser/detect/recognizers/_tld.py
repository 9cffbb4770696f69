"""One offline tldextract instance, shared by the email and URL recognizers."""

from __future__ import annotations

from functools import cache

import tldextract


@cache
def offline_extractor() -> tldextract.TLDExtract:
    """A TLDExtract that reads only its bundled suffix-list snapshot and writes no cache."""
    # tldextract's module-level extract() fetches the public suffix list over the network on
    # first use; the tool must run on machines with no network at all.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
