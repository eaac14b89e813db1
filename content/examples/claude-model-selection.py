"""Recomputes the figures in claude-model-selection and tests its route().

List prices in $ per million tokens, from Anthropic's pricing page and model
pages (platform.claude.com), as of 2026-11-06. Stdlib only; exits non-zero if a
figure differs from what the article states.
"""
from dataclasses import dataclass

# The article's PRICES table (input, output, cache read).
PRICES = {
    "claude-sonnet-5": {"input": 2.00, "output": 10.00, "cache_read": 0.20},
    "claude-opus-4-8": {"input": 5.00, "output": 25.00, "cache_read": 0.50},
    "claude-fable-5": {"input": 10.00, "output": 50.00, "cache_read": 1.00},
}
# Successors on the same date, used in one sentence of the article. Sonnet 5.5's
# cache read is the $0.10 it has had since 7 October 2026 ($0.20 before).
SUCCESSORS = {
    "claude-sonnet-5-5": {"input": 2.00, "output": 10.00, "cache_read": 0.10},
    "claude-opus-5-5": {"input": 4.00, "output": 20.00, "cache_read": 0.20},
    "claude-fable-5-1": {"input": 10.00, "output": 50.00, "cache_read": 0.25},
}


@dataclass
class Workload:
    requests: int
    cached_in: int
    uncached_in: int
    output: int


def per_request(p: dict, w: Workload) -> float:
    return (w.cached_in * p["cache_read"] + w.uncached_in * p["input"]
            + w.output * p["output"]) / 1_000_000


def monthly(p: dict, w: Workload) -> float:
    return w.requests * per_request(p, w)


def output_share(p: dict, w: Workload) -> float:
    return w.output * p["output"] / 1_000_000 / per_request(p, w)


def cascade(first: dict, second: dict, p_escalate: float, w: Workload) -> float:
    return w.requests * (per_request(first, w) + p_escalate * per_request(second, w))


def close(a: float, b: float) -> bool:
    return abs(a - b) < 0.01


w = Workload(requests=1_000_000, cached_in=2_500, uncached_in=500, output=400)
s, o, f = (PRICES[m] for m in ("claude-sonnet-5", "claude-opus-4-8", "claude-fable-5"))

# The table under the cost example.
assert close(monthly(s, w), 5_500)
assert close(monthly(o, w), 13_750)
assert close(monthly(f, w), 27_500)
for p in (s, o, f):
    assert round(100 * output_share(p, w)) == 73
assert close(cascade(s, o, 0.20, w), 8_250)
assert close(cascade(s, f, 0.20, w), 11_000)
verbose = Workload(requests=1_000_000, cached_in=2_500, uncached_in=500, output=800)
assert close(monthly(s, verbose), 9_500)
assert round(100 * output_share(s, verbose)) == 84

# Cache reads are 0.1x the input price for all three models.
for p in (s, o, f):
    assert close(p["cache_read"], 0.1 * p["input"])

# Break-even escalation rates quoted in the text.
c_s, c_o, c_f = (per_request(p, w) for p in (s, o, f))
assert close(1 - c_s / c_f, 0.80)              # Sonnet 5 -> Fable 5 vs Fable 5 alone
assert close((c_o - c_s) / c_f, 0.30)          # Sonnet 5 -> Fable 5 vs Opus 4.8 alone
assert close(1 - c_s / c_o, 0.60)              # Sonnet 5 -> Opus 4.8 vs Opus 4.8 alone

# The same workload on the successors' prices, and their cache reads as a share of
# input: 5%, 5% and 2.5%, not one multiplier.
assert close(monthly(SUCCESSORS["claude-sonnet-5-5"], w), 5_250)
assert close(monthly(SUCCESSORS["claude-opus-5-5"], w), 10_500)
assert close(monthly(SUCCESSORS["claude-fable-5-1"], w), 25_625)
for model, share in (("claude-sonnet-5-5", 0.05), ("claude-opus-5-5", 0.05), ("claude-fable-5-1", 0.025)):
    p = SUCCESSORS[model]
    assert close(p["cache_read"], share * p["input"]), model
# Sonnet 5.5 and Fable 5.1 keep their predecessors' list prices and read the cache
# for less: half of Sonnet 5's rate, a quarter of Fable 5's.
assert close(SUCCESSORS["claude-sonnet-5-5"]["cache_read"], s["cache_read"] / 2)
assert close(SUCCESSORS["claude-fable-5-1"]["cache_read"], f["cache_read"] / 4)

# Confidence interval in the evaluation section: 200 tasks, 80% pass rate.
assert round(1.96 * (0.8 * 0.2 / 200) ** 0.5 * 100, 1) == 5.5


# route() exactly as in the article, minus the logging line.
LADDER = ["claude-sonnet-5", "claude-opus-4-8", "claude-fable-5"]


def route(task: dict, call_model, validate, start: int = 0) -> dict:
    if not 0 <= start < len(LADDER):
        raise ValueError(f"start={start} is outside the ladder of {len(LADDER)} models")
    for level in range(start, len(LADDER)):
        output = call_model(LADDER[level], task)
        ok, reason = validate(task, output)
        if ok:
            return {"output": output, "model": LADDER[level], "escalations": level - start}
    return {"output": output, "model": LADDER[-1], "needs_review": True}


def fake_model(model: str, task: dict) -> dict:
    return {"model": model, "stop_reason": "end_turn"}


def passes_on(good: set):
    return lambda task, out: (out["model"] in good, "ok" if out["model"] in good else "bad")


task = {"id": "t1"}
assert route(task, fake_model, passes_on({"claude-sonnet-5"}))["escalations"] == 0
r = route(task, fake_model, passes_on({"claude-fable-5"}))
assert r["model"] == "claude-fable-5" and r["escalations"] == 2
r = route(task, fake_model, passes_on(set()))
assert r["needs_review"] and r["model"] == "claude-fable-5"
assert route(task, fake_model, passes_on({"claude-fable-5"}), start=2)["escalations"] == 0
for bad_start in (3, 4, -1):
    try:
        route(task, fake_model, passes_on(set()), start=bad_start)
    except ValueError:
        pass
    else:
        raise AssertionError(f"start={bad_start} should raise ValueError")

for name, p in (("Sonnet 5", s), ("Opus 4.8", o), ("Fable 5", f)):
    print(f"{name} only: ${monthly(p, w):,.0f}/month, {output_share(p, w):.0%} from output")
print(f"Sonnet 5 -> Opus 4.8 at 20%: ${cascade(s, o, 0.20, w):,.0f}/month")
print(f"Sonnet 5 -> Fable 5 at 20%: ${cascade(s, f, 0.20, w):,.0f}/month")
print(f"Sonnet 5 writing 800 output tokens: ${monthly(s, verbose):,.0f}/month, "
      f"{output_share(s, verbose):.0%} from output")
for model, p in SUCCESSORS.items():
    print(f"{model}: ${monthly(p, w):,.0f}/month, cache read {p['cache_read'] / p['input']:.1%} of input")
print("claude-model-selection: all figures match")
