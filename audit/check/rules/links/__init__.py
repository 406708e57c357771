"""Unrelated link blocks: "More Stories" / "Read also" lists whose headlines are not about the article."""
