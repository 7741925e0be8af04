"""Texts per language: as shipped, and the clinic's own edits of them."""
