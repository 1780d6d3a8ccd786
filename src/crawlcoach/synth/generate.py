"""``generate``: a synthetic pose track of a crawling infant with its ground truth.

The pipeline: infant proportions -> path of the trunk on the floor -> limb timing -> posture of the
style animated (stepping limbs, trunk sway, head) -> world coordinates -> phone camera -> what a
pose backend reports (confidence, jitter, dropouts, occlusions). Each stage documents what its
behaviour looks like to the analysis.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from crawlcoach.pose.depth import DepthCalibration
from crawlcoach.pose.track import PoseTrack
from crawlcoach.synth.animate import animate
from crawlcoach.synth.body import infant_body
from crawlcoach.synth.camera import background_points, camera_path
from crawlcoach.synth.choices import choices_for, streams
from crawlcoach.synth.gait import limb_phases
from crawlcoach.synth.observe import observe
from crawlcoach.synth.postures import posture_for
from crawlcoach.synth.scenario import LIMB_NAMES, Scenario, Truth
from crawlcoach.synth.trajectory import RootPath, limb_activity, root_path
from crawlcoach.synth.truth import truth_for
from crawlcoach.synth.validate import ScenarioError, validate

MIN_CAMERA_DISTANCE_M = 0.15
# The generator's depth is true geometry plus noise, without BlazePose's bias toward "facing the
# camera": a head nearer by half a trunk length already means it. A sitter's level thighs show
# about half a trunk length of depth facing the camera.
SYNTH_DEPTH = DepthCalibration(toward_from=0.5, sure_span=1.0, thighs_from=0.15, thighs_span=0.2)


@dataclass(frozen=True, eq=False)
class SynthClip:
    """A generated clip: what the pose backend would report, and what really happened."""

    track: PoseTrack
    truth: Truth
    scenario: Scenario
    # (T, N, 2) pixels of static scene points (floor texture, furniture) as background feature
    # tracking would return them; NaN where out of view or covered by the baby.
    background_px: np.ndarray
    # (T, 2) trunk centre on the floor in body lengths, world frame (x: heading_deg 0 direction).
    trunk_floor: np.ndarray
    # (T,) heading on the floor in degrees, world frame (where the head points).
    heading_deg: np.ndarray
    # (T, K, 3) the true 3D keypoints in body lengths, world frame, z up from the floor.
    keypoints_world: np.ndarray


def _to_world(body: np.ndarray, path: RootPath) -> np.ndarray:
    """Body frame (T, K, 3) -> world: turn by the heading, move to the trunk's floor position."""
    c, s = np.cos(path.yaw)[:, None], np.sin(path.yaw)[:, None]
    x, y = body[..., 0], body[..., 1]
    return np.stack(
        [c * x - s * y + path.xy[:, :1], s * x + c * y + path.xy[:, 1:], body[..., 2]], axis=-1
    )


def generate(scenario: Scenario) -> SynthClip:
    """Generate the clip of ``scenario``; the same scenario (and seed) gives identical arrays.

    Raises ``ScenarioError`` for scenarios it cannot show (see ``validate``), or when the baby
    would crawl into the camera (use a smaller ``body_length_px`` or shorter travel).
    """
    validate(scenario)
    rngs = streams(scenario)
    choice = choices_for(scenario)
    dims = infant_body(rngs["body"])
    length_m = dims.body_length
    n = max(2, round(scenario.duration_s * scenario.fps))
    t = np.arange(n) / scenario.fps

    activity = limb_activity(scenario, t)
    gait_pattern = "diagonal" if scenario.style == "walking" else scenario.pattern
    phases = limb_phases(t, activity, scenario.cycle_hz, gait_pattern, rngs["gait"])
    beats = 1.0 if scenario.pattern == "synchronous" else 2.0  # pushes per limb cycle
    pulse = 1.0 + 0.25 * np.cos(2 * np.pi * beats * phases[:, 0]) * (scenario.style != "rolling")
    path = root_path(scenario, t, length_m, choice.sideways_deg, choice.pivot_sign,
                     dims.trunk_half_thickness * 1.1, pulse, rngs["path"])  # fmt: skip

    posture = posture_for(scenario.style, dims, choice.variant)
    use = np.array([scenario.limb_use[name] for name in LIMB_NAMES])
    style = scenario.style
    body = animate(posture, dims, path, phases, use, scenario.cycle_hz, rngs["animate"],
                   rolling=style == "rolling", walking=style == "walking")  # fmt: skip
    world = _to_world(body, path)
    camera = camera_path(scenario, world, length_m, t, rngs["camera"])
    px, depth = camera.project(world)
    if np.nanmin(depth) < MIN_CAMERA_DISTANCE_M:
        raise ScenarioError(
            f"synthetic scenario {scenario.name or scenario.style!r}: the baby would crawl into "
            "the camera; use a smaller body_length_px or a shorter or slower travel"
        )
    keypoints, confidence, rel_depth = observe(
        world, camera, scenario.frame_size, scenario.noise_px, scenario.dropout,
        scenario.occlusion, scenario.swap, dims, rngs["observe"],
    )  # fmt: skip
    distance = camera.focal_px * length_m / scenario.body_length_px
    background = background_points(camera, scenario.frame_size, px, distance, rngs["background"])
    track = PoseTrack(
        timestamps_s=t,
        keypoints_px=keypoints,
        confidence=confidence,
        frame_size=scenario.frame_size,
        source=f"synth:{scenario.name or scenario.style}:seed={scenario.seed}",
        depth=rel_depth,
        meta={
            "backend": "synth",
            "view": scenario.view,
            "camera": scenario.camera,
            "depth_calibration": SYNTH_DEPTH.as_meta(),
        },
    )
    return SynthClip(
        track=track,
        truth=truth_for(scenario),
        scenario=scenario,
        background_px=background,
        trunk_floor=path.xy / length_m,
        heading_deg=np.degrees(path.yaw),
        keypoints_world=world / length_m,
    )
