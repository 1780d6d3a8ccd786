"""The learned motion models shipped with the package (JSON, read with plain numpy)."""
