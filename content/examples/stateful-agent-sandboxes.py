"""Recompute the worked figures of stateful-agent-sandboxes.md; exit non-zero on a mismatch."""
from pathlib import Path

EN = (Path(__file__).parent.parent / "en" / "stateful-agent-sandboxes.md").read_text()

# 5,000 parked sessions with 4 GiB of guest RAM each.
assert 5_000 * 4 == 20_000 and "5,000 × 4 GiB = 20,000 GiB of RAM" in EN
# 2,000 sessions idle within ten minutes, each writing a 4 GiB full snapshot.
total = 2_000 * 4
assert total == 8_000 and round(total / 600, 1) == 13.3
assert "8,000 GiB in ten minutes, about 13.3 GiB/s" in EN

print("stateful-agent-sandboxes: all figures match")
