"""Batch analysis of a video collection (``crawlcoach batch``): one job per video on a local
process pool or a Ray cluster, results kept per video so a rerun resumes, tables for statistics
software and annotation files for coders. A thin shell over ``crawlcoach.pipeline``.

    inputs (files, folders, a CSV manifest) -> work items -> keys (content + settings)
      -> jobs not yet in the store -> engine (local pool | Ray) -> store (one JSON per video)
      -> analyses.jsonl, videos/bouts/limbs tables, ELAN and BORIS files, summary.json
"""

from crawlcoach.batch.run import BatchSettings, run_batch

__all__ = ["BatchSettings", "run_batch"]
