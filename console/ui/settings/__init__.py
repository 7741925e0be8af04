"""The Settings screen's parts: clinic and room forms, the protocol library editor, the preview."""
