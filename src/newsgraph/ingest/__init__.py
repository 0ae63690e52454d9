"""``newsgraph ingest``: pages in, documents stored.

sources.expand   what each command-line source stands for (inputs with stable keys)
run.ingest       the pipeline over all inputs, on all cores, into a Store, in batches
"""

from newsgraph.ingest.run import IngestReport, ingest

__all__ = ["IngestReport", "ingest"]
