"""Head-office sync: privacy-safe, signed, encrypted bundles (store side, ``export.py``) and
their loading into DuckDB at head office (``ingest.py``). The shared format lives in ``bundle.py``."""
