from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from crawlcoach.web.families.access import request_family


def family(request: HttpRequest) -> dict[str, Any]:
    return {"family": request_family(request)}
