"""Recompute the worked figures of llm-quantization.md; exit non-zero on a mismatch."""
from pathlib import Path

EN = (Path(__file__).parent.parent / "en" / "llm-quantization.md").read_text()
GiB, KiB = 1024**3, 1024


def weight_bytes(n_params, bits, group_size=None, scale_bits=16, unquantized_params=0):
    eff_bits = bits + (scale_bits / group_size if group_size else 0)
    return ((n_params - unquantized_params) * eff_bits + unquantized_params * 16) / 8


def kv_bytes_per_token(layers, kv_heads, head_dim, kv_bits=16):
    return 2 * layers * kv_heads * head_dim * kv_bits / 8


N, EMB = 70.6e9, 2 * 128_256 * 8_192
USABLE = 0.90 * 80e9
KV_TOK = kv_bytes_per_token(80, 8, 128)
rows = {}
for name, bits, group, gpus in [("BF16", 16, None, 4), ("FP8", 8, None, 2), ("INT4", 4, 128, 1)]:
    w = weight_bytes(N, bits, group, unquantized_params=0 if bits == 16 else EMB)
    free = gpus * USABLE - w
    rows[name] = dict(w=w / GiB, gpus=gpus, room=free / GiB, tok=free / KV_TOK / 1e3,
                      per_gpu=free / KV_TOK / gpus / 1e3, read=w / gpus / GiB)

# The table.
table = {"BF16": (131.5, 136.7, 448, 112), "FP8": (67.7, 66.4, 218, 109), "INT4": (36.8, 30.2, 99, 99)}
for name, (w, room, tok, per_gpu) in table.items():
    r = rows[name]
    assert (round(r["w"], 1), round(r["room"], 1), round(r["tok"]), round(r["per_gpu"])) == (w, room, tok, per_gpu), (name, r)

# Point 1: 320 KiB per token, 10 GiB for a 32k conversation.
assert KV_TOK / KiB == 320 and 32 * 1024 * KV_TOK / GiB == 10

# Point 3: weights fall 3.6x; each GPU reads 33-37 GiB per step.
assert round(rows["BF16"]["w"] / rows["INT4"]["w"], 1) == 3.6
assert all(33 <= round(r["read"]) <= 37 for r in rows.values()), [r["read"] for r in rows.values()]
# Two 32k conversations need 20 GiB of KV and fit one INT4 GPU.
assert 2 * 32 * 1024 * KV_TOK / GiB == 20 < rows["INT4"]["room"]
# One INT4 GPU holds 22% of the four BF16 GPUs' KV tokens; four INT4 replicas ~396k.
assert round(100 * rows["INT4"]["tok"] / rows["BF16"]["tok"]) == 22
assert round(4 * rows["INT4"]["tok"]) == 396
# An FP8 KV cache (160 KiB per token) takes one INT4 GPU to ~198k tokens.
assert round(rows["INT4"]["room"] * GiB / kv_bytes_per_token(80, 8, 128, kv_bits=8) / 1e3) == 198
for phrase in ("falls 3.6x", "(33-37 GiB)", "(20 GiB of KV cache)", "~99k tokens, 22% of the ~448k",
               "hold ~396k", "to ~198k tokens"):
    assert phrase in EN, phrase

print("llm-quantization: all figures match")
