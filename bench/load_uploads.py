"""Many caregivers uploading at once to a real ``crawlcoach serve`` (a subprocess on a temporary
data folder, SQLite and Huey on SQLite): every upload accepted or refused with a reason, every
analysis finished, page latency meanwhile, and the memory of the server and of its analyses.

    .venv/bin/python bench/load_uploads.py [--caregivers 20] [--workers 2] [--clip PATH]

Targets: all accepted and finished; page median under 50 ms; server (parent) peak RSS under 1.2 GB.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "web"))

from live_server import ServerProcess  # noqa: E402
from site_client import Site  # noqa: E402

DEFAULT_CLIP = REPO.parent / "shared" / "clips" / "ucf101-dev" / "v_BabyCrawling_g07_c01.avi"
CHILD_PEAK = re.compile(r"child peak memory (\d+) MB resident")
FINISHED = {"done", "failed", "cancelled"}


def rss_mb(pid: int, field: str = "VmRSS") -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--caregivers", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2, help="analyses at the same time")
    parser.add_argument("--clip", type=Path, default=DEFAULT_CLIP)
    parser.add_argument("--timeout", type=float, default=900, help="seconds for it all")
    args = parser.parse_args()
    if not args.clip.exists():
        sys.exit(f"no clip at {args.clip}: give one with --clip")

    with tempfile.TemporaryDirectory(prefix="crawlcoach-load-") as folder:
        server = ServerProcess(
            Path(folder) / "data", "--workers", str(args.workers), CRAWLCOACH_OPEN_SIGNUP="1"
        )
        base = server.start()
        try:
            run(server, base, args)
        finally:
            server.stop()


def run(server: ServerProcess, base: str, args: argparse.Namespace) -> None:
    assert server.process is not None
    sites, children = [], []
    for i in range(args.caregivers):
        site = Site(base)
        site.sign_up(f"carer{i}", family=f"Family {i}")  # open sign-up: a family each
        sites.append(site)
        children.append(site.add_child(f"Baby{i}"))
    idle_rss = rss_mb(server.process.pid)

    answers: list[tuple[int, str]] = [(0, "")] * len(sites)
    start = threading.Barrier(len(sites))

    def upload(i: int) -> None:
        start.wait()
        response = sites[i].upload(children[i], args.clip)
        body = response.json() if response.body.startswith(b"{") else {}
        answers[i] = (response.status, body.get("url") or body.get("error") or response.text[:80])

    began = time.monotonic()
    threads = [threading.Thread(target=upload, args=(i,)) for i in range(len(sites))]
    for thread in threads:
        thread.start()

    latencies: dict[str, list[float]] = {"child page": [], "video page": []}
    peak_server, peak_children = 0.0, 0.0
    accepted: list[tuple[Site, str]] = []
    deadline = began + args.timeout
    turn = 0
    while time.monotonic() < deadline:
        peak_server = max(peak_server, rss_mb(server.process.pid))
        peak_children = max(peak_children, *(rss_mb(p) for p in server.children()), 0.0)
        if all(not t.is_alive() for t in threads):
            if not accepted:
                accepted = [(s, url) for s, (code, url) in zip(sites, answers, strict=True)
                            if code == 201]  # fmt: skip
            statuses = [s.status(url)["status"] for s, url in accepted]
            if all(status in FINISHED for status in statuses):
                break
        site = sites[turn % len(sites)]
        for name, path in (("child page", f"/children/{children[turn % len(sites)]}/"),
                           ("video page", answers[turn % len(sites)][1])):  # fmt: skip
            if path.startswith("/"):
                t0 = time.perf_counter()
                site.get(path)
                latencies[name].append((time.perf_counter() - t0) * 1000)
        turn += 1
        time.sleep(0.1)
    elapsed = time.monotonic() - began
    server_hwm = rss_mb(server.process.pid, "VmHWM")
    final = [s.status(url) for s, url in accepted]
    child_peaks = [int(m) for m in CHILD_PEAK.findall(server.log())]

    refused = [(code, why) for code, why in answers if code != 201]
    done = sum(1 for s in final if s["status"] == "done")
    print(f"caregivers: {len(sites)}, workers: {args.workers}, clip: {args.clip.name}")
    print(f"uploads accepted: {len(accepted)}, refused: {len(refused)} {refused[:3]}")
    print(f"analyses finished: {sum(1 for s in final if s['status'] in FINISHED)}"
          f"/{len(accepted)} (done {done}, failed {len(final) - done}) "
          f"in {elapsed:.1f} s")  # fmt: skip
    for name, values in latencies.items():
        if values:
            ordered = sorted(values)
            p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
            print(f"{name}: median {statistics.median(values):.1f} ms, p95 {p95:.1f} ms, "
                  f"max {ordered[-1]:.1f} ms over {len(values)} requests")  # fmt: skip
    print(
        f"server (parent) RSS: idle {idle_rss:.0f} MB, peak {max(peak_server, server_hwm):.0f} MB"
    )
    if child_peaks:
        print(f"analysis children peak RSS: max {max(child_peaks)} MB, "
              f"median {statistics.median(child_peaks):.0f} MB over {len(child_peaks)} "
              f"(sampled: {peak_children:.0f} MB)")  # fmt: skip


if __name__ == "__main__":
    main()
