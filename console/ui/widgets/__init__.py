"""Widgets and the theme every screen shares."""
