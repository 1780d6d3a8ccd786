"""Synthetic crawling infants with known ground truth, for tests and the accuracy benchmark.

``generate(scenario)`` gives a ``SynthClip`` (a BlazePose-layout ``PoseTrack`` plus the truth and
the static background points a feature tracker would see); ``truth_for(scenario)`` gives the
truth alone; ``scenarios.standard_suite(seed)`` is the shared catalogue.
"""

from crawlcoach.synth.generate import SynthClip, generate
from crawlcoach.synth.scenario import LIMB_NAMES, Scenario, Segment, Truth, TruthBout
from crawlcoach.synth.truth import truth_for
from crawlcoach.synth.validate import ScenarioError

__all__ = [
    "LIMB_NAMES",
    "Scenario",
    "ScenarioError",
    "Segment",
    "SynthClip",
    "Truth",
    "TruthBout",
    "generate",
    "truth_for",
]
