from pathlib import Path

import av
import pytest
from click.testing import CliRunner

from crawlcoach.cli import cli


@pytest.mark.clips
def test_annotate_writes_browser_playable_h264(clips_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "skeleton.mp4"
    clip = clips_dir / "ucf101-dev/v_BabyCrawling_g08_c04.avi"
    result = CliRunner().invoke(cli, ["annotate", str(clip), "-o", str(out)])
    assert result.exit_code == 0, result.output
    with av.open(str(out)) as container:
        stream = container.streams.video[0]
        assert stream.codec_context.name == "h264"
        assert stream.codec_context.pix_fmt == "yuv420p"
        frames = sum(1 for _ in container.decode(stream))
    assert frames == pytest.approx(95 / 25 * 15, abs=2)


def test_annotate_refuses_a_file_that_is_not_a_video(tmp_path: Path) -> None:
    bad = tmp_path / "photo.mp4"
    bad.write_text("not a video")
    result = CliRunner().invoke(cli, ["annotate", str(bad), "-o", str(tmp_path / "o.mp4")])
    assert result.exit_code == 1
    assert "photo.mp4" in result.output
