"""Benchmarks for newsgraph (not part of the installed package)."""
