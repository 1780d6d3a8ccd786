"""The keypoint layout of the pose backend (BlazePose, 33 landmarks) and the body parts we use."""

from __future__ import annotations

from typing import Final

LAYOUT: Final = "blazepose33"

NAMES: Final[tuple[str, ...]] = (
    "nose",
    "left_eye_inner", "left_eye", "left_eye_outer",
    "right_eye_inner", "right_eye", "right_eye_outer",
    "left_ear", "right_ear",
    "mouth_left", "mouth_right",
    "left_shoulder", "right_shoulder",
    "left_elbow", "right_elbow",
    "left_wrist", "right_wrist",
    "left_pinky", "right_pinky",
    "left_index", "right_index",
    "left_thumb", "right_thumb",
    "left_hip", "right_hip",
    "left_knee", "right_knee",
    "left_ankle", "right_ankle",
    "left_heel", "right_heel",
    "left_foot_index", "right_foot_index",
)  # fmt: skip

INDEX: Final[dict[str, int]] = {name: i for i, name in enumerate(NAMES)}
COUNT: Final = len(NAMES)

# "left"/"right" are the baby's own sides, as BlazePose reports them.
LIMBS: Final[dict[str, tuple[int, ...]]] = {
    "left_arm": (INDEX["left_shoulder"], INDEX["left_elbow"], INDEX["left_wrist"]),
    "right_arm": (INDEX["right_shoulder"], INDEX["right_elbow"], INDEX["right_wrist"]),
    "left_leg": (INDEX["left_hip"], INDEX["left_knee"], INDEX["left_ankle"]),
    "right_leg": (INDEX["right_hip"], INDEX["right_knee"], INDEX["right_ankle"]),
}

HEAD: Final[tuple[int, ...]] = tuple(range(0, 11))
SHOULDERS: Final = (INDEX["left_shoulder"], INDEX["right_shoulder"])
HIPS: Final = (INDEX["left_hip"], INDEX["right_hip"])

# Lines drawn for the skeleton overlay.
SKELETON: Final[tuple[tuple[int, int], ...]] = tuple(
    (INDEX[a], INDEX[b])
    for a, b in (
        ("left_shoulder", "right_shoulder"),
        ("left_hip", "right_hip"),
        ("left_shoulder", "left_hip"),
        ("right_shoulder", "right_hip"),
        ("left_shoulder", "left_elbow"),
        ("left_elbow", "left_wrist"),
        ("right_shoulder", "right_elbow"),
        ("right_elbow", "right_wrist"),
        ("left_hip", "left_knee"),
        ("left_knee", "left_ankle"),
        ("right_hip", "right_knee"),
        ("right_knee", "right_ankle"),
        ("nose", "left_eye"),
        ("nose", "right_eye"),
        ("left_eye", "left_ear"),
        ("right_eye", "right_ear"),
    )
)
