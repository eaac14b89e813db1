//! Social cards: the picture a messenger or a social network shows for a shared
//! link (`og:image`), one per article page and one per language's index, drawn
//! at build time from an SVG template with the fonts in `pipeline/fonts`
//! (DejaVu Sans, which has Cyrillic; its licence is beside it) and written as a
//! 1200×630 PNG to the path [`model::paths::card`] gives.
//!
//! The title is wrapped by the fonts' own glyph advances, at the largest size at
//! which it fits the card, so a long Russian title wraps and never overflows. A
//! card is drawn only when its SVG changed: each PNG is kept in the build's cache
//! folder under the hash of its SVG.

use crate::escape::escape;
use crate::output::Output;
use crate::parallel::parallel_map;
use resvg::{tiny_skia, usvg};
use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::Path;
use std::sync::{Arc, OnceLock};

/// The card's size, the one Open Graph and X draw large.
pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

/// Left and right margin of the text.
const MARGIN: f64 = 88.0;
/// Where the title's area begins and ends (its lines' tops and bottoms).
const TITLE_TOP: f64 = 176.0;
const TITLE_BOTTOM: f64 = 500.0;
/// Title sizes, tried largest first; the last one also truncates.
const TITLE_SIZES: &[f64] = &[68.0, 60.0, 54.0, 48.0, 42.0];
const LINE_HEIGHT: f64 = 1.18;

const REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");
const FAMILY: &str = "DejaVu Sans";

/// What one card says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    /// The site's name in the page's language, above the title.
    pub site: String,
    /// The page's title: the article's, or the site's tagline for an index.
    pub title: String,
    /// The line under it: the date and the tags, or the site's address.
    pub footer: String,
}

/// The title's lines and their font size.
#[derive(Debug, Clone, PartialEq)]
pub struct TitleLayout {
    pub size: f64,
    pub lines: Vec<String>,
}

/// The title at the largest size whose lines all fit the title area; at the
/// smallest size, what does not fit ends in an ellipsis.
pub fn layout_title(title: &str) -> TitleLayout {
    let face = face(BOLD);
    let max = f64::from(WIDTH) - 2.0 * MARGIN;
    for (i, &size) in TITLE_SIZES.iter().enumerate() {
        let capacity = ((TITLE_BOTTOM - TITLE_TOP) / (size * LINE_HEIGHT)).floor() as usize;
        let mut lines = wrap(&face, title, size, max);
        let last = i + 1 == TITLE_SIZES.len();
        if lines.len() <= capacity || last {
            if lines.len() > capacity {
                lines.truncate(capacity);
                let end = lines.last_mut().expect("a line");
                while !end.is_empty() && width(&face, &format!("{end}…"), size) > max {
                    end.pop();
                }
                *end = format!("{}…", end.trim_end());
            }
            return TitleLayout { size, lines };
        }
    }
    unreachable!("the last size always returns")
}

/// Greedy word wrap at `size` within `max` units; a word wider than a line is
/// broken between letters.
fn wrap(face: &ttf_parser::Face, text: &str, size: f64, max: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if width(face, &candidate, size) <= max {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for c in word.chars() {
            if !line.is_empty() && width(face, &format!("{line}{c}"), size) > max {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The advance width of `text` at `size`, from the font's horizontal metrics
/// and kerning-free (a little wider than drawn, never narrower in practice).
pub fn width(face: &ttf_parser::Face, text: &str, size: f64) -> f64 {
    let units: u32 = text
        .chars()
        .map(|c| {
            face.glyph_index(c)
                .and_then(|g| face.glyph_hor_advance(g))
                .map_or(u32::from(face.units_per_em()) / 2, u32::from)
        })
        .sum();
    f64::from(units) * size / f64::from(face.units_per_em())
}

fn face(data: &'static [u8]) -> ttf_parser::Face<'static> {
    ttf_parser::Face::parse(data, 0).expect("the shipped font parses")
}

/// The footer's parts (separated by " · ") that fit the card's width, in order.
pub fn fit_footer(footer: &str) -> String {
    let face = face(REGULAR);
    let max = f64::from(WIDTH) - 2.0 * MARGIN;
    let mut fitted = String::new();
    for part in footer.split(" · ") {
        let candidate = if fitted.is_empty() {
            part.to_string()
        } else {
            format!("{fitted} · {part}")
        };
        if width(&face, &candidate, FOOTER_SIZE) > max {
            break;
        }
        fitted = candidate;
    }
    fitted
}

const FOOTER_SIZE: f64 = 30.0;

/// The card's colours, what its SVG paints and its PNG's palette is made of.
const BACKGROUND: [u8; 3] = [0x0f, 0x12, 0x16];
const ACCENT: [u8; 3] = [0x7f, 0xb0, 0xff];
const TITLE: [u8; 3] = [0xe6, 0xe8, 0xeb];
const RULE: [u8; 3] = [0x2b, 0x32, 0x3b];
const FOOTER: [u8; 3] = [0x9a, 0xa4, 0xaf];
/// The colours text is drawn in, each blended into the background at its
/// edges in [`LEVELS`] steps: with the background and the rule, 242 colours.
const TEXT: [[u8; 3]; 3] = [ACCENT, TITLE, FOOTER];
const LEVELS: u16 = 80;

fn hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// The palette: the background, the rule, and each text colour's blends.
fn palette() -> Vec<[u8; 3]> {
    let blend = |fg: [u8; 3], k: u16| {
        std::array::from_fn(|c| {
            let (bg, fg) = (i32::from(BACKGROUND[c]), i32::from(fg[c]));
            (bg + (fg - bg) * i32::from(k) / i32::from(LEVELS)) as u8
        })
    };
    let mut colours = vec![BACKGROUND, RULE];
    for fg in TEXT {
        colours.extend((1..=LEVELS).map(|k| blend(fg, k)));
    }
    colours
}

/// The card as SVG: dark, the site's accent, title in bold.
pub fn svg(card: &Card) -> String {
    let title = layout_title(&card.title);
    let step = title.size * LINE_HEIGHT;
    let mut lines = String::new();
    for (i, line) in title.lines.iter().enumerate() {
        // A line's baseline: its top plus the font's ascent (about 0.93 em).
        let y = TITLE_TOP + step * i as f64 + title.size * 0.93;
        lines.push_str(&format!(
            "<text x=\"{MARGIN}\" y=\"{y:.0}\" font-size=\"{}\" font-weight=\"bold\" fill=\"{}\">{}</text>",
            title.size,
            hex(TITLE),
            escape(line)
        ));
    }
    let [background, accent, rule, footer] = [BACKGROUND, ACCENT, RULE, FOOTER].map(hex);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" font-family=\"{FAMILY}\">\
         <rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"{background}\"/>\
         <rect width=\"14\" height=\"{HEIGHT}\" fill=\"{accent}\"/>\
         <text x=\"{MARGIN}\" y=\"116\" font-size=\"36\" font-weight=\"bold\" fill=\"{accent}\">{}</text>\
         {lines}\
         <rect x=\"{MARGIN}\" y=\"530\" width=\"{}\" height=\"2\" fill=\"{rule}\"/>\
         <text x=\"{MARGIN}\" y=\"584\" font-size=\"{FOOTER_SIZE}\" fill=\"{footer}\">{}</text></svg>",
        escape(&card.site),
        f64::from(WIDTH) - 2.0 * MARGIN,
        escape(&fit_footer(&card.footer))
    )
}

fn options() -> &'static usvg::Options<'static> {
    static OPTIONS: OnceLock<usvg::Options<'static>> = OnceLock::new();
    OPTIONS.get_or_init(|| {
        let mut fonts = usvg::fontdb::Database::new();
        fonts.load_font_data(REGULAR.to_vec());
        fonts.load_font_data(BOLD.to_vec());
        usvg::Options {
            font_family: FAMILY.into(),
            fontdb: Arc::new(fonts),
            ..usvg::Options::default()
        }
    })
}

/// The card's SVG parsed with the shipped fonts (its text laid out).
fn tree(svg: &str) -> Result<usvg::Tree, String> {
    usvg::Tree::from_str(svg, options()).map_err(|e| e.to_string())
}

/// The bounds (left, top, right, bottom) of each text of the card as the
/// renderer lays it out with the shipped fonts.
pub fn text_bounds(svg: &str) -> Result<Vec<[f32; 4]>, String> {
    Ok(tree(svg)?
        .root()
        .children()
        .iter()
        .filter_map(|node| match node {
            usvg::Node::Text(text) => {
                let b = text.abs_bounding_box();
                Some([b.left(), b.top(), b.right(), b.bottom()])
            }
            _ => None,
        })
        .collect())
}

/// The card drawn.
fn draw(svg: &str) -> Result<tiny_skia::Pixmap, String> {
    let tree = tree(svg)?;
    let mut pixmap = tiny_skia::Pixmap::new(WIDTH, HEIGHT).ok_or("no pixmap")?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    Ok(pixmap)
}

/// The card drawn as a PNG.
pub fn png(svg: &str) -> Result<Vec<u8>, String> {
    let pixmap = draw(svg)?;
    // A palette PNG: the card is its background, a rule and text in three
    // colours, so each pixel is one of the palette's colours (the nearest, for
    // a text edge between two of its blends). A byte a pixel where RGB took
    // three: measured on 602 cards, 11 ms a card instead of 18 and 21 KB
    // instead of 30 (BENCHMARKS.md, "Social cards in a palette").
    let colours = palette();
    let mut known: std::collections::HashMap<[u8; 3], u8> = std::collections::HashMap::new();
    let nearest = |rgb: [u8; 3]| -> u8 {
        let distance = |c: &[u8; 3]| -> i32 {
            (0..3)
                .map(|i| (i32::from(c[i]) - i32::from(rgb[i])).pow(2))
                .sum()
        };
        let (i, _) = colours
            .iter()
            .enumerate()
            .min_by_key(|(_, c)| distance(c))
            .expect("a palette");
        i as u8
    };
    let mut indexes = Vec::with_capacity(pixmap.data().len() / 4);
    let mut last = (BACKGROUND, 0u8);
    for pixel in pixmap.data().chunks_exact(4) {
        let rgb = [pixel[0], pixel[1], pixel[2]];
        if rgb != last.0 {
            last = (rgb, *known.entry(rgb).or_insert_with(|| nearest(rgb)));
        }
        indexes.push(last.1);
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, WIDTH, HEIGHT);
    encoder.set_color(png::ColorType::Indexed);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_palette(colours.concat());
    encoder.set_compression(png::Compression::Balanced);
    // No row filter: the rows hold palette numbers, not intensities, which a
    // filter's differences do not make more alike (PNG's own advice for indexed
    // images). 602 cards of a 300 x 2 archive: 10.4 MB instead of 11.6, the
    // same pixels, in the same time.
    encoder.set_filter(png::Filter::NoFilter);
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    writer
        .write_image_data(&indexes)
        .map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(out)
}

/// What the last build wrote for each card, by its path: the card and the
/// name of its file in the cache. Kept between builds by the development
/// server, so that a rebuild neither lays out nor links a card that says the
/// same as last time.
pub type Known = HashMap<String, (Card, String)>;

/// Writes each card to `root/<path>` (a link to its file in `cache`), drawing
/// only those whose SVG is not in `cache` yet; returns how many it drew. With
/// `known` (what the last build wrote), a card as it was is left as it is, and
/// `known` then holds this build's cards.
pub fn write(
    cards: &[(String, Card)],
    root: &Path,
    cache: &Path,
    output: &Output,
    known: Option<&mut Known>,
) -> io::Result<usize> {
    fs::create_dir_all(cache)?;
    let last = known.as_deref();
    let written = parallel_map(cards, |(path, card)| -> io::Result<(String, bool)> {
        if let Some((_, key)) = last.and_then(|k| k.get(path)).filter(|(c, _)| c == card) {
            output.keep(&root.join(path));
            return Ok((key.clone(), false));
        }
        let svg = svg(card);
        let key = crate::digest::file_hash(svg.as_bytes());
        let kept = cache.join(format!("{key}.png"));
        let draw = !kept.exists();
        if draw {
            fs::write(&kept, png(&svg).map_err(io::Error::other)?)?;
        }
        output.link(&kept, &root.join(path))?;
        Ok((key, draw))
    });
    let mut count = 0;
    let mut now = Known::with_capacity(if known.is_some() { cards.len() } else { 0 });
    for ((path, card), result) in cards.iter().zip(written) {
        let (key, drawn) = result?;
        count += usize::from(drawn);
        if known.is_some() {
            now.insert(path.clone(), (card.clone(), key));
        }
    }
    if let Some(known) = known {
        *known = now;
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_title_is_drawn_large_on_one_or_two_lines() {
        let layout = layout_title("LLM Quantization");
        assert_eq!(layout.size, TITLE_SIZES[0]);
        assert_eq!(layout.lines, ["LLM Quantization"]);
    }

    #[test]
    fn a_title_too_long_for_any_size_ends_in_an_ellipsis() {
        let layout = layout_title(&"очень длинный заголовок ".repeat(20));
        assert_eq!(layout.size, *TITLE_SIZES.last().unwrap());
        assert!(layout.lines.last().unwrap().ends_with('…'));
        let max = f64::from(WIDTH) - 2.0 * MARGIN;
        for line in &layout.lines {
            assert!(width(&face(BOLD), line, layout.size) <= max, "{line}");
        }
    }

    #[test]
    fn the_footer_keeps_the_parts_that_fit() {
        let long = "28 августа 2026 г. · Песочницы · Безопасность · Принятие решений · Агенты";
        let fitted = fit_footer(long);
        assert!(
            long.starts_with(&fitted) && fitted.len() < long.len(),
            "{fitted}"
        );
        assert!(!fitted.ends_with(" · "));
        assert_eq!(fit_footer("1 December 2026 · RAG"), "1 December 2026 · RAG");
    }

    #[test]
    fn a_card_is_a_small_png_of_the_right_size() {
        let card = Card {
            site: "Инженерные инсайты".into(),
            title: "Квантизация LLM для продакшен-инференса: INT8, FP8, AWQ и GGUF".into(),
            footer: "18 сентября 2026 г. · Инференс · LLM".into(),
        };
        let png = png(&svg(&card)).unwrap();
        assert_eq!(&png[1..4], b"PNG");
        let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
        let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
        assert_eq!((width, height), (WIDTH, HEIGHT));
        assert!(png.len() <= 100_000, "{} bytes", png.len());
    }

    #[test]
    fn the_palette_keeps_every_pixel_within_a_few_steps_of_the_drawing() {
        let card = Card {
            site: "Engineering Insights".into(),
            title: "Quantizing LLMs for production inference: INT8, FP8, AWQ and GGUF".into(),
            footer: "18 September 2026 · Inference · LLM".into(),
        };
        let svg = svg(&card);
        let drawn = draw(&svg).unwrap();
        let mut decoder = png::Decoder::new(std::io::Cursor::new(png(&svg).unwrap()));
        decoder.set_transformations(png::Transformations::EXPAND);
        let mut reader = decoder.read_info().unwrap();
        let mut rgb = vec![0; reader.output_buffer_size().unwrap()];
        reader.next_frame(&mut rgb).unwrap();
        let worst = drawn
            .data()
            .chunks_exact(4)
            .zip(rgb.chunks_exact(3))
            .map(|(a, b)| (0..3).map(|i| a[i].abs_diff(b[i])).max().unwrap())
            .max()
            .unwrap();
        assert!(worst <= 3, "a pixel off by {worst}");
        let text_pixels = rgb
            .chunks_exact(3)
            .filter(|p| ![BACKGROUND, ACCENT, RULE].iter().any(|c| c == p))
            .count();
        assert!(
            text_pixels > 10_000,
            "the text is drawn: {text_pixels} pixels"
        );
    }

    #[test]
    fn a_card_is_drawn_again_only_when_it_changes() {
        let out = tempfile::tempdir().unwrap();
        let (root, cache) = (out.path().join("root"), out.path().join("cache"));
        let card = |title: &str| Card {
            site: "Engineering Insights".into(),
            title: title.into(),
            footer: "1 December 2026".into(),
        };
        let cards = vec![
            ("cards/en/a.png".to_string(), card("A")),
            ("cards/en/b.png".to_string(), card("B")),
        ];
        let output = Output::new();
        assert_eq!(write(&cards, &root, &cache, &output, None).unwrap(), 2);
        assert!(root.join("cards/en/a.png").is_file());
        assert_eq!(write(&cards, &root, &cache, &output, None).unwrap(), 0);
        let changed = vec![("cards/en/a.png".to_string(), card("A, revised"))];
        assert_eq!(write(&changed, &root, &cache, &output, None).unwrap(), 1);
    }
}
