"""The clinic as a whole: moving rooms' files onto its server, and the server's backups."""
