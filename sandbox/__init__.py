"""Local sandbox: the real handlers on an embedded AWS (moto) and a local SMS simulator."""
