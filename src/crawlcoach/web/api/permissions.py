"""Who may call the API: a logged-in (token or session) member of a family."""

from __future__ import annotations

from typing import Any

from rest_framework.exceptions import NotFound
from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from crawlcoach.web.api import scoping


class FamilyMember(BasePermission):
    def has_permission(self, request: Request, view: Any) -> bool:
        if not request.user or not request.user.is_authenticated:
            return False  # DRF answers 401 with the token challenge
        if scoping.caregiver_of(request) is None:
            # As on the pages: an account outside any family has nothing to find.
            raise NotFound("This account does not belong to a family.")
        return True
