"""Files: project files, safe JSON reading, atomic writes, bundled resources."""
