"""The Qt (PySide6) user interface and pyqtgraph charts: the only package that imports Qt."""
