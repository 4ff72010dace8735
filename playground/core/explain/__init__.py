"""Step-by-step explanations: matrix operations, convolution/output/backprop steps, inspection, boundaries."""
