"""Recompute the backfill duration estimate of zero-downtime-database-migration.md;
exit non-zero on a mismatch."""
from pathlib import Path

EN = (Path(__file__).parent.parent / "en" / "zero-downtime-database-migration.md").read_text()

rows, batch, work_ms, pause_ms = 200_000_000, 5_000, 50, 100
batches = rows // batch
seconds = batches * (work_ms + pause_ms) / 1000
assert batches == 40_000 and seconds == 6_000
assert 1.5 < seconds / 3600 < 2  # "a little under two hours"
assert "40,000 batches at 150 ms each, 6,000 seconds" in EN
# The code uses the same batch size and pause as the estimate.
assert "BATCH = 5_000" in EN and "PAUSE = 0.1" in EN

print("zero-downtime-database-migration: all figures match")
