"""Where the web app keeps its state and how it reaches its services, read from the environment.

Embedded defaults need nothing installed: SQLite and Huey's SQLite queue in a data folder, media on
local disk. ``DATABASE_URL`` switches to PostgreSQL, ``REDIS_URL`` puts the task queue in Redis.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from crawlcoach.errors import CrawlcoachError

DEFAULT_MAX_UPLOAD_MB = 500
# What `crawlcoach serve` sets when CRAWLCOACH_SITE_URL is not given is the address it prints.
DEFAULT_SITE_URL = "http://localhost:8000/"


class ConfigError(CrawlcoachError):
    kind = "config_error"


def data_dir() -> Path:
    """The folder for the database, the queue, the secret key and every uploaded video."""
    path = Path(os.environ.get("CRAWLCOACH_DATA_DIR", "var")).expanduser().resolve()
    # Children's videos: owner only (an existing folder is made private at start-up, privacy.py).
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def secret_key(folder: Path) -> str:
    """The key from ``CRAWLCOACH_SECRET_KEY``, else one generated on first run and kept on disk."""
    if env_key := os.environ.get("CRAWLCOACH_SECRET_KEY"):
        return env_key
    key_file = folder / "secret_key"
    if not key_file.exists():
        # Created private from the start: a key readable by others would let them forge sessions.
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(50))
    return key_file.read_text().strip()


def database(url: str | None, folder: Path) -> dict[str, Any]:
    """Django's ``DATABASES['default']`` for a ``DATABASE_URL`` (postgres:// or sqlite:///)."""
    if not url:
        return _sqlite(folder / "crawlcoach.sqlite3")
    parts = urlsplit(url)
    scheme = parts.scheme.split("+")[0]
    if scheme == "sqlite":
        # sqlite:///relative/path or sqlite:////absolute/path, as dj-database-url reads them.
        return _sqlite(
            Path(unquote(parts.path[1:])) if parts.path else folder / "crawlcoach.sqlite3"
        )
    if scheme in ("postgres", "postgresql", "pgsql"):
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parts.path.lstrip("/")),
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": unquote(parts.hostname or ""),
            "PORT": str(parts.port or ""),
            "OPTIONS": dict(parse_qsl(parts.query)),
            "CONN_MAX_AGE": 60,
        }
    raise ConfigError(
        f"DATABASE_URL {scheme}://...: only postgres:// and sqlite:/// databases are supported."
    )


def _sqlite(path: Path) -> dict[str, Any]:
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        # WAL and immediate transactions: the worker writes progress while pages read.
        "OPTIONS": {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        },
    }


def task_queue(redis_url: str | None, folder: Path) -> Any:
    """The Huey instance: Redis when configured, else a SQLite file beside the database."""
    if redis_url:
        from huey import RedisHuey

        return RedisHuey("crawlcoach", url=redis_url)
    from huey import SqliteHuey

    return SqliteHuey("crawlcoach", filename=str(folder / "tasks.sqlite3"))


def site_url() -> str:
    """The address families open the app at (``CRAWLCOACH_SITE_URL``), ending in a slash."""
    raw = os.environ.get("CRAWLCOACH_SITE_URL", "").strip() or DEFAULT_SITE_URL
    parts = urlsplit(raw)
    try:
        parts.port  # noqa: B018  (raises on a port that is not a number)
        valid = parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:
        valid = False
    if not valid or parts.query or parts.fragment:
        raise ConfigError(
            f"CRAWLCOACH_SITE_URL={raw!r}: give the address families open the app at, e.g. "
            "http://192.168.1.20:8000/ or https://crawl.example.org/."
        )
    return raw if raw.endswith("/") else raw + "/"


def max_upload_bytes() -> int:
    raw = os.environ.get("CRAWLCOACH_MAX_UPLOAD_MB", str(DEFAULT_MAX_UPLOAD_MB))
    try:
        megabytes = float(raw)
    except ValueError as exc:
        raise ConfigError(
            f"CRAWLCOACH_MAX_UPLOAD_MB={raw!r}: give the largest upload in megabytes, e.g. 500."
        ) from exc
    return int(megabytes * 1024 * 1024)


def number(name: str, default: float, example: str) -> float:
    """A non-negative number from the environment, else a ConfigError saying what to give."""
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not value >= 0:
        raise ConfigError(f"{name}={raw!r}: give {example}.")
    return value


def reset_email_caps() -> tuple[int, int]:
    """How many reset emails one account gets in an hour (``CRAWLCOACH_RESET_EMAILS_PER_HOUR``,
    3) and how often one client address may use "Forgot your password?" in an hour
    (``CRAWLCOACH_RESET_ASKS_PER_HOUR``, 10); 0: no cap."""
    per_account = number("CRAWLCOACH_RESET_EMAILS_PER_HOUR", 3, "a count, e.g. 3 (0: no cap)")
    per_address = number("CRAWLCOACH_RESET_ASKS_PER_HOUR", 10, "a count, e.g. 10 (0: no cap)")
    return int(per_account), int(per_address)


def flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


def csv_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def trusted_proxies() -> list[str]:
    """``CRAWLCOACH_TRUSTED_PROXIES``: the reverse proxies whose X-Forwarded-For is believed."""
    import ipaddress

    proxies = csv_list("CRAWLCOACH_TRUSTED_PROXIES", "")
    for proxy in proxies:
        try:
            ipaddress.ip_network(proxy, strict=False)
        except ValueError:
            raise ConfigError(
                f"CRAWLCOACH_TRUSTED_PROXIES: {proxy!r} is not an address or network; give the "
                "reverse proxy's address, e.g. 127.0.0.1 or 10.0.0.0/8 (comma-separated)."
            ) from None
    return proxies


def email(env: dict[str, str] | None = None) -> dict[str, Any]:
    """Django's email settings from ``EMAIL_URL`` (smtp://user:password@host:587, smtp+tls://
    for STARTTLS, smtps:// for TLS from the start) or from EMAIL_HOST, EMAIL_PORT,
    EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS / EMAIL_USE_SSL. Without either, email
    is off (``EMAIL_ENABLED`` False) and reset links are made on the Family page or the CLI."""
    env = dict(os.environ) if env is None else env
    sender = env.get("CRAWLCOACH_EMAIL_FROM", "").strip() or "crawlcoach@localhost"
    common = {"DEFAULT_FROM_EMAIL": sender, "EMAIL_TIMEOUT": 20}
    if url := env.get("EMAIL_URL", "").strip():
        parts = urlsplit(url)
        if parts.scheme not in ("smtp", "smtp+tls", "smtps", "smtp+ssl") or not parts.hostname:
            raise ConfigError(
                f"EMAIL_URL={url.split('@')[-1]!r}: give the mail server as "
                "smtp://user:password@mail.example.org:587 (smtp+tls:// for STARTTLS, smtps:// "
                "for TLS)."
            )
        ssl = parts.scheme in ("smtps", "smtp+ssl")
        return {
            **common,
            "EMAIL_ENABLED": True,
            "EMAIL_HOST": parts.hostname,
            "EMAIL_PORT": parts.port or (465 if ssl else 587 if parts.scheme == "smtp+tls" else 25),
            "EMAIL_HOST_USER": unquote(parts.username or ""),
            "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
            "EMAIL_USE_TLS": parts.scheme == "smtp+tls",
            "EMAIL_USE_SSL": ssl,
        }
    if host := env.get("EMAIL_HOST", "").strip():
        yes = ("1", "true", "yes", "on")
        return {
            **common,
            "EMAIL_ENABLED": True,
            "EMAIL_HOST": host,
            "EMAIL_PORT": int(number("EMAIL_PORT", 25, "a port number, e.g. 587")),
            "EMAIL_HOST_USER": env.get("EMAIL_HOST_USER", ""),
            "EMAIL_HOST_PASSWORD": env.get("EMAIL_HOST_PASSWORD", ""),
            "EMAIL_USE_TLS": env.get("EMAIL_USE_TLS", "").strip().lower() in yes,
            "EMAIL_USE_SSL": env.get("EMAIL_USE_SSL", "").strip().lower() in yes,
        }
    return {**common, "EMAIL_ENABLED": False}
