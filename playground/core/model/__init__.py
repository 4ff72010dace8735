"""Model specs, layers, shape inference, building, presets, code export, inference."""
