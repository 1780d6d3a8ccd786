"""A pinhole phone camera that watches the baby, and how it moves.

Views (the body heading at ``heading_deg`` 0; ``heading_deg`` turns the baby, not the camera):

- side: the camera looks across the floor at the baby's right side from 20 degrees above; the head
  points to image right, the far (left) limbs are partly hidden behind the body;
- front: the baby heads toward the camera (seen from 25 degrees above): travel shows mostly as
  growth in apparent size, and the hips hide behind the head and shoulders;
- behind: the baby heads away from the camera: it shrinks as it crawls forward, the head hides;
- above: looking straight down, the head points to the top of the image.

Camera motion (what the image shows; ``background_px`` tracks static scene points so the analysis
can measure it):

- static: fixed, aimed at the middle of the baby's path;
- pan: fixed in place, turning to keep the baby near the centre (with a lag, like a person);
- follow: moving with the baby (with a lag), so travel almost vanishes from the image and only the
  floor slides by;
- retreat: like follow but backing off faster than the baby comes (meant for the front view): the
  baby crawls forward yet shrinks in the image;
- shake: fixed but handheld, trembling by about a degree; pan, follow and retreat tremble a little
  too.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from crawlcoach.synth.gait import smooth_noise
from crawlcoach.synth.scenario import Scenario, View

HORIZONTAL_FOV_DEG = 65.0
FOLLOW_LAG_S = 0.4


@dataclass(frozen=True)
class CameraPath:
    position: np.ndarray  # (T, 3) metres, world
    rotation: np.ndarray  # (T, 3, 3) world -> camera; rows: image right, image down, optical axis
    focal_px: float
    centre_px: tuple[float, float]

    def project(self, points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Pixels (T, K, 2) and distance along the optical axis (T, K) of world points (T, K, 3)."""
        cam = np.einsum("tij,tkj->tki", self.rotation, points - self.position[:, None, :])
        z = cam[..., 2]
        safe = np.where(z > 1e-3, z, np.nan)
        px = np.stack(
            [self.centre_px[0] + self.focal_px * cam[..., 0] / safe,
             self.centre_px[1] + self.focal_px * cam[..., 1] / safe], axis=-1,
        )  # fmt: skip
        return px, z


def _look(forward: np.ndarray, up_hint: np.ndarray) -> np.ndarray:
    """(T, 3, 3) rotations for optical axes (T, 3), image-up as close to ``up_hint`` as possible."""
    f = forward / np.linalg.norm(forward, axis=-1, keepdims=True)
    right = np.cross(f, up_hint)
    right /= np.linalg.norm(right, axis=-1, keepdims=True)
    down = np.cross(f, right)
    return np.stack([right, down, f], axis=-2)


def view_axis(view: View) -> tuple[np.ndarray, np.ndarray]:
    """Optical axis and image-up hint of a view, for a baby heading along world +x."""
    if view == "side":
        e = np.radians(20.0)
        return np.array([0.0, np.cos(e), -np.sin(e)]), np.array([0.0, 0.0, 1.0])
    if view == "front":
        e = np.radians(25.0)
        return np.array([-np.cos(e), 0.0, -np.sin(e)]), np.array([0.0, 0.0, 1.0])
    if view == "behind":
        e = np.radians(25.0)
        return np.array([np.cos(e), 0.0, -np.sin(e)]), np.array([0.0, 0.0, 1.0])
    return np.array([0.0, 0.0, -1.0]), np.array([1.0, 0.0, 0.0])


def _lagged(points: np.ndarray, fps: float) -> np.ndarray:
    """A person keeping the baby in view reacts with a lag (first-order, causal)."""
    alpha = 1.0 - np.exp(-1.0 / (FOLLOW_LAG_S * fps))
    out = np.empty_like(points)
    out[0] = points[0]
    for i in range(1, len(points)):
        out[i] = out[i - 1] + alpha * (points[i] - out[i - 1])
    return out


def _small_rotations(angles: np.ndarray) -> np.ndarray:
    """(T, 3, 3) rotations from rotation vectors (T, 3) (Rodrigues)."""
    theta = np.linalg.norm(angles, axis=1)
    k = angles / np.maximum(theta, 1e-12)[:, None]
    kx = np.zeros((len(angles), 3, 3))
    kx[:, 0, 1], kx[:, 0, 2], kx[:, 1, 2] = -k[:, 2], k[:, 1], -k[:, 0]
    kx[:, 1, 0], kx[:, 2, 0], kx[:, 2, 1] = k[:, 2], -k[:, 1], k[:, 0]
    s, c = np.sin(theta)[:, None, None], np.cos(theta)[:, None, None]
    return np.eye(3)[None] + s * kx + (1 - c) * (kx @ kx)


def _fixed_placement(
    trunk_centre: np.ndarray, axis: np.ndarray, distance: float
) -> tuple[np.ndarray, np.ndarray]:
    """A fixed camera aimed at the middle of the path, ``distance`` from the start."""
    start = trunk_centre[0]
    middle = (trunk_centre.min(axis=0) + trunk_centre.max(axis=0)) / 2
    # back off along the axis through the middle until the start is ``distance`` away
    b = float(axis @ (start - middle))
    c = float((start - middle) @ (start - middle)) - distance**2
    back = -b + np.sqrt(max(b * b - c, 0.0))
    return middle - max(back, 0.5 * distance) * axis, middle


def _zoom_to_fit(
    body: np.ndarray,
    axis: np.ndarray,
    up: np.ndarray,
    distance: float,
    frame: tuple[int, int],
    focal: float,
) -> float:
    """Distance at which a fixed camera keeps the whole path inside 85% of the frame."""
    trunk = body.mean(axis=1)
    for _ in range(4):
        position, _ = _fixed_placement(trunk, axis, distance)
        rotation = _look(axis[None], up)[0]
        cam = (body.reshape(-1, 3) - position) @ rotation.T
        xy = focal * cam[:, :2] / np.maximum(cam[:, 2:], 1e-3)
        spread = max(np.ptp(xy[:, 0]) / frame[0], np.ptp(xy[:, 1]) / frame[1]) / 0.85
        if spread <= 1.0:
            break
        distance *= spread
    return distance


def camera_path(
    scenario: Scenario,
    body: np.ndarray,
    body_length_m: float,
    t: np.ndarray,
    rng: np.random.Generator,
) -> CameraPath:
    """Place and move the camera so that the body first appears ``body_length_px`` long.

    ``body`` (T, K, 3) is every keypoint in the world. A fixed camera (static, shake) backs off
    further where needed to keep the whole path in the frame: ``body_length_px`` is then an upper
    bound.
    """
    width, height = scenario.frame_size
    focal = width / 2 / np.tan(np.radians(HORIZONTAL_FOV_DEG) / 2)
    distance = focal * body_length_m / scenario.body_length_px
    axis, up = view_axis(scenario.view)
    n = len(t)
    trunk_centre = body.mean(axis=1)
    start = trunk_centre[0]
    if scenario.camera in ("follow", "retreat"):
        gain = 1.0 if scenario.camera == "follow" else rng.uniform(1.15, 1.4)
        position = start - distance * axis + gain * (_lagged(trunk_centre, scenario.fps) - start)
        forward = np.broadcast_to(axis, (n, 3))
    else:
        if scenario.camera != "pan":
            distance = _zoom_to_fit(body, axis, up, distance, scenario.frame_size, focal)
        fixed, _ = _fixed_placement(trunk_centre, axis, distance)
        position = np.broadcast_to(fixed, (n, 3)).copy()
        if scenario.camera == "pan":
            forward = _lagged(trunk_centre, scenario.fps) - position
        else:
            forward = np.broadcast_to(axis, (n, 3))
    rotation = _look(np.asarray(forward), up)
    tremble_deg = {"shake": 1.2, "static": 0.0}.get(scenario.camera, 0.3)
    if tremble_deg:
        angles = np.radians(tremble_deg) * smooth_noise(rng, t, 4.0, count=3, parts=6)
        rotation = _small_rotations(angles) @ rotation
        position = position + 0.01 * distance * smooth_noise(rng, t, 3.0, count=3)
    return CameraPath(position=position, rotation=rotation, focal_px=float(focal),
                      centre_px=(width / 2, height / 2))  # fmt: skip


def background_points(
    camera: CameraPath,
    frame_size: tuple[int, int],
    baby_px: np.ndarray,
    distance_m: float,
    rng: np.random.Generator,
    count: int = 96,
) -> np.ndarray:
    """(T, count, 2) pixels of static scene points, as feature tracking would follow them.

    Points are floor texture (or furniture and walls where a ray misses the floor), seeded across
    the whole clip so that some are always in view; NaN where a point is outside the frame,
    behind the camera or covered by the baby.
    """
    n = len(camera.position)
    width, height = frame_size
    when = np.linspace(0, n - 1, 8).round().astype(int).repeat(count // 8)
    pix = rng.uniform([0, 0], [width, height], size=(len(when), 2))
    rays_cam = np.column_stack([(pix - camera.centre_px) / camera.focal_px, np.ones(len(when))])
    rays = np.einsum("nji,nj->ni", camera.rotation[when], rays_cam)  # camera -> world
    origin = camera.position[when]
    to_floor = np.where(rays[:, 2] < -1e-6, -origin[:, 2] / np.minimum(rays[:, 2], -1e-6), np.inf)
    far = rng.uniform(2.0, 4.0, size=len(when)) * distance_m
    reach = np.where(to_floor < 6.0 * distance_m, to_floor, far)
    world = origin + reach[:, None] * rays
    px, z = camera.project(np.broadcast_to(world, (n, *world.shape)))
    lo = np.nanmin(baby_px, axis=1) - 8.0
    hi = np.nanmax(baby_px, axis=1) + 8.0
    hidden = np.all((px > lo[:, None]) & (px < hi[:, None]), axis=-1)
    outside = (px[..., 0] < 0) | (px[..., 0] >= width) | (px[..., 1] < 0) | (px[..., 1] >= height)
    px = px + rng.normal(0.0, 0.3, size=px.shape)
    px[hidden | outside | (z <= 0.05)] = np.nan
    return px
