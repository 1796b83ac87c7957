"""Benchmarks (not tests): scripts that print figures. Run with ``make bench``."""
