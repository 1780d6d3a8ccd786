from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def family(request: HttpRequest) -> dict[str, Any]:
    return {"family": getattr(request, "family", None)}
