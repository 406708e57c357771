"""The command line: a thin layer over the library API (``newsaudit`` console script)."""
