"""Check the silver MERGE logic and the compaction figures of data-lakehouse-architecture.md."""
from pathlib import Path

EN = (Path(__file__).parent.parent / "en" / "data-lakehouse-architecture.md").read_text()


def merge(table, window, tombstones):
    """The article's MERGE on a dict keyed by order_id; rows are (lsn, op, payload)."""
    newest = {}
    for key, lsn, op, payload in window:  # ROW_NUMBER() ... ORDER BY source_lsn DESC, rn = 1
        if key not in newest or lsn > newest[key][0]:
            newest[key] = (lsn, op, payload)
    for key, (lsn, op, payload) in newest.items():
        row = table.get(key)
        if row is not None:  # WHEN MATCHED, guarded by the LSN
            if lsn > row["lsn"]:
                if op == "d" and not tombstones:
                    del table[key]
                else:
                    table[key] = {"lsn": lsn, "deleted": op == "d", "payload": payload}
        elif op != "d" or tombstones:  # WHEN NOT MATCHED
            table[key] = {"lsn": lsn, "deleted": op == "d", "payload": payload}
    return table


window1 = [(42, 10, "c", "new order")]
window2 = [(42, 20, "d", None)]
for tombstones in (False, True):
    silver = merge(merge({}, window1, tombstones), window2, tombstones)
    replayed = merge(dict(silver), window1, tombstones)  # replay the older window
    live = {k for k, r in replayed.items() if not r["deleted"]}
    if tombstones:
        assert replayed == silver and live == set(), replayed  # replay is a no-op
    else:
        assert live == {42}, replayed  # the hard delete lets the old insert back in
assert "WHEN NOT MATCHED THEN INSERT" in EN and "is_deleted = true, source_lsn = s.source_lsn" in EN

# Compaction example: 8 writers committing every minute, 20 GB a day, 512 MB target files.
files = 8 * 1440
assert files == 11_520 and 20e9 / files < 2e6
assert 35 < 20e9 / (512 * 2**20) <= 40  # "about 40 files"
assert round(files / 40, -1) == 290  # "multiplied by roughly 290"

print("data-lakehouse-architecture: merge logic and figures match")
