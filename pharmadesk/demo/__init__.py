"""The demo store: a realistic catalogue, members and years of simulated sales, built deterministically."""
