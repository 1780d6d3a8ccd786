"""The REST API under /api/: the family's children, videos, analyses and assessments for scripts,
home-automation buttons and dashboards, scoped to the caller's family exactly like the pages."""
