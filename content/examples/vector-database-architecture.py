"""Recompute the worked figures of vector-database-architecture.md; exit non-zero on a mismatch."""
from pathlib import Path

EN = (Path(__file__).parent.parent / "en" / "vector-database-architecture.md").read_text()


def plan(n, dim, m=16, replicas=2, quantized=True, headroom=1.5):
    full = n * dim * 4
    links = n * 2 * m * 4
    codes = n * dim * 1 if quantized else full
    ram_per_replica = (codes + links) * headroom
    return full / 1e9, codes / 1e9, links / 1e9, ram_per_replica / 1e9, ram_per_replica * replicas / 1e9


full, codes, links, ram, total = plan(50_000_000, 1024)
assert (round(full, 1), round(codes, 1), round(links, 1), round(ram, 1), round(total, 1)) == (204.8, 51.2, 6.4, 86.4, 172.8)
assert "(51.2 + 6.4) * 1.5 = 86.4 GB; total 172.8 GB" in EN
assert round(plan(50_000_000, 1024, quantized=False)[3]) == 317 and "closer to 317 GB" in EN

# Hybrid search: the HNSW scan returns at most ef_search candidates, filtered afterwards.
EF_SEARCH_DEFAULT, LIMIT = 40, 50
assert min(LIMIT, EF_SEARCH_DEFAULT) == 40 and "never has more than 40 rows despite `LIMIT 50`" in EN
assert EF_SEARCH_DEFAULT * 0.10 == 4 and "owns 10% of the table it has about 4 on average" in EN
assert "SET LOCAL hnsw.ef_search = 100;" in EN and 100 >= LIMIT

print("vector-database-architecture: all figures match")
