"""Package data of the report: the Jinja2 page template, its CSS and its JavaScript."""
