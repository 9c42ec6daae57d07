"""Widgets every back-office page shares: paged query tables, small list tables, a worker-thread runner."""
