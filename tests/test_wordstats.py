"""The fast word-frequency table gives wordfreq's own figures."""

from __future__ import annotations

import pytest
from wordfreq import top_n_list, zipf_frequency

from audit.check import wordstats


@pytest.mark.parametrize("lang", ["pl", "bg", "ro", "en", "de", "es", "fr", "ru", "uk"])
def test_zipf_equals_wordfreq_on_a_sample(lang: str) -> None:
    words = [*top_n_list(lang, 3000)[::37], "Warszawa", "ZNACZENIE", "xqzv"]
    for w in words:
        assert wordstats.zipf(w, lang) == pytest.approx(zipf_frequency(w.lower(), lang), abs=0.011), w


def test_unknown_language_is_zero() -> None:
    assert wordstats.zipf("word", "xx") == 0.0
