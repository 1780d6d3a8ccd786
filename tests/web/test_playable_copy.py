"""An original that browsers cannot play (AVI, HEVC...) is watched through a plain H.264 copy made
in the analysis' own pass; an original they play gets none."""

from __future__ import annotations

from pathlib import Path

import av
import pytest
from django.test import Client
from django.urls import reverse

from crawlcoach.web.children.models import Child
from crawlcoach.web.limits import family_disk_bytes
from crawlcoach.web.videos import analysis, storage
from crawlcoach.web.videos.models import Status, Video

pytestmark = pytest.mark.django_db

CLIP = "ucf101-dev/v_BabyCrawling_g07_c01.avi"  # MPEG-4 Part 2 in AVI, about 8 s


def _codec_and_frames(path: Path) -> tuple[str, int]:
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        return stream.codec_context.name, sum(1 for _ in container.decode(stream))


@pytest.mark.clips
def test_an_avi_is_offered_as_a_playable_copy(
    clips_dir: Path, child: Child, make_stored_video, parent_client: Client
) -> None:
    video = make_stored_video(child, status=Status.QUEUED)
    storage.absolute(video.original_file).write_bytes((clips_dir / CLIP).read_bytes())
    analysis.run_analysis(video.pk)  # the real analysis, in its child process
    video.refresh_from_db()
    assert video.status == Status.DONE, video.error_message
    copy, overlay = storage.playable_path(video), storage.annotated_path(video)
    frames = video.result["timing"]["frames_analysed"]
    assert _codec_and_frames(copy) == ("h264", frames)
    assert _codec_and_frames(overlay) == ("h264", frames)

    page = parent_client.get(reverse("video", args=[video.pk])).content.decode()
    playable_url = reverse("video_file", args=[video.pk, "playable"])
    assert f'src="{playable_url}"' in page and f'data-original="{playable_url}"' in page
    assert 'data-original-type="video/mp4"' in page and "data-playable-note" in page
    served = parent_client.get(playable_url)
    assert served.status_code == 200 and served["Content-Type"] == "video/mp4"
    assert b"".join(served.streaming_content) == copy.read_bytes()
    assert family_disk_bytes(child.family) >= copy.stat().st_size + overlay.stat().st_size


def test_without_a_copy_the_original_plays(parent_client: Client, done_video: Video) -> None:
    page = parent_client.get(reverse("video", args=[done_video.pk])).content.decode()
    original_url = reverse("video_file", args=[done_video.pk, "original"])
    assert f'src="{original_url}"' in page and "data-playable-note" not in page
    playable_url = reverse("video_file", args=[done_video.pk, "playable"])
    assert parent_client.get(playable_url).status_code == 404
