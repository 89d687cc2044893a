"""The Governance Register: YAML about health and care governance, as a website and open data."""

__version__ = "0.1.0"
