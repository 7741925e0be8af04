"""Who may do what (accounts, PINs, roles) and what they did (the audit trail)."""
