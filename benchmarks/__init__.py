"""Benchmarks and the synthetic national register they build (development tools, not the runtime package)."""
