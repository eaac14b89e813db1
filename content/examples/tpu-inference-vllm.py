"""Recompute the worked figures of tpu-inference-vllm.md; exit non-zero on a mismatch."""
from pathlib import Path

EN = (Path(__file__).parent.parent / "en" / "tpu-inference-vllm.md").read_text()


def cost_per_million_tokens(hourly_price, tokens_per_second, utilization=0.6):
    return hourly_price / (tokens_per_second * utilization * 3600) * 1e6


def decode_floor_ms(weight_gb_per_chip, hbm_gb_per_s=1638):
    return weight_gb_per_chip / hbm_gb_per_s * 1000


# v6e: 32 GB HBM per chip; 1, 4 or 8 chips per host.
assert [32 * n for n in (1, 4, 8)] == [32, 128, 256]
# 70B BF16 weights over eight chips.
assert round(141.1 / 8, 1) == 17.6 and "about 17.6 GB of weights" in EN
floors = [decode_floor_ms(16.1), decode_floor_ms(141.1 / 8)]
assert all(9.5 <= f <= 11 for f in floors), floors  # "roughly 10-11 ms per step"
assert all(90 <= 1000 / f <= 102 for f in floors)    # "near 90-100 tokens per second"
assert 6000 / 8000 == 0.75 and "less than 75% of the GPU node" in EN
assert round(cost_per_million_tokens(10.0, 6000), 3) == 0.772

print("tpu-inference-vllm: all figures match")
