"""Rate limits on what strangers can repeat: registering, looking up tickets, checking in, logging in.

One call for pages and the API alike: `rate_limit(request, "registration")` counts the request against
every limit of that group in settings.RATE_LIMITS (per client address, and per logged-in user where the
group says so) in the shared cache (django-ratelimit), and raises `Ratelimited` when one is exceeded.
The API answers it 429 with the error shape, pages with a Vietnamese page (lifelong.core.middleware).

Client addresses: REMOTE_ADDR, or behind TRUSTED_PROXIES proxies of ours (settings; 1 by default when
BEHIND_TLS_PROXY=1) the address the outermost of them appended to X-Forwarded-For (a client can forge
the entries before it). Mobile networks put
many people behind one address (carrier-grade NAT), so the limits per address are generous: they stop
a script, not a commune hall full of people registering on the same Wi-Fi.
"""

import ipaddress
from functools import wraps

from django.conf import settings
from django_ratelimit.core import is_ratelimited
from django_ratelimit.exceptions import Ratelimited
from ninja.throttling import BaseThrottle


def _valid_address(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request) -> str:
    """The client's address: behind TRUSTED_PROXIES proxies, the one the outermost of ours appended to
    X-Forwarded-For (the entries before it are whatever the client sent); otherwise REMOTE_ADDR. An entry
    that is not an address is not trusted."""
    hops = settings.TRUSTED_PROXIES
    if hops:
        forwarded = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= hops:
            address = _valid_address(forwarded[-hops])
            if address:
                return address
    return _valid_address(request.META.get("REMOTE_ADDR") or "") or "0.0.0.0"


def rate_limit(request, group: str) -> None:
    """Count this request in `group`; raise Ratelimited if the client or user went over a limit."""
    limits = settings.RATE_LIMITS.get(group, {})
    keys = [("ip", limits.get("ip"))]
    if request.user.is_authenticated:
        keys.append(("user", limits.get("user")))
    over = False
    for key, rate in keys:
        # Every limit is counted even after one is exceeded, so that each stays accurate.
        if rate and is_ratelimited(request, group=f"{group}:{key}", key=key, rate=rate, increment=True):
            over = True
    if over:
        raise Ratelimited()


def rate_limited(group: str, *, methods: tuple[str, ...] = ("GET", "POST", "PUT", "PATCH", "DELETE")):
    """View decorator: rate_limit(request, group) for the given methods, then the view."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method in methods:
                rate_limit(request, group)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


class RateLimitThrottle(BaseThrottle):
    """The same limits for an API operation (`throttle=RateLimitThrottle("registration")`): django-ninja checks
    it after authentication and before reading the body, so malformed requests count too."""

    def __init__(self, group: str):
        self.group = group

    def allow_request(self, request) -> bool:
        try:
            rate_limit(request, self.group)
        except Ratelimited:
            return False
        return True

    def wait(self) -> int:
        return 60
