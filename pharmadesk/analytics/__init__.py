"""PharmaDesk analytics: pure functions (DataFrames in, DataFrames out) over data read by :mod:`frames`.

Modules: ``frames`` (the only one that reads the store), ``segments``, ``kpis``, ``value``,
``reminders``, ``reorder``, ``baskets``, ``campaigns``; ``commands`` is the command-line registry
behind ``pharmadesk analytics NAME``. Every function is deterministic (fixed ``random_state``), takes
an ``as_of`` date (or frames loaded with one) and accepts an optional ``progress(fraction, label)``.
"""
