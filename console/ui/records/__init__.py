"""The Records area's widgets: patient record with charts, lot recall, due list, day log."""
