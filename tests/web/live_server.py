"""Run the real ``crawlcoach serve`` (web server and worker in one process) for end-to-end tests,
and drive it with Playwright in Debian's Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "tmp" / "artifacts" / "web"
PASSWORD = "calm-otter-49-river"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_http(
    url: str, timeout_s: float, process: subprocess.Popen[bytes] | None = None
) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the server exited early with status {process.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except urllib.error.HTTPError:
            return  # any HTTP answer means it is up
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer within {timeout_s:.0f} s")


class ServerProcess:
    """``crawlcoach serve`` as a real subprocess on a free loopback port with its own data
    folder; start it, kill it, start it again on the same data."""

    def __init__(self, data_dir: Path, *args: str, **env: str) -> None:
        self.data_dir = data_dir
        self.args = args
        self.environment = {**os.environ, "CRAWLCOACH_DATA_DIR": str(data_dir), **env}
        for name in ("DATABASE_URL", "REDIS_URL"):
            if name not in env:
                self.environment.pop(name, None)
        self.process: subprocess.Popen[bytes] | None = None
        self.url = ""

    def start(self, timeout_s: float = 90) -> str:
        port = free_port()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        command = [sys.executable, "-c", "from crawlcoach.cli import main; main()",
                   "serve", "--host", "127.0.0.1", "--port", str(port), *self.args]  # fmt: skip
        with (self.data_dir / "server.log").open("ab") as log:
            self.process = subprocess.Popen(
                command, env=self.environment, stdout=log, stderr=subprocess.STDOUT
            )
        self.url = f"http://127.0.0.1:{port}"
        wait_for_http(self.url + "/login/", timeout_s, self.process)
        return self.url

    def children(self) -> list[int]:
        """The pids of the server's child processes (its analyses)."""
        assert self.process is not None
        found = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            if int(fields[1]) == self.process.pid:
                found.append(int(stat.parent.name))
        return found

    def kill(self) -> None:
        """SIGKILL: no clean-up of any kind, as in a power cut or an out-of-memory kill."""
        assert self.process is not None
        self.process.kill()
        self.process.wait()

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def log(self) -> str:
        return (self.data_dir / "server.log").read_text(errors="replace")


@contextmanager
def running_server(data_dir: Path, **env: str) -> Iterator[str]:
    """``crawlcoach serve`` on a free loopback port with its own data folder; yields its URL."""
    server = ServerProcess(data_dir, **env)
    try:
        yield server.start()
    finally:
        server.stop()
        if os.environ.get("CRAWLCOACH_SHOW_SERVER_LOG"):
            sys.stderr.write(server.log())


@contextmanager
def chromium() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip(
            "Debian's chromium is not installed (apt-get install chromium); `make test` does it"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the playwright Python package is not installed (pip install -e '.[dev]')")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def sign_up(page, base: str, username: str = "sam") -> None:  # type: ignore[no-untyped-def]
    page.goto(base + "/")
    page.wait_for_url("**/signup/")
    page.fill("#id_family_name", "The Okafors")
    page.fill("#id_first_name", "Sam")
    page.fill("#id_username", username)
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/children/add/")


def add_child(page, name: str = "Ada", months: int = 9) -> None:  # type: ignore[no-untyped-def]
    page.fill("#id_name", name)
    page.fill("#id_born", (date.today() - timedelta(days=int(months * 30.44))).isoformat())
    page.click("main button[type=submit]")
    page.wait_for_url("**/children/*/")


def upload(page, video: Path) -> None:  # type: ignore[no-untyped-def]
    page.click("text=Add a video")
    page.wait_for_url("**/upload/")
    page.set_input_files("#id_video", str(video))
    page.click("main button[type=submit]")
    page.wait_for_url("**/videos/*/")


def wait_until_finished(page, timeout_s: float) -> str:  # type: ignore[no-untyped-def]
    """Wait for the page to turn into the result (or the failure); returns 'done' or 'failed'."""
    page.wait_for_selector("#player, .status-failed", timeout=timeout_s * 1000)
    return "done" if page.query_selector("#player") else "failed"


def fresh_dir(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path
