#!/bin/sh
# newsaudit gate as a pre-commit hook (or any "run on these files" hook).
#
# Usage: newsaudit-gate-hook.sh FILE...        (pre-commit passes the staged files)
#
# Gates the given article files (JSON Lines, .json, .csv, .parquet or .txt) with a
# Great Expectations suite and blocks the commit unless the gate passes. The outputs
# (accepted.jsonl, quarantined.jsonl, junit.xml, summary.json) go to a fresh temporary
# directory that is kept when the gate fails, so you can read why.
#
# Environment:
#   NEWSAUDIT              the command (default: newsaudit)
#   NEWSAUDIT_SUITE        the suite (default: expectations/default.json if it exists, else "default")
#   NEWSAUDIT_GATE_ARGS    extra options, e.g. "--workers 1 --text-field body"
#   NEWSAUDIT_GATE_OUT     output directory (default: a new temporary directory)
#
# Exit status: 0 when the gate passed (or there was nothing to gate), 1 when it failed,
# 3 on a configuration or input error (bad suite, unreadable file).
set -u

NEWSAUDIT=${NEWSAUDIT:-newsaudit}
if [ -z "${NEWSAUDIT_SUITE:-}" ]; then
    if [ -f expectations/default.json ]; then NEWSAUDIT_SUITE=expectations/default.json; else NEWSAUDIT_SUITE=default; fi
fi

# keep only article files; pre-commit may pass anything its `files:` pattern matched
files=""
for f in "$@"; do
    case "$f" in
        *.jsonl|*.json|*.csv|*.parquet|*.txt) [ -f "$f" ] && files="$files
$f" ;;
    esac
done
if [ -z "$files" ]; then
    echo "newsaudit gate: no article files to gate"
    exit 0
fi

out=${NEWSAUDIT_GATE_OUT:-$(mktemp -d "${TMPDIR:-/tmp}/newsaudit-gate.XXXXXX")}

# one argument per line (file names with spaces survive; newlines in names do not)
old_ifs=$IFS
IFS='
'
# shellcheck disable=SC2086  # word splitting on newlines is intended
set -- $files
IFS=$old_ifs

# shellcheck disable=SC2086  # NEWSAUDIT_GATE_ARGS is a list of options
$NEWSAUDIT gate "$@" --suite "$NEWSAUDIT_SUITE" --out "$out" ${NEWSAUDIT_GATE_ARGS:-}
status=$?
case $status in
    0) [ -z "${NEWSAUDIT_GATE_OUT:-}" ] && rm -rf "$out" ;;
    1) echo "newsaudit gate: FAILED; see $out/quarantined.jsonl and $out/summary.json" >&2 ;;
    2) if grep -q '"verdict": "passed-with-warnings"' "$out/summary.json" 2>/dev/null; then
           echo "newsaudit gate: passed with warnings; see $out/summary.json" >&2
       else
           echo "newsaudit gate: usage error (exit 2)" >&2
       fi ;;
    *) echo "newsaudit gate: configuration or input error (exit $status)" >&2 ;;
esac
exit $status
