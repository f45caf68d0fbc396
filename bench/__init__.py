"""Benchmarks: scripts that print JSON and a table; see bench/README.md."""
