"""``python -m audit.eval``: score the checks on the labelled corpus."""

from audit.eval.harness import main

if __name__ == "__main__":
    raise SystemExit(main())
