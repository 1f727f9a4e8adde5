"""Readers: one per input kind, each turning raw input into an `Article`."""
