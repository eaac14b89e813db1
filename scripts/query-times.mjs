// Shared by scripts/bench.mjs and scripts/scale.mjs: the time from typing a query
// into the search field to its results on screen, measured in the page.

/** Runs `queries` through the search field of `page` (its index already loaded)
 * ten times over; returns the mean and 95th percentile in ms. */
export async function queryTimes(page, queries) {
  const times = await page.evaluate(async (qs) => {
    const field = document.getElementById('search-input');
    const out = [];
    for (let round = 0; round < 10; round++) {
      for (const q of qs) {
        const start = performance.now();
        field.value = q;
        field.dispatchEvent(new Event('input', { bubbles: true }));
        // Reactive updates flush in microtasks; a zero timeout waits for all of them.
        await new Promise((r) => setTimeout(r, 0));
        out.push(performance.now() - start);
      }
    }
    return out.sort((a, b) => a - b);
  }, queries);
  return { mean: times.reduce((a, b) => a + b, 0) / times.length, p95: times[Math.floor(times.length * 0.95)] };
}
