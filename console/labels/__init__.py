"""Cartridge labels: GS1 and HIBC UDI labels, scanned or typed, and their dates."""
