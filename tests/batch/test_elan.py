from pathlib import Path

import pytest
from batch_samples import BOUTS

from crawlcoach.batch.elan import eaf_document

pympi = pytest.importorskip("pympi", reason="pympi-ling (a dev dependency) reads ELAN files")


def test_elan_opens_the_bouts_as_tiers_beside_the_video(tmp_path: Path) -> None:
    video = tmp_path / "clips" / "a clip.mp4"
    eaf = tmp_path / "out" / "elan" / "a.eaf"
    eaf.parent.mkdir(parents=True)
    eaf.write_text(eaf_document(video, BOUTS, eaf), encoding="utf-8")

    doc = pympi.Elan.Eaf(str(eaf))

    assert sorted(doc.get_tier_names()) == ["confidence", "direction", "style"]
    assert doc.get_annotation_data_for_tier("direction") == [
        (0, 800, "backward"),
        (800, 3280, "forward"),
    ]
    assert [a[2] for a in doc.get_annotation_data_for_tier("style")] == ["belly", "hands_and_knees"]
    assert [a[2] for a in doc.get_annotation_data_for_tier("confidence")] == ["1.00", "0.55"]
    media = doc.media_descriptors[0]
    assert media["MEDIA_URL"] == video.as_uri()
    assert media["RELATIVE_MEDIA_URL"] == "../../clips/a clip.mp4"
    assert doc.get_parameters_for_tier("direction")["ANNOTATOR"] == "crawlcoach"


def test_a_video_without_bouts_still_gets_a_document_to_annotate(tmp_path: Path) -> None:
    eaf = tmp_path / "b.eaf"
    eaf.write_text(eaf_document(tmp_path / "b.mp4", [], eaf), encoding="utf-8")
    doc = pympi.Elan.Eaf(str(eaf))
    assert doc.get_annotation_data_for_tier("direction") == []
