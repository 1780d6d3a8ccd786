"""The address a request came from, as the lock-out counts it.

``REMOTE_ADDR`` is the peer of the connection and cannot be forged. Behind a reverse proxy it is
the proxy's address, so ``CRAWLCOACH_TRUSTED_PROXIES`` names the proxies (addresses or networks,
comma-separated): only when the peer is one of them is ``X-Forwarded-For`` read, from its right
end, skipping the trusted proxies, so a client cannot put a made-up address in front of it.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(p, strict=False) for p in proxies)


def _trusted(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in net for net in _networks(tuple(settings.TRUSTED_PROXIES)))


def client_address(request: HttpRequest) -> str:
    peer = str(request.META.get("REMOTE_ADDR") or "")
    if not settings.TRUSTED_PROXIES or not _trusted(peer):
        return peer[:64]
    forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR") or "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _trusted(hop):
            return hop[:64]
    return peer[:64]
