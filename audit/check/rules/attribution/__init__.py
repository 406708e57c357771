"""ATT: attribution — who a statement is attributed to (analysis in :mod:`audit.score.attribution`)."""
