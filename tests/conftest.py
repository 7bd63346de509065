"""Root test configuration: the helpers module is importable from every test package."""
