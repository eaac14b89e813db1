//! Work spread over every core, for the per-article steps that do not depend on
//! each other, with progress lines for long runs.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// From how many items a step reports its progress (on stderr): a build of a
/// large archive says what it is doing; a small one stays quiet.
pub(crate) const PROGRESS_FROM: usize = 1000;

/// `f` over `items` on every core, results in the order of `items`. Reading,
/// rendering and highlighting one article is independent of the others.
pub(crate) fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = items.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(|| part.iter().map(&f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("an article's thread panicked"))
            .collect()
    })
}

/// [`parallel_map`] that reports, for a long run, how many of how many items
/// the step `label` has done, every tenth of the way.
pub(crate) fn parallel_map_reporting<T: Sync, R: Send>(
    label: &str,
    items: &[T],
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let done = AtomicUsize::new(0);
    let started = Instant::now();
    parallel_map(items, |item| {
        let result = f(item);
        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
        if let Some(line) = progress_line(label, n, items.len(), started.elapsed().as_secs_f64()) {
            eprintln!("{line}");
        }
        result
    })
}

/// The progress line after `n` of `total` items, if one is due: every tenth of
/// a run of at least [`PROGRESS_FROM`] items.
fn progress_line(label: &str, n: usize, total: usize, seconds: f64) -> Option<String> {
    let step = (total / 10).max(1);
    (total >= PROGRESS_FROM && (n.is_multiple_of(step) || n == total))
        .then(|| format!("pipeline: {label}: {n} of {total} ({seconds:.1} s)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_run_reports_every_tenth_and_a_short_one_stays_quiet() {
        let lines: Vec<String> = (1..=2000)
            .filter_map(|n| progress_line("loading en articles", n, 2000, 1.25))
            .collect();
        assert_eq!(lines.len(), 10);
        assert_eq!(
            lines[0],
            "pipeline: loading en articles: 200 of 2000 (1.2 s)"
        );
        assert_eq!(
            lines[9],
            "pipeline: loading en articles: 2000 of 2000 (1.2 s)"
        );
        assert!((1..=20).all(|n| progress_line("x", n, 20, 0.0).is_none()));
    }

    #[test]
    fn results_keep_the_order_of_the_items() {
        let items: Vec<usize> = (0..PROGRESS_FROM + 7).collect();
        let doubled = parallel_map_reporting("doubling", &items, |n| n * 2);
        assert!(doubled.iter().enumerate().all(|(i, d)| *d == i * 2));
    }
}
