"""A real password hasher (Django's PBKDF2, same algorithm name, so stored hashes verify) that
counts how often it runs: the lock-out tests check an unknown name costs as much as a known one."""

from __future__ import annotations

from django.contrib.auth.hashers import PBKDF2PasswordHasher


class CountingHasher(PBKDF2PasswordHasher):
    runs = 0

    def encode(self, password: str, salt: str, iterations: int | None = None) -> str:
        CountingHasher.runs += 1
        return super().encode(password, salt, iterations)
