import threading

import pytest

from crawlcoach.video.prefetch import FrameReadingFailed, Prefetched


def test_items_come_in_order_and_end() -> None:
    with Prefetched(range(100), depth=3) as items:
        assert list(items) == list(range(100))
        assert list(items) == []  # exhausted stays exhausted


def test_an_error_in_the_source_reaches_the_consumer_in_place() -> None:
    def source():
        yield 1
        yield 2
        raise ValueError("broken packet")

    with Prefetched(source()) as items:
        assert next(items) == 1
        assert next(items) == 2
        with pytest.raises(FrameReadingFailed, match="broken packet") as failed:
            next(items)
        assert isinstance(failed.value.__cause__, ValueError)


def test_closing_early_stops_the_thread() -> None:
    produced: list[int] = []

    def endless():
        i = 0
        while True:
            produced.append(i)
            yield i
            i += 1

    before = threading.active_count()
    items = Prefetched(endless(), depth=2)
    assert next(items) == 0
    items.close()
    assert threading.active_count() == before
    assert len(produced) <= 5  # it ran at most a few items ahead


def _next_within(items: Prefetched[int], seconds: float = 10.0) -> BaseException | int:
    """next(items), or what it raised; fails the test instead of hanging."""
    outcome: list[BaseException | int] = []

    def take() -> None:
        try:
            outcome.append(next(items))
        except BaseException as exc:  # handed to the test
            outcome.append(exc)

    taker = threading.Thread(target=take, daemon=True)
    taker.start()
    taker.join(seconds)
    assert outcome, "the consumer hangs"
    return outcome[0]


def test_a_decoder_exception_fails_with_a_clear_reason() -> None:
    def source():
        yield 1
        raise RuntimeError("avcodec_send_packet: Invalid data")

    with Prefetched(source(), name="clip.mov") as items:
        assert next(items) == 1
        failure = _next_within(items)
    assert isinstance(failure, FrameReadingFailed)
    assert failure.kind == "frame_reading_failed"
    assert "clip.mov: reading the video's frames failed" in failure.message
    assert "Invalid data" in failure.message and "convert it to MP4" in failure.message


def test_a_memory_error_while_reading_stays_a_memory_error() -> None:
    def source():
        yield 1
        raise MemoryError

    with Prefetched(source()) as items:
        next(items)
        assert isinstance(_next_within(items), MemoryError)


@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_a_reading_thread_that_dies_without_a_word_does_not_leave_the_consumer_waiting() -> None:
    """Out of memory, the thread may not even manage to hand its error over."""

    class Dying(Prefetched[int]):
        def _put(self, item: object) -> bool:
            if item != 1:
                raise MemoryError  # the hand-over itself fails: the thread just ends
            return super()._put(item)

    def source():
        yield 1
        raise ValueError("never handed over")

    with Dying(source(), name="big.mp4") as items:
        assert next(items) == 1
        failure = _next_within(items)
        assert isinstance(failure, FrameReadingFailed)
        assert "big.mp4: the thread reading the video's frames stopped" in failure.message
        assert list(items) == []


def test_a_frame_source_that_raises_fails_the_analysis_with_its_reason(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the pipeline: an error in the reading thread is the video's error, not a hang."""
    from crawlcoach import pipeline
    from crawlcoach.video.frames import FrameStream

    def broken(self):  # type: ignore[no-untyped-def]
        raise RuntimeError("decoder exploded")
        yield

    monkeypatch.setattr(FrameStream, "__iter__", broken)
    video = tmp_path / "clip.mp4"
    _write_video(video)
    result = pipeline.analyze(video, backend=_NoBackend())
    assert result.error is not None and result.error.kind == "frame_reading_failed"
    assert "decoder exploded" in result.error.message


class _NoBackend:
    """A pose backend that is never asked: the frames never come."""

    def reset(self) -> None:
        pass

    def detect(self, *args: object, **kwargs: object) -> object:
        raise AssertionError("no frame should reach the pose model")


def _write_video(path) -> None:  # type: ignore[no-untyped-def]
    import av
    import numpy as np

    with av.open(str(path), "w") as container:
        stream = container.add_stream("libx264", rate=15)
        stream.width, stream.height, stream.pix_fmt = 64, 48, "yuv420p"
        for i in range(15):
            frame = av.VideoFrame.from_ndarray(np.full((48, 64, 3), i * 10, np.uint8), "rgb24")
            container.mux(stream.encode(frame))
        container.mux(stream.encode())
