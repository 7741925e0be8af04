"""Clinic and room settings, and what Settings → About shows."""
