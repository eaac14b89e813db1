//! Social cards: the picture a messenger or a social network shows for a shared
//! link (`og:image`), one per article page and one per language's index, drawn
//! at build time with the fonts in `pipeline/fonts` (DejaVu Sans, which has
//! Cyrillic; its licence is beside it) and written as a 1200×630 palette PNG to
//! the path [`model::paths::card`] gives.
//!
//! The title is wrapped by the fonts' own advances and kerning, at the largest
//! size at which it fits the card, so a long Russian title wraps and never
//! overflows; the same advances place the glyphs, so a line is drawn exactly as
//! wide as it was measured. Each glyph's outline is rasterised with its exact
//! coverage (`ab_glyph`) straight into the palette's blends of the text's
//! colour: no picture in RGB is drawn and then matched to the palette. A card is
//! drawn only when what it draws changed: each PNG is kept in the build's cache
//! folder under the hash of its [`Shape`]s.

use crate::output::Output;
use crate::parallel::parallel_map;
use ab_glyph::{point, Font, FontRef, GlyphId, PxScale, ScaleFont};
use std::cell::RefCell;
use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::Path;
use std::rc::Rc;
use std::sync::OnceLock;

/// The card's size, the one Open Graph and X draw large.
pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

/// Left and right margin of the text.
const MARGIN: f32 = 88.0;
/// Where the title's area begins and ends (its lines' tops and bottoms).
const TITLE_TOP: f32 = 176.0;
const TITLE_BOTTOM: f32 = 500.0;
/// Title sizes (pixels per em), tried largest first; the last one also truncates.
const TITLE_SIZES: &[f32] = &[68.0, 60.0, 54.0, 48.0, 42.0];
const LINE_HEIGHT: f32 = 1.18;
const SITE_SIZE: f32 = 36.0;
const FOOTER_SIZE: f32 = 30.0;

/// Bumped when the same [`Shape`]s would be drawn or encoded differently, so
/// that a build does not keep the cards an older drawing left in its cache.
const DRAWING: &str = "glyph coverage into the palette, 2";

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
    pub size: f32,
    pub lines: Vec<String>,
}

/// The card's two faces, parsed once.
struct Fonts {
    regular: FontRef<'static>,
    bold: FontRef<'static>,
}

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| {
        let parse =
            |data: &'static [u8]| FontRef::try_from_slice(data).expect("the shipped font parses");
        Fonts {
            regular: parse(include_bytes!("../fonts/DejaVuSans.ttf")),
            bold: parse(include_bytes!("../fonts/DejaVuSans-Bold.ttf")),
        }
    })
}

impl Fonts {
    fn face(&self, bold: bool) -> &FontRef<'static> {
        if bold {
            &self.bold
        } else {
            &self.regular
        }
    }
}

/// `ab_glyph` scales a font by the height of its ascent and descent; a size in
/// pixels per em, as CSS and SVG give it, is that much smaller.
fn scale(font: &FontRef, size: f32) -> PxScale {
    let em = font.units_per_em().expect("the shipped font has an em");
    PxScale::from(size * font.height_unscaled() / em)
}

/// Each glyph of `text` at `size` with its pen position from the line's start
/// (advances and the font's kerning), and the line's whole advance.
fn place(font: &FontRef, text: &str, size: f32) -> (Vec<(GlyphId, f32)>, f32) {
    let scaled = font.as_scaled(scale(font, size));
    let mut pen = 0.0;
    let mut previous = None;
    let glyphs = text
        .chars()
        .map(|c| {
            let id = font.glyph_id(c);
            if let Some(previous) = previous {
                pen += scaled.kern(previous, id);
            }
            let at = pen;
            pen += scaled.h_advance(id);
            previous = Some(id);
            (id, at)
        })
        .collect();
    (glyphs, pen)
}

/// The advance width of `text` at `size`: how far its glyphs are drawn.
fn width(font: &FontRef, text: &str, size: f32) -> f32 {
    place(font, text, size).1
}

/// The title at the largest size whose lines all fit the title area; at the
/// smallest size, what does not fit ends in an ellipsis.
pub fn layout_title(title: &str) -> TitleLayout {
    let face = &fonts().bold;
    let max = WIDTH as f32 - 2.0 * MARGIN;
    for (i, &size) in TITLE_SIZES.iter().enumerate() {
        let capacity = ((TITLE_BOTTOM - TITLE_TOP) / (size * LINE_HEIGHT)).floor() as usize;
        let mut lines = wrap(face, title, size, max);
        let last = i + 1 == TITLE_SIZES.len();
        if lines.len() <= capacity || last {
            if lines.len() > capacity {
                lines.truncate(capacity);
                let end = lines.last_mut().expect("a line");
                while !end.is_empty() && width(face, &format!("{end}…"), size) > max {
                    end.pop();
                }
                *end = format!("{}…", end.trim_end());
            }
            return TitleLayout { size, lines };
        }
    }
    unreachable!("the last size always returns")
}

/// Greedy word wrap at `size` within `max` pixels; a word wider than a line is
/// broken between letters.
fn wrap(face: &FontRef, text: &str, size: f32, max: f32) -> Vec<String> {
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

/// The footer's parts (separated by " · ") that fit the card's width, in order.
pub fn fit_footer(footer: &str) -> String {
    let face = &fonts().regular;
    let max = WIDTH as f32 - 2.0 * MARGIN;
    let mut fitted = String::new();
    for part in footer.split(" · ") {
        let candidate = if fitted.is_empty() {
            part.to_string()
        } else {
            format!("{fitted} · {part}")
        };
        if width(face, &candidate, FOOTER_SIZE) > max {
            break;
        }
        fitted = candidate;
    }
    fitted
}

/// The card's colours, what its PNG's palette is made of.
const BACKGROUND: [u8; 3] = [0x0f, 0x12, 0x16];
const ACCENT: [u8; 3] = [0x7f, 0xb0, 0xff];
const TITLE: [u8; 3] = [0xe6, 0xe8, 0xeb];
const RULE: [u8; 3] = [0x2b, 0x32, 0x3b];
const FOOTER: [u8; 3] = [0x9a, 0xa4, 0xaf];
/// The colours text is drawn in, each blended into the background at its
/// edges in [`LEVELS`] steps: with the background and the rule, 98 colours.
/// Thirty-two steps look the same as eighty (compared side by side, enlarged)
/// and make a card about a sixth smaller.
const TEXT: [[u8; 3]; 3] = [ACCENT, TITLE, FOOTER];
const LEVELS: u8 = 32;

/// A colour of the card: its number in the palette.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Colour(u8);

impl Colour {
    const BACKGROUND: Colour = Colour(0);
    const RULE: Colour = Colour(1);
    /// Text colour `text` (an index of [`TEXT`]) over the background at
    /// `level` of [`LEVELS`] (1 to `LEVELS`, the last its full colour).
    const fn text(text: u8, level: u8) -> Colour {
        Colour(2 + text * LEVELS + level - 1)
    }
}

/// The text colours' numbers in [`TEXT`].
const ACCENT_TEXT: u8 = 0;
const TITLE_TEXT: u8 = 1;
const FOOTER_TEXT: u8 = 2;

/// The palette, in [`Colour`]'s numbering: the background, the rule, and each
/// text colour's blends into the background.
fn palette() -> Vec<[u8; 3]> {
    let blend = |fg: [u8; 3], k: u8| {
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

/// What a card draws over its background, in pixels.
#[derive(Debug, Clone, PartialEq)]
enum Shape {
    Rect {
        x: u32,
        y: u32,
        width: u32,
        height: u32,
        colour: Colour,
    },
    /// A line of text from `x` on its baseline, in one of [`TEXT`].
    Text {
        x: f32,
        baseline: f32,
        size: f32,
        bold: bool,
        text: u8,
        line: String,
    },
}

/// The card laid out: dark, the site's accent, title in bold.
fn shapes(card: &Card) -> Vec<Shape> {
    let title = layout_title(&card.title);
    let step = title.size * LINE_HEIGHT;
    let mut shapes = vec![
        Shape::Rect {
            x: 0,
            y: 0,
            width: 14,
            height: HEIGHT,
            colour: Colour::text(ACCENT_TEXT, LEVELS),
        },
        Shape::Text {
            x: MARGIN,
            baseline: 116.0,
            size: SITE_SIZE,
            bold: true,
            text: ACCENT_TEXT,
            line: card.site.clone(),
        },
    ];
    shapes.extend(title.lines.iter().enumerate().map(|(i, line)| Shape::Text {
        x: MARGIN,
        // A line's baseline: its top plus the font's ascent (about 0.93 em).
        baseline: (TITLE_TOP + step * i as f32 + title.size * 0.93).round(),
        size: title.size,
        bold: true,
        text: TITLE_TEXT,
        line: line.clone(),
    }));
    shapes.extend([
        Shape::Rect {
            x: MARGIN as u32,
            y: 530,
            width: WIDTH - 2 * MARGIN as u32,
            height: 2,
            colour: Colour::RULE,
        },
        Shape::Text {
            x: MARGIN,
            baseline: 584.0,
            size: FOOTER_SIZE,
            bold: false,
            text: FOOTER_TEXT,
            line: fit_footer(&card.footer),
        },
    ]);
    shapes
}

/// A glyph drawn once: where its box begins from the pen on the baseline, in
/// whole pixels, and its coverage row by row.
struct Stamp {
    left: i64,
    top: i64,
    width: usize,
    coverage: Vec<f32>,
}

/// Pens are placed to a quarter of a pixel, so that each glyph is rasterised
/// once per size and quarter (on each thread) and then only copied: a card's
/// lines repeat few glyphs, but 20,000 cards repeat them all.
const QUARTERS: f32 = 4.0;

/// A stamp's key: the face (bold or not), the size's bits, the glyph and the
/// quarter of a pixel its pen is at.
type StampKey = (bool, u32, GlyphId, u8);

thread_local! {
    static STAMPS: RefCell<HashMap<StampKey, Option<Rc<Stamp>>>> = RefCell::new(HashMap::new());
}

/// The glyph's stamp, rasterised on first use (none for a glyph with no
/// outline, such as a space).
fn stamp(bold: bool, size: f32, id: GlyphId, quarter: u8) -> Option<Rc<Stamp>> {
    STAMPS.with_borrow_mut(|stamps| {
        stamps
            .entry((bold, size.to_bits(), id, quarter))
            .or_insert_with(|| {
                let font = fonts().face(bold);
                let at = point(f32::from(quarter) / QUARTERS, 0.0);
                let glyph =
                    font.outline_glyph(id.with_scale_and_position(scale(font, size), at))?;
                let bounds = glyph.px_bounds();
                let width = bounds.width() as usize;
                let mut coverage = vec![0.0; width * bounds.height() as usize];
                glyph.draw(|x, y, c| coverage[y as usize * width + x as usize] = c);
                Some(Rc::new(Stamp {
                    left: bounds.min.x as i64,
                    top: bounds.min.y as i64,
                    width,
                    coverage,
                }))
            })
            .clone()
    })
}

/// A line's glyphs as stamps and the pixels where each stamp's box begins.
fn stamps(x: f32, baseline: f32, size: f32, bold: bool, line: &str) -> Vec<(i64, i64, Rc<Stamp>)> {
    let font = fonts().face(bold);
    place(font, line, size)
        .0
        .into_iter()
        .filter_map(|(id, pen)| {
            let at = ((x + pen) * QUARTERS).round() / QUARTERS;
            let whole = at.floor();
            let quarter = ((at - whole) * QUARTERS) as u8;
            let stamp = stamp(bold, size, id, quarter)?;
            Some((
                whole as i64 + stamp.left,
                baseline.round() as i64 + stamp.top,
                stamp,
            ))
        })
        .collect()
}

/// The pixels a line's stamps cover (left, top, right, bottom), if any.
fn bounds(stamps: &[(i64, i64, Rc<Stamp>)]) -> Option<[i64; 4]> {
    stamps
        .iter()
        .map(|(x, y, s)| {
            [
                *x,
                *y,
                x + s.width as i64,
                y + (s.coverage.len() / s.width) as i64,
            ]
        })
        .reduce(|a, b| {
            [
                a[0].min(b[0]),
                a[1].min(b[1]),
                a[2].max(b[2]),
                a[3].max(b[3]),
            ]
        })
}

/// The pixels each line of text covers when drawn: left, top, right, bottom.
pub fn text_bounds(card: &Card) -> Vec<[i64; 4]> {
    shapes(card)
        .iter()
        .filter_map(|shape| match shape {
            Shape::Text {
                x,
                baseline,
                size,
                bold,
                line,
                ..
            } => bounds(&stamps(*x, *baseline, *size, *bold, line)),
            Shape::Rect { .. } => None,
        })
        .collect()
}

/// The card drawn: a palette number per pixel, row by row. Texts are drawn
/// into the background (none overlaps a rectangle): a pixel takes the blend
/// nearest its coverage, the coverage of neighbouring glyphs summed.
fn draw(shapes: &[Shape]) -> Vec<u8> {
    let (w, h) = (WIDTH as usize, HEIGHT as usize);
    let mut pixels = vec![Colour::BACKGROUND.0; w * h];
    for shape in shapes {
        match shape {
            Shape::Rect {
                x,
                y,
                width,
                height,
                colour,
            } => {
                let (x, width) = (*x as usize, *width as usize);
                for row in (*y as usize..(y + height) as usize).take_while(|&r| r < h) {
                    let start = row * w + x.min(w);
                    pixels[start..row * w + (x + width).min(w)].fill(colour.0);
                }
            }
            Shape::Text {
                x,
                baseline,
                size,
                bold,
                text,
                line,
            } => {
                let stamps = stamps(*x, *baseline, *size, *bold, line);
                let Some([left, top, right, bottom]) = bounds(&stamps) else {
                    continue;
                };
                // The line's box within the card, and its glyphs' coverage in it.
                let clamp = |v: i64, max: usize| (v.max(0) as usize).min(max);
                let (left, top) = (clamp(left, w), clamp(top, h));
                let (right, bottom) = (clamp(right, w), clamp(bottom, h));
                let span = right - left;
                let mut coverage = vec![0f32; span * (bottom - top)];
                for (sx, sy, stamp) in &stamps {
                    for (row, cover) in stamp.coverage.chunks_exact(stamp.width).enumerate() {
                        let y = sy + row as i64;
                        if y < top as i64 || y >= bottom as i64 {
                            continue;
                        }
                        let line = &mut coverage[(y as usize - top) * span..][..span];
                        for (i, c) in cover.iter().enumerate() {
                            let x = sx + i as i64;
                            if x >= left as i64 && x < right as i64 {
                                line[x as usize - left] += c;
                            }
                        }
                    }
                }
                for (row, cover) in (top..bottom).zip(coverage.chunks_exact(span.max(1))) {
                    let pixels = &mut pixels[row * w + left..row * w + right];
                    for (pixel, c) in pixels.iter_mut().zip(cover) {
                        let level = (c.min(1.0) * f32::from(LEVELS) + 0.5) as u8;
                        if level > 0 {
                            *pixel = Colour::text(*text, level).0;
                        }
                    }
                }
            }
        }
    }
    pixels
}

/// The name a card is kept under in the cache: the hash of what it draws.
fn key(shapes: &[Shape]) -> String {
    crate::digest::file_hash(format!("{DRAWING}\n{shapes:?}").as_bytes())
}

/// A palette PNG of the card's pixels.
fn encode(pixels: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, WIDTH, HEIGHT);
    encoder.set_color(png::ColorType::Indexed);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_palette(palette().concat());
    // zlib's level 5: a quarter less time than its default (6), files 0.5 %
    // larger (300 cards: 1.41 ms and 22.1 KB a card against 1.86 ms and 22.0 KB).
    encoder.set_deflate_compression(png::DeflateCompression::Level(5));
    // No row filter: the rows hold palette numbers, not intensities, which a
    // filter's differences do not make more alike (PNG's own advice for indexed
    // images). 602 cards of a 300 x 2 archive: 10.4 MB instead of 11.6, the
    // same pixels, in the same time.
    encoder.set_filter(png::Filter::NoFilter);
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    writer.write_image_data(pixels).map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(out)
}

/// What the last build wrote for each card, by its path: the card and the
/// name of its file in the cache. Kept between builds by the development
/// server, so that a rebuild neither lays out nor links a card that says the
/// same as last time.
pub type Known = HashMap<String, (Card, String)>;

/// Writes each card to `root/<path>` (a link to its file in `cache`), drawing
/// only those whose shapes are not in `cache` yet; returns how many it drew.
/// With `known` (what the last build wrote), a card as it was is left as it is,
/// and `known` then holds this build's cards.
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
        let shapes = shapes(card);
        let key = key(&shapes);
        let kept = cache.join(format!("{key}.png"));
        let drawn = !kept.exists();
        if drawn {
            fs::write(&kept, encode(&draw(&shapes)).map_err(io::Error::other)?)?;
        }
        output.link(&kept, &root.join(path))?;
        Ok((key, drawn))
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

    /// The card drawn as a PNG, as [`write`] draws it.
    fn png(card: &Card) -> Result<Vec<u8>, String> {
        encode(&draw(&shapes(card)))
    }

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
        let max = WIDTH as f32 - 2.0 * MARGIN;
        for line in &layout.lines {
            assert!(width(&fonts().bold, line, layout.size) <= max, "{line}");
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
    fn kerning_draws_a_pair_closer_than_its_advances() {
        let font = &fonts().bold;
        let apart = width(font, "A", 68.0) + width(font, "V", 68.0);
        assert!(width(font, "AV", 68.0) < apart - 2.0);
    }

    fn ru() -> Card {
        Card {
            site: "Инженерные инсайты".into(),
            title: "Квантизация LLM для продакшен-инференса: INT8, FP8, AWQ и GGUF".into(),
            footer: "18 сентября 2026 г. · Инференс · LLM".into(),
        }
    }

    fn en() -> Card {
        Card {
            site: "Engineering Insights".into(),
            title: "Quantizing LLMs for production inference: INT8, FP8, AWQ and GGUF".into(),
            footer: "18 September 2026 · Inference · LLM".into(),
        }
    }

    /// The PNG decoded to a colour a pixel.
    fn decode(png: &[u8]) -> Vec<[u8; 3]> {
        let mut decoder = png::Decoder::new(std::io::Cursor::new(png));
        decoder.set_transformations(png::Transformations::EXPAND);
        let mut reader = decoder.read_info().unwrap();
        let mut rgb = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut rgb).unwrap();
        assert_eq!((info.width, info.height), (WIDTH, HEIGHT));
        rgb.chunks_exact(3).map(|p| [p[0], p[1], p[2]]).collect()
    }

    #[test]
    fn a_card_is_a_small_png_of_the_right_size() {
        let png = png(&ru()).unwrap();
        assert_eq!(&png[1..4], b"PNG");
        let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
        let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
        assert_eq!((width, height), (WIDTH, HEIGHT));
        assert!(png.len() <= 100_000, "{} bytes", png.len());
    }

    #[test]
    fn the_png_shows_the_bar_the_rule_and_each_text_in_its_colour_and_nothing_else() {
        let card = en();
        let pixels = decode(&png(&card).unwrap());
        let at = |x: usize, y: usize| pixels[y * WIDTH as usize + x];
        assert_eq!(at(5, 300), ACCENT, "the bar");
        assert_eq!(at(600, 531), RULE, "the rule");
        assert_eq!(at(WIDTH as usize - 1, 0), BACKGROUND);
        let texts = text_bounds(&card);
        let lines = layout_title(&card.title).lines.len();
        assert_eq!(
            texts.len(),
            lines + 2,
            "the site, the title's lines, the footer"
        );
        let colours = std::iter::once(ACCENT)
            .chain(std::iter::repeat_n(TITLE, lines))
            .chain([FOOTER]);
        let blends: Vec<[u8; 3]> = palette();
        for ([left, top, right, bottom], colour) in texts.iter().zip(colours) {
            let inside: Vec<[u8; 3]> = (*top as usize..*bottom as usize)
                .flat_map(|y| (*left as usize..*right as usize).map(move |x| (x, y)))
                .map(|(x, y)| at(x, y))
                .collect();
            // Solid strokes in the text's own colour, and edges in its blends.
            let solid = inside.iter().filter(|p| **p == colour).count();
            assert!(
                solid * 10 > inside.len(),
                "{colour:?}: {solid} of {}",
                inside.len()
            );
            let text = TEXT.iter().position(|c| *c == colour).unwrap();
            let own = &blends[2 + text * LEVELS as usize..][..LEVELS as usize];
            let edges: std::collections::HashSet<_> = inside
                .iter()
                .filter(|p| own.contains(p) && **p != colour)
                .collect();
            assert!(
                edges.len() >= LEVELS as usize / 2,
                "{colour:?}: {} blends",
                edges.len()
            );
            assert!(inside.iter().all(|p| *p == BACKGROUND || own.contains(p)));
        }
        // Outside the texts, the bar and the rule: only the background.
        let outside = |x: usize, y: usize| {
            x >= 14
                && !(530..532).contains(&y)
                && !texts.iter().any(|[l, t, r, b]| {
                    (*l..*r).contains(&(x as i64)) && (*t..*b).contains(&(y as i64))
                })
        };
        for y in 0..HEIGHT as usize {
            for x in (0..WIDTH as usize).filter(|&x| outside(x, y)) {
                assert_eq!(at(x, y), BACKGROUND, "({x}, {y})");
            }
        }
    }

    #[test]
    fn a_card_is_drawn_alike_whatever_glyphs_were_drawn_before() {
        let fresh = std::thread::spawn(|| png(&en()).unwrap()).join().unwrap();
        png(&ru()).unwrap();
        png(&Card {
            title: "Quantizing, quantized: a quantizer's queue".into(),
            ..en()
        })
        .unwrap();
        assert_eq!(png(&en()).unwrap(), fresh);
    }

    #[test]
    fn a_card_is_kept_under_what_it_draws() {
        let key = |card: &Card| key(&shapes(card));
        assert_eq!(key(&en()), key(&en()));
        assert_ne!(key(&en()), key(&ru()));
        // A footer's part that does not fit changes nothing that is drawn.
        let longer = Card {
            footer: format!("{} · {}", en().footer, "x".repeat(200)),
            ..en()
        };
        assert_eq!(key(&longer), key(&en()));
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
