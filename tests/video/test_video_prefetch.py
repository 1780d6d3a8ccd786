import threading

import pytest

from crawlcoach.video.prefetch import Prefetched


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
        with pytest.raises(ValueError, match="broken packet"):
            next(items)


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
