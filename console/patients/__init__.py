"""Patients: finding, registering and updating them, and reading the patient form."""
