from crawlcoach.vocabulary import LIMBS, Direction, Limb, LimbUseLevel


def test_limbs_know_their_side_and_partner() -> None:
    assert [limb.side for limb in LIMBS] == ["left", "right", "left", "right"]
    assert Limb.LEFT_LEG.partner is Limb.RIGHT_LEG
    assert Limb.RIGHT_ARM.partner is Limb.LEFT_ARM


def test_the_words_are_the_contract_strings() -> None:
    assert Direction("forward") is Direction.FORWARD
    assert Direction.FORWARD == "forward"  # compared and written as the plain string
    assert [LimbUseLevel.of(v) for v in (True, False, None)] == [
        LimbUseLevel.TAKES_PART,
        LimbUseLevel.HARDLY_USED,
        LimbUseLevel.NOT_JUDGED,
    ]
