"""The fuzz harnesses are programs (``python tests/fuzz/run.py``), not test modules:
keep pytest's ``--doctest-modules`` from importing them (they need atheris)."""

collect_ignore_glob = ["fuzz_*.py", "run.py"]
