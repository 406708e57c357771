"""DUP: repetition inside one article (analysis in :mod:`audit.score.repetition`)."""
