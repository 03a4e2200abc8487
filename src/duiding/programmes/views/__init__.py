"""Views of the programmes app, one module per part of the workspace (each owns its urls)."""
