"""Run the cost model of llm-knowledge-distillation.md and check the table and the
figures around it. Exits non-zero on a mismatch."""
import contextlib
import io
from pathlib import Path

EN = (Path(__file__).parent.parent / "en" / "llm-knowledge-distillation.md").read_text()

# The article's own cost model: the Python block that defines monthly_costs.
block = next(b.split("```", 1)[0] for b in EN.split("```python\n")[1:] if "def monthly_costs" in b)
out = io.StringIO()
with contextlib.redirect_stdout(out):
    ns: dict = {}
    exec(block, ns)
assert ns["HOURS_PER_MONTH"] == 8760 / 12
assert "(30 * 24" not in block  # one definition of a month, not two

table = {3e6: ("$40,500", 2, "$5,840", "6.9x"),
         30e6: ("$405,000", 5, "$14,600", "27.7x"),
         100e6: ("$1,350,000", 13, "$37,960", "35.6x")}
for volume, (api_s, gpus_s, hosted_s, ratio_s) in table.items():
    api, gpus, hosted = ns["monthly_costs"](volume, 1500, 300, 5.0, 20.0, 4.0, 10.0)
    assert f"${api:,.0f}" == api_s and gpus == gpus_s, (volume, api, gpus)
    assert f"${hosted:,.0f}" == hosted_s and f"{api / hosted:.1f}x" == ratio_s, (volume, hosted)
    row = f"| {volume / 1e6:.0f}M | {api_s} | {gpus_s} | {hosted_s} | {ratio_s} |"
    assert row in EN, row
assert len(out.getvalue().splitlines()) == 3

# Marginal cost per request, and the transfer-set generation example.
teacher = (1500 * 5.0 + 300 * 20.0) / 1e6
student = 4.0 / 3600 / 10
assert teacher == 0.0135 and round(student, 5) == 0.00011
assert 115 < teacher / student < 125  # "roughly 120x"
assert round(200_000 * 2 * teacher) == 5_400

print("llm-knowledge-distillation: all figures match")
