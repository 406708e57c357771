"""newsaudit: audit scraped news articles before they reach other systems.

The library API, stage by stage (``load -> check -> score -> gate -> report``)::

    from audit.load import iter_records, LoadOptions
    from audit.check.engine import Auditor

    auditor = Auditor(select=["encoding", "machine-translation"])
    for result in auditor.audit_stream(iter_records(["feed.jsonl"])):
        ...
"""

__version__ = "0.1.0"
