"""The first part of a long video, copied without re-encoding, for an analysis capped in length.

Only the video stream is kept (the analysis never listens). Packets are copied as they are, so
this takes seconds even for an hour of 4K, and the display matrix (phone rotation) travels with
the stream's parameters.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av


def copy_first_seconds(source: Path, target: Path, seconds: float) -> Path:
    """Write the first ``seconds`` of ``source``'s video stream to ``target`` (same container
    type, from the target's suffix) and return ``target``."""
    with av.open(str(source)) as inp, av.open(str(target), "w") as out:
        stream = inp.streams.video[0]
        copied = out.add_stream_from_template(stream)
        time_base = stream.time_base or Fraction(1, 90000)
        start = stream.start_time or 0
        for packet in inp.demux(stream):
            if packet.dts is None:  # the demuxer's end-of-stream flush packet
                continue
            stamp = packet.pts if packet.pts is not None else packet.dts
            # Packets come in decoding order: stopping at the first one past the limit drops
            # at most a few B-frames just before it, and nothing after depends on them.
            if float((stamp - start) * time_base) >= seconds:
                break
            packet.stream = copied
            out.mux(packet)
    return target
