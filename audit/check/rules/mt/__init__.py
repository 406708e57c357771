"""Machine-translation artifact detectors (MT001-MT006) and the article-level verdict (MT010).

Shared analysis and helpers live in :mod:`audit.check.rules.mt._common`; the combined
score is :mod:`audit.score.mt`; cue phrases are in ``audit/lexicons/mt_cues`` and
``audit/lexicons/mt_calques``.
"""
