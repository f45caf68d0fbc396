"""PySide6 user interface. The only package (with thin Qt adapters) that may import Qt."""
