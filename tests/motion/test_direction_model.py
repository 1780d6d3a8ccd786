"""The learned direction layer: its packaged model file, and how the clip reading adds up."""

from __future__ import annotations

import json
from dataclasses import replace
from importlib import resources

import numpy as np
import pytest
from motion_helpers import catalogue, played_backwards

from crawlcoach import contract, synth
from crawlcoach.motion import CameraMotion, analyze_motion
from crawlcoach.motion.direction_model import (
    MODEL_FILE,
    MODEL_VERSION,
    DirectionModel,
    ModelFileError,
    learned_decides,
    packaged_model,
    read_direction,
)
from crawlcoach.motion.windows import EVEN_FEATURES, ODD_FEATURES, Windows, design_names
from crawlcoach.parameters import AnalysisParams, BoutParams, WindowParams


def _model_json() -> dict:
    path = resources.files("crawlcoach.motion.models").joinpath(MODEL_FILE)
    return json.loads(path.read_text("utf-8"))


def test_the_packaged_model_loads_and_matches_the_window_features() -> None:
    model = packaged_model()
    assert model.version == MODEL_VERSION
    assert list(model.features) == design_names()
    assert model.weights.shape == model.scale.shape == (len(ODD_FEATURES) * len(EVEN_FEATURES),)
    assert 0.5 <= model.p_medium <= model.p_high <= 1.0
    assert model.clip_calibration > 0 and model.window_calibration > 0
    # The contested clips the layer reads have not shown 97% held out: it never says `high`.
    assert model.p_high == 1.0


@pytest.mark.parametrize(
    "change",
    [
        {"version": 99},
        {"features": ["forward_bl_s*one"]},
        {"weights": [1.0, 2.0]},
        {"scale": [0.0] * 16},
        {"p_medium": 0.99, "p_high": 0.9},
        {"window": {"window_s": 3.0, "hop_length": 0.5}},
    ],
)
def test_a_model_file_that_does_not_fit_the_code_is_refused(change: dict) -> None:
    data = {**_model_json(), **change}
    with pytest.raises(ModelFileError):
        DirectionModel.from_json(data)


def test_a_model_file_missing_a_field_is_refused() -> None:
    data = _model_json()
    del data["weights"]
    with pytest.raises(ModelFileError, match="weights"):
        DirectionModel.from_json(data)


def _windows(forward: list[float]) -> Windows:
    """Windows 1.5 s long every 0.5 s whose travel along the heading is ``forward``, seen side-on
    with a steady heading."""
    n = len(forward)
    start = np.arange(n) * 0.5
    f = np.asarray(forward, float)
    odd = np.stack([f, f, np.zeros(n), np.sign(f)], axis=1)
    even = np.tile([1.0, 1.0, 0.0, 1.0], (n, 1))
    return Windows(start, start + 1.5, odd, even, np.abs(f))


def test_a_few_noisy_windows_the_other_way_do_not_make_a_crawl_mixed() -> None:
    # A forward crawl with a second and a half of windows the other way: the old bouts would
    # have split it into forward and backward.
    noisy = [0.5] * 6 + [-0.3] * 3 + [0.5] * 6
    reading = read_direction(_windows(noisy))
    assert reading.direction == "forward"
    assert reading.p_forward > 0.5


def test_both_ways_for_seconds_each_is_mixed() -> None:
    reading = read_direction(_windows([0.6] * 10 + [-0.6] * 10))
    assert reading.direction == "mixed"
    assert reading.sure_forward_s >= 2.0 and reading.sure_backward_s >= 2.0


def test_a_mixed_reading_is_never_more_than_low_certainty() -> None:
    # However strong the windows each way, and even with a model whose one-way readings reach
    # high: no held-out clip has shown a learned "mixed" right.
    model = replace(packaged_model(), p_medium=0.6, p_high=0.7)
    one_way = read_direction(_windows([3.0] * 12), model)
    assert contract.certainty(one_way.confidence) == "high"
    reading = read_direction(_windows([3.0] * 12 + [-3.0] * 12), model)
    assert reading.direction == "mixed"
    assert contract.certainty(reading.confidence) == "low"
    assert reading.confidence > 0.0  # still says how clear the lesser way is


def test_the_reading_of_reversed_windows_is_the_opposite() -> None:
    ahead = read_direction(_windows([0.4, 0.5, 0.2, 0.6, 0.5, 0.3]))
    back = read_direction(_windows([-0.3, -0.5, -0.6, -0.2, -0.5, -0.4]))
    assert ahead.direction == "forward" and back.direction == "backward"
    same = read_direction(_windows([0.4, 0.5, 0.2, 0.6, 0.5, 0.3]))
    assert same == ahead  # deterministic
    flipped = read_direction(_windows([-0.4, -0.5, -0.2, -0.6, -0.5, -0.3]))
    assert flipped.p_forward == pytest.approx(1 - ahead.p_forward)
    assert flipped.confidence == ahead.confidence


def test_the_layer_reads_only_the_rules_forward_backward_splits() -> None:
    split = {"forward": 3.0, "backward": 2.5, "pivoting": 0.0, "stationary": 1.0}
    assert learned_decides("mixed", split, "hands_and_knees")
    # One way already: the rules stand (the layer was no better there on held-out groups).
    assert not learned_decides("forward", split, "hands_and_knees")
    assert not learned_decides("stationary", split, "hands_and_knees")
    assert not learned_decides("mixed", split, "walking")
    assert not learned_decides("mixed", split, "rolling")
    pivot_split = {"forward": 5.0, "backward": 0.0, "pivoting": 2.6, "stationary": 0.0}
    assert not learned_decides("mixed", pivot_split, "hands_and_knees")


@pytest.mark.parametrize(
    ("name", "seed"), [("hk_forward_front_static", 1), ("bear_forward_behind_static", 1)]
)
def test_a_noisy_forward_crawl_the_rules_split_reads_forward(name: str, seed: int) -> None:
    """Pose noise of 6 px and 5% left-right swaps split these forward crawls into forward and
    backward bouts of 2.5-3.3 s each: the rules alone say ``mixed``. The windows added up say
    forward, and played backwards backward, never at ``high`` (they are contested: the packaged
    layer gives ``medium`` only from its held-out cut point, ``high`` it has not earned)."""
    clip = catalogue(name, seed)
    track = replace(clip.scenario, noise_px=6.0, swap=0.05)
    noisy = synth.generate(track)
    camera = CameraMotion.from_point_tracks(noisy.track.timestamps_s, noisy.background_px)
    rules = analyze_motion(noisy.track, camera_motion=camera, learned_direction=False)
    assert rules.locomotion.dominant_direction == "mixed"
    ahead = analyze_motion(noisy.track, camera_motion=camera).locomotion
    back_track, back_camera = played_backwards(noisy.track, camera)
    back = analyze_motion(back_track, camera_motion=back_camera).locomotion
    assert ahead.dominant_direction == "forward"
    assert back.dominant_direction == "backward"
    assert contract.certainty(ahead.direction_confidence) in ("low", "medium")
    assert back.direction_confidence == pytest.approx(ahead.direction_confidence, abs=0.01)
    # The bouts the contract reports agree with the clip's reading (the rules' had both ways).
    assert {b.direction for b in rules.locomotion.bouts} >= {"forward", "backward"}
    for loco, other in ((ahead, "backward"), (back, "forward")):
        assert other not in {b.direction for b in loco.bouts}
        assert loco.seconds.to_dict()[other] == 0
        assert loco.distance_body_lengths.to_dict()[other] == 0
        # Bouts that now go the same way are joined, as the bout stage joins a short spell to
        # its neighbours; the time and distance travelled stay as the rules measured them.
        tolerance = BoutParams().min_bout_s
        for first, then in zip(loco.bouts, loco.bouts[1:], strict=False):
            same = (first.direction, first.style) == (then.direction, then.style)
            assert not (same and then.start_s - first.end_s < tolerance), (first, then)
        rules_travel = rules.locomotion.seconds.forward + rules.locomotion.seconds.backward
        rules_path = sum(rules.locomotion.distance_body_lengths.to_dict().values())
        way = "backward" if other == "forward" else "forward"
        if loco is ahead:
            assert loco.seconds.to_dict()[way] == pytest.approx(rules_travel, abs=0.011)
            assert loco.distance_body_lengths.to_dict()[way] == pytest.approx(rules_path, abs=0.011)
        reported = sum(b.distance_body_lengths for b in loco.bouts if b.direction == way)
        assert reported == pytest.approx(loco.distance_body_lengths.to_dict()[way], abs=0.03)


def test_the_analysis_refuses_windows_the_packaged_model_was_not_trained_on() -> None:
    clip = catalogue("hk_forward_front_static", 1)
    noisy = synth.generate(replace(clip.scenario, noise_px=6.0, swap=0.05))
    camera = CameraMotion.from_point_tracks(noisy.track.timestamps_s, noisy.background_px)
    params = AnalysisParams(windows=WindowParams(window_s=3.0))
    with pytest.raises(ValueError, match="retrain"):
        analyze_motion(noisy.track, camera_motion=camera, params=params)


@pytest.mark.parametrize("seed", [0, 2, 6])
def test_a_synthetic_crawl_both_ways_stays_mixed(seed: int) -> None:
    """3 s forward, 2 s still, 3 s backward. In seeds 2 and 6 the backward spell's sure windows
    cover only 2.5 s: ``mixed.min_s`` must not outgrow a real turn (3.0 reads them backward)."""
    clip = catalogue("hk_mixed_side_follow", seed)
    assert clip.analyse().locomotion.dominant_direction == "mixed"


@pytest.mark.parametrize(
    ("name", "seed"),
    [
        ("hk_forward_side_static", 0),
        ("belly_forward_side_static", 1),
        ("hk_forward_front_static", 2),
    ],
)
def test_synthetic_forward_reads_forward_and_played_backwards_backward(
    name: str, seed: int
) -> None:
    clip = catalogue(name, seed)
    ahead = clip.analyse().locomotion
    track, camera = played_backwards(clip.track, clip.camera)
    back = analyze_motion(track, camera_motion=camera).locomotion
    assert ahead.dominant_direction == "forward"
    assert back.dominant_direction == "backward"
    assert back.direction_confidence == pytest.approx(ahead.direction_confidence, abs=0.01)
    assert clip.analyse().locomotion == ahead  # deterministic


def test_a_still_synthetic_baby_reads_stationary() -> None:
    clip = catalogue("none_stationary_side_static", 0)
    loco = clip.analyse().locomotion
    assert loco.dominant_direction == "stationary"
    assert loco.crawling is False
