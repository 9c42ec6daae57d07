"""The analytic models: pure functions, DataFrames in and DataFrames out, deterministic."""
