"""Language checks (LNG): declared language vs. text, paragraphs in another language."""
