"""Consonant skeletons and vowelled readings shared by Arabic and Latin spellings of a name."""

from __future__ import annotations

import pytest

from marsad.linking.skeleton import (
    agrees,
    arabic_reading,
    arabic_skeleton,
    close,
    latin_reading,
    latin_skeleton,
)


@pytest.mark.parametrize(
    ("arabic", "latin", "key"),
    [
        ("خانقين", "Khānaqīn", "knkn"),  # kh and q fold with k; long vowels go
        ("السلط", "As Salţ", "slt"),  # both articles go, the dot below goes
        ("رأس العين", "Ra’s al ‘Ayn", "rsn"),  # hamza and ayn go, so does the inner article
        ("تشيبوك", "Chibok", "sbk"),  # تش is ch
        ("ننغرهار", "Nangarhar", "nkrhr"),  # g and غ are one class
        ("ننكرهار", "Nangarhar", "nkrhr"),  # ... and so is ك, the other spelling of g
        ("صامطة", "Samitah", "smt"),  # a final ta marbuta or h goes
    ],
)
def test_arabic_and_latin_spellings_share_a_skeleton(arabic: str, latin: str, key: str) -> None:
    assert arabic_skeleton(arabic) == key
    assert latin_skeleton(latin) == key


def test_generic_english_words_are_not_part_of_a_name() -> None:
    assert latin_skeleton("Al Ain City") == latin_skeleton("Al Ain") == "n"


def test_an_alias_must_render_the_latin_name() -> None:
    assert agrees("الشرقاط", ["Ash Sharqāt"])
    assert agrees("مخمور", ["Mexmur"])  # x is a k sound
    assert agrees("سوق الشيوخ", ["Sūq ash Shuyūkh"])
    # A bare "the market" is not the town's name, and short skeletons must be equal.
    assert not agrees("السوق", ["Sūq ash Shuyūkh"])
    assert not agrees("موسكو", ["Mesquite"])
    assert not agrees("", ["Mosul"])


def test_readings_keep_long_vowels() -> None:
    assert arabic_reading("تشيبوك") == latin_reading("Chibok") == "sibuk"
    assert arabic_reading("الحمدانية") == "hmdania"
    assert latin_reading("Al Ḩamdānīyah") == "hamdania"


def test_close_readings_tell_a_rendering_from_a_false_friend() -> None:
    assert close("ميتيشتشي", "Mytishchi")
    assert close("ننكرهار", "ننغرهار")  # Arabic against Arabic
    # أفريقيا and Evreux share the skeleton frk, not the vowels.
    assert arabic_skeleton("أفريقيا") == latin_skeleton("Evreux")
    assert not close("أفريقيا", "Evreux")
    assert not close("تورينجين", "Wettringen")
