from pathlib import Path

import pytest

from crawlcoach import contract
from crawlcoach.pipeline import AnalysisOptions, analyze_video, analyze_videos
from crawlcoach.pose import open_backend

CLIP = "ucf101-dev/v_BabyCrawling_g04_c02.avi"


@pytest.fixture(scope="module")
def backend():
    with open_backend() as b:
        yield b


def test_missing_file_comes_back_as_an_error_naming_it(tmp_path: Path, backend) -> None:
    result = analyze_video(tmp_path / "nope.mp4", backend=backend)
    assert contract.check(result) == []
    assert result["error"]["kind"] == "file_not_found"
    assert "nope.mp4" in result["error"]["message"]


def test_a_text_file_is_not_a_video(tmp_path: Path, backend) -> None:
    path = tmp_path / "notes.mp4"
    path.write_text("shopping list: nappies, wipes\n")
    result = analyze_video(path, backend=backend)
    assert result["error"]["kind"] == "not_a_video"
    assert "notes.mp4" in result["error"]["message"]


def test_a_video_with_nobody_in_it_says_so(make_video, backend) -> None:
    result = analyze_video(make_video("floor.mp4"), backend=backend)
    assert contract.check(result) == []
    assert result["error"]["kind"] == "no_baby_found"
    assert "floor.mp4" in result["error"]["message"]
    assert "Film" in result["error"]["message"]


@pytest.mark.clips
def test_a_real_clip_fills_the_contract(clips_dir: Path, backend, tmp_path: Path) -> None:
    track_path = tmp_path / "track.npz"
    seen: list[float] = []
    result = analyze_video(
        clips_dir / CLIP,
        options=AnalysisOptions(save_track_to=track_path),
        backend=backend,
        progress=seen.append,
    )
    assert contract.check(result) == []
    assert result["error"] is None
    assert result["video"]["width"] == 320 and result["video"]["height"] == 240
    assert result["video"]["fps"] == pytest.approx(25.0)
    assert result["video"]["duration_s"] == pytest.approx(178 / 25, abs=0.1)
    assert result["quality"]["pose_coverage"] > 0.5
    assert result["timing"]["analysis_s"] > 0
    assert track_path.exists()
    assert seen and seen[-1] == 1.0 and seen == sorted(seen)


@pytest.mark.clips
def test_several_videos_keep_input_order_and_failures(clips_dir: Path, tmp_path: Path) -> None:
    paths = [clips_dir / CLIP, tmp_path / "missing.mp4", clips_dir / CLIP]
    results = list(analyze_videos(paths))
    assert [r["video"]["path"] for r in results] == [str(p) for p in paths]
    assert [r["error"] is None for r in results] == [True, False, True]
    assert results[0]["quality"] == results[2]["quality"]  # the model state is reset per video
