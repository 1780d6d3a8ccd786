"""The API on the real ``crawlcoach serve``: the curl example of docs/web.md run as written, a
schema-driven fuzz run (schemathesis) that must find no 500 and no answer outside the schema,
and the docs page in Chromium making no request off the machine."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
import requests
from live_server import CHROMIUM_ARGS, PASSWORD, chromium, running_server

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

DOCS = Path(__file__).resolve().parents[3] / "docs" / "web.md"
FUZZ_EXAMPLES = 12  # per operation: bounded, the whole run stays well under a minute
FUZZ_BUDGET_S = 45.0


class Site:
    def __init__(self, base: str, token: str, child_id: int) -> None:
        self.base, self.token, self.child_id = base, token, child_id

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Token {self.token}"}


def _sign_up_and_make_token(base: str) -> Site:
    """The way a parent gets there: sign up, add a child, make a token on the Family page."""
    browser = requests.Session()

    def post(path: str, data: dict[str, str]) -> requests.Response:
        browser.get(base + path)
        data = {**data, "csrfmiddlewaretoken": browser.cookies["csrftoken"]}
        response = browser.post(base + path, data=data, headers={"Referer": base + path})
        response.raise_for_status()
        return response

    post("/signup/", {"family_name": "The Okafors", "first_name": "Sam", "username": "sam",
                      "password1": PASSWORD, "password2": PASSWORD})  # fmt: skip
    born = (date.today() - timedelta(days=270)).isoformat()
    post("/children/add/", {"name": "Ada", "born": born})
    page = post("/family/tokens/", {"name": "curl"}).text
    token = re.search(r'id="new-api-token"[^>]*value="(cc_[^"]+)"', page)
    assert token, "the Family page should show the new token"
    children = requests.get(base + "/api/children/", headers={"Authorization": f"Token {token[1]}"})
    return Site(base, token[1], children.json()["results"][0]["id"])


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with running_server(tmp_path_factory.mktemp("api-live") / "data") as base:
        yield _sign_up_and_make_token(base)


def docs_example() -> str:
    text = DOCS.read_text()
    block = re.search(r"<!-- api-example -->\n```sh\n(.*?)```", text, re.S)
    assert block, "docs/web.md should have the API example after <!-- api-example -->"
    return block.group(1)


def json_documents(text: str) -> list[dict]:
    decoder, found, at = json.JSONDecoder(), [], 0
    while at < len(text.rstrip()):
        document, at = decoder.raw_decode(text, at)
        found.append(document)
    return found


def test_the_documented_curl_example_works(site: Site, tmp_path: Path, make_video) -> None:
    if shutil.which("curl") is None:
        pytest.skip("curl is not installed")
    shutil.copy(make_video("clip.mp4", seconds=2), tmp_path / "crawl.mp4")
    script = docs_example()
    for name, value in (("BASE", site.base), ("TOKEN", site.token), ("CHILD", site.child_id)):
        script, count = re.subn(rf"^{name}=.*$", f"{name}={value}", script, flags=re.M)
        assert count == 1, f"the example should set {name} once"
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script], cwd=tmp_path, capture_output=True,
        text=True, timeout=240,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    children, analysis = json_documents(done.stdout)  # curl prints no newline after each
    assert children["results"][0]["name"] == "Ada"
    assert analysis["schema"] == "crawlcoach.analysis/1"
    # Colour bands with nobody in them: analysed, and failed with the reason.
    assert analysis["error"]["kind"] == "no_baby_found"


def test_fuzzing_the_schema_finds_no_500(site: Site) -> None:
    import schemathesis
    from hypothesis import HealthCheck, Phase, given, settings
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import (
        content_type_conformance,
        response_schema_conformance,
        status_code_conformance,
    )

    schema = schemathesis.openapi.from_url(site.base + "/api/schema/?format=json")
    checks = [not_a_server_error, status_code_conformance, content_type_conformance,
              response_schema_conformance]  # fmt: skip
    session = requests.Session()
    deadline = time.monotonic() + FUZZ_BUDGET_S
    tried: list[str] = []
    statuses: set[int] = set()
    for result in schema.get_all_operations():
        operation = result.ok()
        if time.monotonic() > deadline:
            break

        @settings(max_examples=FUZZ_EXAMPLES, deadline=None, database=None,
                  phases=[Phase.explicit, Phase.generate],
                  suppress_health_check=list(HealthCheck))  # fmt: skip
        @given(case=operation.as_strategy())
        def call(case: schemathesis.Case) -> None:
            response = case.call(base_url=site.base, session=session, headers=site.auth)
            statuses.add(response.status_code)
            case.validate_response(response, checks=checks)

        call()
        tried.append(operation.label)
    assert len(tried) >= 10, tried
    for journal in ("/api/milestones/", "/api/practice/", "/api/notes/"):
        assert any(journal in label for label in tried), (journal, tried)
    assert {200, 404} <= statuses and any(400 <= s < 500 for s in statuses - {404}), statuses


def test_docs_page_makes_no_outside_request(site: Site) -> None:
    assert "--disable-background-networking" in CHROMIUM_ARGS
    with chromium() as browser:
        page = browser.new_page()
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        blocked: list[str] = []  # what the Content-Security-Policy refused
        page.on(
            "console",
            lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None,
        )
        page.goto(site.base + "/api/docs/")
        page.wait_for_selector(".swagger-ui .opblock", timeout=30_000)
        assert "crawlcoach API" in page.inner_text("body")
        assert not blocked, blocked
    outside = [url for url in requested if not url.startswith(site.base)]
    assert not outside, outside
    assert any("/api/schema/" in url for url in requested)
