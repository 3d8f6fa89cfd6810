"""sitrep: conflict news -> a structured, sourced, searchable event record, offline."""
__version__ = "0.1.0"
