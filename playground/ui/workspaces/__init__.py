"""One subpackage per workspace; workspaces never import each other."""
