//! Both colour themes meet WCAG AA: every text colour pair the stylesheet uses has a
//! contrast ratio of at least 4.5:1, read from the `light-dark()` variables of
//! style/main.css so the check follows the palette.

use std::collections::HashMap;

/// (foreground, background) variable pairs that carry text.
const PAIRS: &[(&str, &str)] = &[
    ("text", "bg"),
    ("muted", "bg"),
    ("muted", "surface"),
    ("accent", "bg"),
    ("accent", "surface"),
    ("accent-text", "accent"),
    ("text", "accent-soft"),
    ("muted", "accent-soft"),
    ("danger", "surface"),
    ("text", "code-bg"),
    ("tk-com", "code-bg"),
    ("tk-str", "code-bg"),
    ("tk-num", "code-bg"),
    ("tk-kw", "code-bg"),
    ("tk-fn", "code-bg"),
    ("tk-ty", "code-bg"),
    ("tk-attr", "code-bg"),
];

/// `--name: light-dark(#light, #dark);` declarations of the stylesheet whose
/// colours are written in hex.
fn palette() -> HashMap<String, [String; 2]> {
    pairs(&stylesheet())
        .into_iter()
        .filter(|(_, light, dark)| light.starts_with('#') && dark.starts_with('#'))
        .map(|(name, light, dark)| (name, [light, dark]))
        .collect()
}

fn luminance(hex: &str) -> f64 {
    let channel = |i: usize| {
        let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}

fn contrast(a: &str, b: &str) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[test]
fn contrast_formula_matches_wcag() {
    assert!((contrast("#000000", "#ffffff") - 21.0).abs() < 1e-9);
    assert!((contrast("#777777", "#ffffff") - 4.48).abs() < 0.01);
}

#[test]
fn both_themes_meet_wcag_aa_for_text() {
    let palette = palette();
    for (theme, i) in [("light", 0), ("dark", 1)] {
        for (fg, bg) in PAIRS {
            let (f, b) = (&palette[*fg][i], &palette[*bg][i]);
            let ratio = contrast(f, b);
            assert!(
                ratio >= 4.5,
                "{theme}: --{fg} {f} on --{bg} {b} is {ratio:.2}:1"
            );
        }
    }
}

/// The stylesheet's text.
fn stylesheet() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/style/main.css")).unwrap()
}

/// Every `--name: light-dark(light, dark);` of the stylesheet, whatever the
/// values (a colour, `rgb(…)`, `transparent`).
fn pairs(css: &str) -> Vec<(String, String, String)> {
    css.lines()
        .filter_map(|line| {
            let (name, value) = line.trim().strip_prefix("--")?.split_once(':')?;
            let inner = value
                .trim()
                .strip_prefix("light-dark(")?
                .strip_suffix(");")?;
            // The dark value follows the last top-level comma: `rgb(0 0 0 / 0.05)`
            // holds none, but a value may.
            let (light, dark) = inner.rsplit_once(',')?;
            Some((name.into(), light.trim().into(), dark.trim().into()))
        })
        .collect()
}

/// The `--name: value;` declarations of the rule `selector { … }` inside the
/// stylesheet's `@supports not (light-dark())` block.
fn fallback(css: &str, selector: &str) -> HashMap<String, String> {
    let block = css
        .split_once("@supports not (color: light-dark(")
        .expect("the stylesheet has a fallback for engines without light-dark()")
        .1;
    let rule = block
        .split_once(&format!(
            "\n{}{selector} {{\n",
            " ".repeat(2 + 2 * selector.matches("not(").count())
        ))
        .unwrap_or_else(|| panic!("the fallback has a rule for {selector}"))
        .1;
    let body = rule.split_once('}').unwrap().0;
    body.lines()
        .filter_map(|line| {
            let (name, value) = line.trim().strip_prefix("--")?.split_once(':')?;
            Some((name.into(), value.trim().strip_suffix(';')?.into()))
        })
        .collect()
}

#[test]
fn engines_without_light_dark_get_the_same_colours_in_both_themes() {
    let css = stylesheet();
    let pairs = pairs(&css);
    assert!(pairs.len() >= PAIRS.len(), "the palette is read");
    // Every use of light-dark() is one of the palette's variables, so the
    // fallback covers every colour.
    assert_eq!(
        css.replace("@supports not (color: light-dark(", "")
            .matches(": light-dark(")
            .count(),
        pairs.len(),
        "light-dark() outside a --variable has no fallback"
    );
    let light = fallback(&css, ":root");
    let dark_by_system = fallback(&css, ":root:not([data-theme=\"light\"])");
    let dark_by_choice = fallback(&css, ":root[data-theme=\"dark\"]");
    for (name, l, d) in &pairs {
        assert_eq!(light.get(name), Some(l), "light --{name}");
        assert_eq!(dark_by_system.get(name), Some(d), "system dark --{name}");
        assert_eq!(dark_by_choice.get(name), Some(d), "chosen dark --{name}");
    }
    for rule in [&light, &dark_by_system, &dark_by_choice] {
        assert_eq!(
            rule.len(),
            pairs.len(),
            "the fallback sets only the palette"
        );
    }
}
