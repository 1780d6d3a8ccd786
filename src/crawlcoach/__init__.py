"""crawlcoach: understand how a baby learns to crawl from an ordinary phone video."""

__version__ = "0.1.0"
