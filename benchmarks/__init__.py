"""``make bench``: cold start, cost per message, reply cost, CPU time, import throughput, asset size."""
