"""Recompute the worked figures of serverless-agent-runtime.md; exit non-zero on a mismatch."""
import math
from pathlib import Path

EN = (Path(__file__).parent.parent / "en" / "serverless-agent-runtime.md").read_text()


def poisson_quantile(mean: float, p: float) -> int:
    k, term = 0, math.exp(-mean)
    cdf = term
    while cdf < p:
        k += 1
        term *= mean / k
        cdf += term
    return k


# Session durations: ten seconds next to six hours.
orders = math.log10(6 * 3600 / 10)
assert 3 < orders < 4, orders  # "more than three orders of magnitude"
assert "more than three orders of magnitude" in EN

# Warm pool at a peak of 5 starts/s, 99.9% of refill windows.
assert [poisson_quantile(5 * r, 0.999) for r in (0.25, 2.0, 8.0)] == [6, 21, 61]

# Scale-to-zero: 30-minute session, 20 calls, 3 minutes of execution.
gap = (30 - 3) / 19
assert round(gap, 1) == 1.4
resident = 3 + 19 * 0.5  # snapshot after 30 s idle
assert resident == 12.5
assert round(100 * (1 - resident / 30)) == 58
assert 2.0 > gap  # a 2-minute threshold never fires on 1.4-minute gaps
assert "snapshot_after_idle: 30s" in EN.split("  default:")[1].split("  interactive:")[0]

# Remote restore: a 2 GiB memory file over an effective 10 Gbit/s.
gbit = 2 * 2**30 * 8 / 1e9
assert round(gbit, 1) == 17.2 and round(gbit / 10, 1) == 1.7

print("serverless-agent-runtime: all figures match")
