//! An author's SVG diagram, checked and minified at build time: only drawing
//! elements, no colour literal (lines and text follow the theme through
//! `currentColor`, areas through the figure palette), and the site's figure
//! style put in, so one file reads in both themes: an SVG shown by `<img>` takes
//! the colour scheme of the page that shows it (`color-scheme` on the page's root).

use crate::escape::escape;
use std::fmt::Write as _;

/// The widest `viewBox` an author may draw in: wider, and the labels of a figure
/// shown 328 px wide on a phone get too small to read.
pub const MAX_WIDTH: f64 = 640.0;

/// The smallest font size (in `viewBox` units) a label may have.
pub const MIN_FONT_SIZE: f64 = 15.0;

/// The palette an author draws with: `var(--fig-NAME)`, light and dark values.
/// The same colours as the site's own (style/main.css).
pub const PALETTE: &[(&str, &str, &str)] = &[
    ("muted", "#57606a", "#9aa4af"),
    ("line", "#8c959f", "#6e7781"),
    ("box", "#f3f4f6", "#1c222b"),
    ("bg", "#fbfbfa", "#0f1216"),
    ("accent", "#1f5fbf", "#7fb0ff"),
    ("accent-soft", "#e8f0fc", "#1a2a44"),
    ("warm", "#9a3412", "#ffa657"),
    ("warm-soft", "#fdf0e6", "#3a2414"),
    ("good", "#116329", "#7ee787"),
    ("good-soft", "#e6f4ea", "#15301d"),
    ("bad", "#b42318", "#ff8a80"),
    ("bad-soft", "#fdecea", "#3b1a1a"),
];

/// The text colour (light, dark): the site's `--text`.
const TEXT: (&str, &str) = ("#1b1f24", "#e6e8eb");

/// The site's sans-serif stack (style/main.css `--font-sans`).
const FONT: &str = "system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\",\"Liberation Sans\",\"DejaVu Sans\",Arial,sans-serif";

/// Elements a diagram may use: shapes, text, groups and what markers need.
const ELEMENTS: &[&str] = &[
    "svg", "g", "defs", "marker", "symbol", "use", "clipPath", "path", "rect", "circle", "ellipse",
    "line", "polyline", "polygon", "text", "tspan", "title", "desc",
];

/// Attributes that take a colour.
const COLOUR_ATTRIBUTES: &[&str] = &[
    "fill",
    "stroke",
    "color",
    "stop-color",
    "flood-color",
    "lighting-color",
];

/// A checked, minified SVG.
#[derive(Debug, Clone, PartialEq)]
pub struct Svg {
    /// The file as served: minified, with the figure style.
    pub text: String,
    /// The `viewBox` width and height, rounded up: the `<img>`'s size.
    pub width: u32,
    pub height: u32,
}

/// The `<style>` every figure gets: text colour, default fill, font and palette,
/// each `light-dark(...)`, which follows the page's colour scheme.
pub fn style() -> String {
    let mut css = format!(
        "svg{{color-scheme:light dark;color:light-dark({},{});fill:currentColor;font-family:{FONT}",
        TEXT.0, TEXT.1
    );
    for (name, light, dark) in PALETTE {
        let _ = write!(css, ";--fig-{name}:light-dark({light},{dark})");
    }
    css.push('}');
    // An engine without light-dark() (Safari before 17.5, Chrome before 123,
    // Firefox before 120) drops `color` and cannot use the variables: the same
    // colours, the light ones unless the system asks for dark.
    let theme = |dark: bool, text: &str| {
        let mut rule = format!("svg{{color:{text}");
        for entry in PALETTE {
            let colour = if dark { entry.2 } else { entry.1 };
            let _ = write!(rule, ";--fig-{}:{colour}", entry.0);
        }
        rule.push('}');
        rule
    };
    let _ = write!(
        css,
        "@supports not (color:light-dark(#000,#fff)){{{}@media (prefers-color-scheme:dark){{{}}}}}",
        theme(false, TEXT.0),
        theme(true, TEXT.1)
    );
    css
}

/// Checks `source` and returns it minified with the figure style, or every
/// problem with its 1-based line in the SVG file.
pub fn process(source: &str) -> Result<Svg, Vec<(usize, String)>> {
    let doc = roxmltree::Document::parse(source)
        .map_err(|e| vec![(e.pos().row as usize, format!("not well-formed SVG: {e}"))])?;
    let line = |node: roxmltree::Node| doc.text_pos_at(node.range().start).row as usize;
    let root = doc.root_element();
    let mut errors = Vec::new();
    if root.tag_name().name() != "svg" || root.tag_name().namespace() != Some(SVG_NS) {
        return Err(vec![(
            line(root),
            "the root element must be <svg xmlns=\"http://www.w3.org/2000/svg\">".into(),
        )]);
    }
    let view_box: Vec<f64> = root
        .attribute("viewBox")
        .unwrap_or("")
        .split([' ', ','])
        .filter(|s| !s.is_empty())
        .filter_map(|n| n.parse().ok())
        .collect();
    let (width, height) = match view_box[..] {
        [_, _, w, h] if w > 0.0 && h > 0.0 => (w, h),
        _ => {
            errors.push((
                line(root),
                "the <svg> needs a viewBox=\"0 0 WIDTH HEIGHT\": the page sizes the figure from it"
                    .into(),
            ));
            (1.0, 1.0)
        }
    };
    if width > MAX_WIDTH {
        errors.push((
            line(root),
            format!(
                "viewBox {width} wide: at most {MAX_WIDTH} (draw top to bottom) so labels stay readable on a phone"
            ),
        ));
    }
    for node in root.descendants().filter(|n| n.is_element()) {
        check_element(node, line(node), &mut errors);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut text = String::with_capacity(source.len());
    write_node(root, &mut text, true);
    Ok(Svg {
        text,
        width: width.ceil() as u32,
        height: height.ceil() as u32,
    })
}

const SVG_NS: &str = "http://www.w3.org/2000/svg";
const XLINK_NS: &str = "http://www.w3.org/1999/xlink";

fn check_element(node: roxmltree::Node, line: usize, errors: &mut Vec<(usize, String)>) {
    let name = node.tag_name().name();
    if node.tag_name().namespace() != Some(SVG_NS) || !ELEMENTS.contains(&name) {
        errors.push((
            line,
            format!(
                "<{name}> is not allowed in a figure: use shapes, text, groups and markers ({})",
                ELEMENTS.join(", ")
            ),
        ));
        return;
    }
    for attr in node.attributes() {
        let (key, value) = (attr.name(), attr.value().trim());
        if key.starts_with("on") {
            errors.push((line, format!("event attribute {key} is not allowed")));
        } else if key == "href" && !value.starts_with('#') {
            errors.push((
                line,
                format!("{key}={value:?}: a figure may only refer to its own elements (#id)"),
            ));
        } else if attr.namespace().is_some_and(|ns| ns != XLINK_NS) {
            // Editor namespaces (inkscape:, sodipodi:) are dropped on output.
        } else if key == "style" {
            for declaration in value.split(';') {
                if let Some((property, v)) = declaration.split_once(':') {
                    check_value(property.trim(), v.trim(), line, errors);
                }
            }
        } else {
            check_value(key, value, line, errors);
        }
    }
}

/// One property or attribute: colours from the theme only, the site's font, and
/// labels large enough to read.
fn check_value(key: &str, value: &str, line: usize, errors: &mut Vec<(usize, String)>) {
    if COLOUR_ATTRIBUTES.contains(&key) && !is_theme_colour(value) {
        errors.push((
            line,
            format!(
                "{key}={value:?}: a colour literal does not follow the dark theme; use \
                 currentColor or var(--fig-NAME) with NAME one of {}",
                PALETTE
                    .iter()
                    .map(|(n, _, _)| *n)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    } else if key == "font-family" && value != "monospace" {
        errors.push((
            line,
            format!("font-family={value:?}: figures use the site's font (or \"monospace\")"),
        ));
    } else if key == "font-size" {
        let size: Option<f64> = value.trim_end_matches("px").parse().ok();
        if size.is_none_or(|s| s < MIN_FONT_SIZE) {
            errors.push((
                line,
                format!(
                    "font-size={value:?}: at least {MIN_FONT_SIZE} (viewBox units) to stay readable on a phone"
                ),
            ));
        }
    }
}

fn is_theme_colour(value: &str) -> bool {
    if matches!(value, "none" | "currentColor" | "transparent" | "inherit") {
        return true;
    }
    let palette = value
        .strip_prefix("var(--fig-")
        .and_then(|v| v.strip_suffix(')'));
    palette.is_some_and(|name| PALETTE.iter().any(|(n, _, _)| *n == name))
}

/// Writes `node` without comments, editor attributes, `<title>`/`<desc>` (the
/// page's `alt` says what the figure shows) and whitespace between elements;
/// the root gets the figure style and loses any `width`/`height` (the page sizes
/// it).
fn write_node(node: roxmltree::Node, out: &mut String, is_root: bool) {
    let name = node.tag_name().name();
    if matches!(name, "title" | "desc") {
        return;
    }
    out.push('<');
    out.push_str(name);
    if is_root {
        out.push_str(" xmlns=\"http://www.w3.org/2000/svg\"");
    }
    for attr in node.attributes() {
        let foreign = attr.namespace().is_some_and(|ns| ns != XLINK_NS);
        if foreign || (is_root && matches!(attr.name(), "width" | "height")) {
            continue;
        }
        // `xlink:href` is written as SVG 2's plain `href`.
        let _ = write!(out, " {}=\"{}\"", attr.name(), escape(attr.value()));
    }
    out.push('>');
    if is_root {
        let _ = write!(out, "<style>{}</style>", style());
    }
    let in_text = matches!(name, "text" | "tspan");
    for child in node.children() {
        if child.is_element() {
            write_node(child, out, false);
        } else if let Some(t) = child.text().filter(|_| child.is_text()) {
            if in_text || !t.trim().is_empty() {
                out.push_str(&escape(t));
            }
        }
    }
    let _ = write!(out, "</{name}>");
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r##"<?xml version="1.0"?>
<!-- drawn by hand -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" viewBox="0 0 600 200.5" width="600" inkscape:version="1">
  <title>A title</title>
  <defs><marker id="a"><path d="M0 0L8 4L0 8z" fill="currentColor"/></marker></defs>
  <rect x="1" y="1" width="200" height="80" fill="var(--fig-accent-soft)" stroke="var(--fig-accent)"/>
  <text x="10" y="40" font-size="16">Кеш &amp; <tspan font-family="monospace">KV</tspan></text>
  <line x1="0" y1="0" x2="9" y2="9" stroke="currentColor" marker-end="url(#a)" style="stroke-width: 2"/>
</svg>
"##;

    #[test]
    fn a_figure_is_minified_with_the_theme_style_and_sized_by_its_view_box() {
        let svg = process(GOOD).unwrap();
        assert_eq!((svg.width, svg.height), (600, 201));
        assert!(
            svg.text.starts_with(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 600 200.5\"><style>svg{color-scheme:light dark;"
            ),
            "{}",
            svg.text
        );
        assert!(!svg.text.contains("inkscape"), "{}", svg.text);
        assert!(!svg.text.contains("<title>"), "{}", svg.text);
        assert!(!svg.text.contains("drawn by hand"), "{}", svg.text);
        assert!(!svg.text.contains("\n"), "{}", svg.text);
        assert!(
            svg.text
                .contains("<text x=\"10\" y=\"40\" font-size=\"16\">Кеш &amp; <tspan"),
            "{}",
            svg.text
        );
        assert!(svg.text.ends_with("</svg>"));
        // The output is itself a figure the checks accept.
        assert!(process(&svg.text).is_err_and(|e| e.iter().all(|(_, m)| m.contains("<style>"))));
    }

    #[test]
    fn the_style_gives_every_palette_colour_for_both_themes() {
        let css = style();
        for (name, light, dark) in PALETTE {
            assert!(css.contains(&format!("--fig-{name}:light-dark({light},{dark})")));
        }
        assert!(css.contains("fill:currentColor"));
    }

    #[test]
    fn engines_without_light_dark_get_the_same_colours() {
        let css = style();
        let (_, fallback) = css
            .split_once("@supports not (color:light-dark(#000,#fff)){")
            .expect("a fallback for engines without light-dark()");
        let (light, dark) = fallback
            .split_once("@media (prefers-color-scheme:dark){")
            .unwrap();
        assert!(
            light.starts_with(&format!("svg{{color:{}", TEXT.0)),
            "{light}"
        );
        assert!(
            dark.starts_with(&format!("svg{{color:{}", TEXT.1)),
            "{dark}"
        );
        for (name, l, d) in PALETTE {
            assert!(
                light.contains(&format!("--fig-{name}:{l}")),
                "{name}: {light}"
            );
            assert!(
                dark.contains(&format!("--fig-{name}:{d}")),
                "{name}: {dark}"
            );
        }
        assert!(css.ends_with("}}}"), "the blocks are closed: {css}");
    }

    fn errors(svg: &str) -> Vec<(usize, String)> {
        process(svg).unwrap_err()
    }

    #[test]
    fn colour_literals_are_errors_with_their_line() {
        let e = errors(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">\n<rect fill=\"#000\"/>\n<path stroke=\"black\"/>\n<text style=\"fill: rgb(0,0,0)\" font-size=\"16\">x</text>\n<rect fill=\"var(--fig-nope)\"/>\n<rect fill=\"var(--fig-good)\" stroke=\"none\"/>\n</svg>",
        );
        let lines: Vec<usize> = e.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [2, 3, 4, 5], "{e:?}");
        assert!(e[0].1.contains("currentColor or var(--fig-NAME)"), "{e:?}");
    }

    #[test]
    fn scripts_styles_foreign_content_links_and_events_are_errors() {
        let e = errors(concat!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 10 10\">\n",
            "<script>alert(1)</script>\n",
            "<style>rect{fill:red}</style>\n",
            "<foreignObject/>\n",
            "<image href=\"x.png\"/>\n",
            "<rect onclick=\"x()\"/>\n",
            "<use xlink:href=\"other.svg#a\"/>\n",
            "<use href=\"#a\"/>\n",
            "</svg>"
        ));
        let lines: Vec<usize> = e.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [2, 3, 4, 5, 6, 7], "{e:?}");
    }

    #[test]
    fn size_font_and_shape_rules_are_checked() {
        let wide = errors("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 900 100\"/>");
        assert!(wide[0].1.contains("at most 640"), "{wide:?}");
        let no_box = errors("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\"/>");
        assert!(no_box[0].1.contains("viewBox"), "{no_box:?}");
        let small = errors(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">\n<text font-size=\"12\" font-family=\"Comic Sans\">x</text></svg>",
        );
        assert_eq!(small.len(), 2, "{small:?}");
        assert!(small.iter().all(|(l, _)| *l == 2));
        let not_svg = errors("<html/>");
        assert!(not_svg[0].1.contains("root element"), "{not_svg:?}");
        let broken = errors("<svg xmlns=\"http://www.w3.org/2000/svg\">\n<rect>\n</svg>");
        assert_eq!(broken[0].0, 3, "{broken:?}");
    }
}
