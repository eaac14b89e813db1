"""Recompute the worked figures of llm-ab-testing.md and check CUPED's centring;
exit non-zero on a mismatch. Stdlib only (the article's code uses NumPy)."""
import math
import random
from pathlib import Path
from statistics import NormalDist, covariance, fmean, variance

EN = (Path(__file__).parent.parent / "en" / "llm-ab-testing.md").read_text()
Z = NormalDist()

# Sample size per arm: p = 0.20, one point absolute, alpha 0.05, power 0.8.
z2 = (Z.inv_cdf(0.975) + Z.inv_cdf(0.8)) ** 2
assert round(z2, 2) == 7.85
n1 = math.ceil(z2 * 2 * 0.2 * 0.8 / 0.01**2)
n_half = math.ceil(z2 * 2 * 0.2 * 0.8 / 0.005**2)
assert n1 == 25_117 and round(n1, -2) == 25_100 and "# 25117" in EN
assert round(n_half, -3) == 100_000
per_arm_per_day = 5_000 / 2
assert round(n1 / per_arm_per_day) == 10 and round(n_half / per_arm_per_day) == 40

# SRM: 50,600 against 49,400 under a 50/50 allocation.
chi2 = 2 * 600**2 / 50_000
p = 2 * (1 - Z.cdf(math.sqrt(chi2)))
assert round(p, 5) == 0.00015

# CUPED: theta and the mean of x come from both arms pooled. Centring each arm on its
# own mean of x would leave the difference in means exactly as it was unadjusted.
rng = random.Random(7)
x = [rng.gauss(10, 3) for _ in range(4_000)]
x[2_000:] = [v + 0.3 for v in x[2_000:]]  # a chance imbalance in the pre-period
y = [0.8 * v + rng.gauss(0, 1) for v in x]
theta, x_mean = covariance(y, x) / variance(x), fmean(x)
adj = [yi - theta * (xi - x_mean) for yi, xi in zip(y, x)]
raw_diff = fmean(y[2_000:]) - fmean(y[:2_000])
cuped_diff = fmean(adj[2_000:]) - fmean(adj[:2_000])
per_arm = [yi - theta * (xi - fmean(xs)) for ys, xs in ((y[:2_000], x[:2_000]), (y[2_000:], x[2_000:]))
           for yi, xi in zip(ys, xs)]
assert abs(fmean(per_arm[2_000:]) - fmean(per_arm[:2_000]) - raw_diff) < 1e-9
assert abs(cuped_diff) < abs(raw_diff) / 2  # the pooled adjustment removes the imbalance
assert variance(adj) < variance(y) / 4
assert "return y - theta * (x - x_mean)" in EN and "x.mean())" not in EN

print("llm-ab-testing: all figures match")
