"""Motion analysis: from a pose track, what the baby did (placeholder until issue 3)."""

from crawlcoach.motion.result import MotionResult, analyze_motion

__all__ = ["MotionResult", "analyze_motion"]
