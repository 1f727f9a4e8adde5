"""Tests of the web pages (a package, so its conftest does not shadow tests/conftest.py)."""
