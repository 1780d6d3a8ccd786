"""API fixtures: a caregiver's token and a test client that sends it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from crawlcoach.web.api.tokens import create_token


@pytest.fixture
def token_client_of() -> Callable[..., Client]:
    """A client that calls the API with a new token of this user (``Token`` or ``Bearer``)."""

    def make(user: User, keyword: str = "Token") -> Client:
        _, key = create_token(user.caregiver, "tests")
        return Client(HTTP_AUTHORIZATION=f"{keyword} {key}")

    return make


@pytest.fixture
def api(parent: User, token_client_of: Callable[..., Client]) -> Client:
    return token_client_of(parent)
