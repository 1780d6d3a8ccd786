"""crawlcoach: understand how a baby learns to crawl from an ordinary phone video."""

import os

# Our linear algebra is tiny (3x3 camera steps, short per-limb fits). OpenBLAS's worker threads
# busy-wait between such calls and took the second core from video decoding (measured: ~15 s of
# system time per minute of video). The variable works when numpy is not loaded yet;
# ``crawlcoach.pipeline`` also limits an already loaded OpenBLAS. A caller's own setting wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

__version__ = "0.1.0"
