"""Data sets: MNIST, CSV, image folders, imports, preprocessing, toy 2-D data."""
