"""``python -m crawlcoach``: the same as the ``crawlcoach`` command (the web app's worker runs
``python -m crawlcoach share`` in a child process of its own)."""

from crawlcoach.cli import main

main()
