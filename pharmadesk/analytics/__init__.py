"""PharmaDesk analytics: pure models over DataFrames that :mod:`frames` reads, run by one job per analysis.

``frames`` is the only module that reads the store; ``models/`` holds the pure, deterministic models
(``segments``, ``kpis``, ``value``, ``reminders``, ``reorder``, ``baskets``, ``campaigns``, ...);
``jobs/`` has one ``run_<analysis>(store, as_of, params, progress, cancel)`` per analysis, which the
command line (``pharmadesk analytics NAME``) and the owner's pages call; ``result`` defines what a job
returns. See docs/analytics.md, "Adding an analysis".
"""
