"""Charts of a child's progress, one module per chart, drawn on the server as SVG."""
