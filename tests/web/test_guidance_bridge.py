"""The web's door to the guidance reads stored results with the contract's one reader."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from web_helpers import contract

from crawlcoach.contract import Analysis
from crawlcoach.web import family_time, guidance_bridge
from crawlcoach.web.children.models import Child
from crawlcoach.web.videos.models import Video
from crawlcoach.web.videos.presentation import UNREADABLE

pytestmark = pytest.mark.django_db

BROKEN = {**contract(), "locomotion": {"dominant_direction": "sideways"}}


def test_stored_results_come_back_as_dated_records(
    child: Child, make_stored_video: Callable[..., Video]
) -> None:
    video = make_stored_video(child)
    [analysis] = guidance_bridge.analyses_for([video])
    assert isinstance(analysis, Analysis)
    assert analysis.recorded_on == family_time.local_date(video.uploaded_at)
    assert analysis.limbs.right_leg.used is False


def test_a_broken_stored_result_is_left_out_not_a_server_error(
    parent_client: Client, child: Child, make_stored_video: Callable[..., Video]
) -> None:
    good = make_stored_video(child)
    broken = make_stored_video(child, result=BROKEN)
    assert [a.video.path for a in guidance_bridge.analyses_for([good, broken])] == ["clip.mp4"]
    page = parent_client.get(reverse("video", args=[broken.pk]))
    assert page.status_code == 200
    assert UNREADABLE in page.content.decode()
    assert parent_client.get(reverse("child", args=[child.pk])).status_code == 200
