"""Consent: templates as data, the rules that say when it is asked, signing, the signed PDF."""
