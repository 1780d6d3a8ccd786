import io

from crawlcoach.batch.progress import BatchProgress


def test_without_a_terminal_it_logs_plain_lines() -> None:
    out = io.StringIO()
    progress = BatchProgress(3, 30.0, stream=out, log_every_s=3600, tty=False)
    progress.start("local", 2)
    progress.advance(10.0)  # within the interval: no line
    progress.advance(10.0)
    progress.advance(10.0)  # the last one is always told
    progress.finish()
    lines = out.getvalue().splitlines()
    assert (
        lines[0]
        == "crawlcoach batch: 3 video(s) to analyse (30 s of video) on local with 2 worker(s)"
    )
    assert lines[1] == "crawlcoach batch: 0/3 videos, 0.0 video-s/s"
    assert lines[2].startswith("crawlcoach batch: 3/3 videos, ") and lines[2].endswith(" video-s/s")
    assert len(lines) == 3 and "\r" not in out.getvalue()


def test_on_a_terminal_it_redraws_one_bar_with_the_time_left() -> None:
    out = io.StringIO()
    progress = BatchProgress(4, 40.0, stream=out, tty=True)
    progress.start("ray", 8)
    progress._started -= 10  # ten seconds in: 10 video-s done -> 1 video-s/s
    progress.advance(10.0)
    text = out.getvalue()
    assert "\r[######------------------] 1/4 videos, 1.0 video-s/s, about 30 s left" in text
