//! Figures: the files in `content/figures/<slug>/` that an article shows with
//! `![alt](name.svg "caption")` (content/README.md, "Figures").
//!
//! [`FigureSet::load`] checks every file once, before the articles are rendered:
//! an SVG is checked and minified ([`svg`]), a PNG or JPEG probed for its size
//! ([`raster`]). Each served file has a name that carries the hash of what it is
//! made from, so hosts cache everything under `figures/` for a year. Rendering
//! asks the set for a figure's markup; writing encodes the raster widths, each
//! kept in a cache folder by its name, so a rebuild only encodes what changed.

pub mod raster;
pub mod svg;

use crate::digest::file_hash;
use crate::error::{ContentError, ErrorKind};
use crate::escape::escape;
use crate::parallel::parallel_map;
use crate::site::sorted_entries;
use model::Lang;
use raster::Encoding;
use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::Path;
use std::sync::Arc;

/// The folder of `content/` with the figures, one folder per article slug; also
/// the folder of the site root they are served from.
pub const DIR: &str = "figures";

/// The `sizes` of a raster figure: the article column (44rem, style/main.css
/// `--measure`) on a wide screen, the viewport less its margins on a phone.
pub const SIZES: &str = "(min-width: 46rem) 44rem, calc(100vw - 2rem)";

/// One figure file, ready to be shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Its intrinsic size (the largest width served, for a raster).
    pub width: u32,
    pub height: u32,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// A served SVG, by its path from the site root.
    Svg(String),
    /// A PNG or JPEG, at each width as WebP and in its own format.
    Raster(Vec<Variant>),
}

/// One width of a raster figure: the paths of its WebP and fallback files.
#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    pub width: u32,
    pub webp: String,
    pub fallback: String,
}

/// A file the set writes under the site root.
#[derive(Debug, Clone)]
struct Output {
    /// The article whose folder it comes from.
    slug: String,
    path: String,
    data: Data,
}

#[derive(Debug, Clone)]
enum Data {
    Text(String),
    Encode {
        source: Arc<Vec<u8>>,
        width: u32,
        encoding: Encoding,
    },
}

/// Every figure under `content/figures/`, by article slug and file name.
#[derive(Debug, Clone, Default)]
pub struct FigureSet {
    figures: BTreeMap<(String, String), Figure>,
    outputs: Vec<Output>,
}

/// Why a figure named in an article cannot be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// No such file in the article's folder.
    NotFound,
    /// Not a file type the pipeline handles.
    Type,
    /// A language variant named directly (`name.ru.svg`).
    Variant,
}

impl FigureSet {
    /// Whether `other` holds the same figures (what articles are rendered with).
    pub fn same_figures(&self, other: &FigureSet) -> bool {
        self.figures == other.figures
    }

    /// Loads every figure under `content_root/figures`; each problem comes back
    /// with its file and line. No folder means no figures.
    pub fn load(content_root: &Path, errors: &mut Vec<ContentError>) -> FigureSet {
        let dir = content_root.join(DIR);
        if !dir.exists() {
            return FigureSet::default();
        }
        let mut files = Vec::new();
        for article in sorted_entries(&dir, errors)
            .into_iter()
            .filter(|p| p.is_dir())
        {
            let slug = name_of(&article);
            if !model::is_valid_slug(&slug) {
                errors.push(ContentError::new(&article, 1, ErrorKind::BadSlug(slug)));
                continue;
            }
            for file in sorted_entries(&article, errors) {
                files.push((slug.clone(), file));
            }
        }
        let mut set = FigureSet::default();
        for (result, (slug, path)) in parallel_map(&files, |(slug, path)| load_file(slug, path))
            .into_iter()
            .zip(&files)
        {
            match result {
                Ok((figure, mut outputs)) => {
                    set.figures.insert((slug.clone(), name_of(path)), figure);
                    set.outputs.append(&mut outputs);
                }
                Err(mut e) => errors.append(&mut e),
            }
        }
        set
    }

    /// The figure `name` (as the Markdown writes it) of the article `slug` for a
    /// page in `lang`: its `lang` variant (`name.ru.svg`) where there is one.
    pub fn get(&self, slug: &str, name: &str, lang: Lang) -> Result<&Figure, Missing> {
        let (stem, ext) = name.rsplit_once('.').ok_or(Missing::Type)?;
        if !matches!(ext, "svg" | "png" | "jpg" | "jpeg") {
            return Err(Missing::Type);
        }
        if stem
            .rsplit_once('.')
            .is_some_and(|(_, l)| Lang::from_code(l).is_some())
        {
            return Err(Missing::Variant);
        }
        let key = |file: String| (slug.to_string(), file);
        self.figures
            .get(&key(format!("{stem}.{}.{ext}", lang.code())))
            .or_else(|| self.figures.get(&key(name.to_string())))
            .ok_or(Missing::NotFound)
    }

    /// Writes the served files of the articles `published` keeps under `root`
    /// (the site root's folder): a draft's figures, or a folder no article owns,
    /// never reach a release. Encoded raster files come from `cache` when there.
    /// Returns how many files it wrote.
    pub fn write(
        &self,
        root: &Path,
        cache: &Path,
        published: impl Fn(&str) -> bool,
        written: &crate::output::Output,
    ) -> io::Result<usize> {
        fs::create_dir_all(cache)?;
        let outputs: Vec<&Output> = self.outputs.iter().filter(|o| published(&o.slug)).collect();
        for result in parallel_map(&outputs, |output| {
            write_output(output, root, cache, written)
        }) {
            result?;
        }
        Ok(outputs.len())
    }
}

fn write_output(
    output: &Output,
    root: &Path,
    cache: &Path,
    written: &crate::output::Output,
) -> io::Result<()> {
    let target = root.join(&output.path);
    match &output.data {
        Data::Text(text) => written.write(&target, text.as_bytes()),
        Data::Encode {
            source,
            width,
            encoding,
        } => {
            // The name carries the hash of the source, the width and the format.
            let kept = cache.join(output.path.replace('/', "_"));
            if !kept.exists() {
                let bytes = raster::encode(source, *width, *encoding).map_err(io::Error::other)?;
                fs::write(&kept, bytes)?;
            }
            written.link(&kept, &target)
        }
    }
}

/// One figure file: the figure and the files it is served as.
fn load_file(slug: &str, path: &Path) -> Result<(Figure, Vec<Output>), Vec<ContentError>> {
    let file = name_of(path);
    let error =
        |line: usize, message: String| ContentError::new(path, line, ErrorKind::Figure(message));
    let (stem, ext) = file
        .rsplit_once('.')
        .ok_or_else(|| vec![error(1, unhandled(&file))])?;
    let bytes = fs::read(path)
        .map_err(|e| vec![ContentError::new(path, 1, ErrorKind::Io(e.to_string()))])?;
    let folder = format!("{DIR}/{slug}");
    match ext {
        "svg" => {
            let source =
                String::from_utf8(bytes).map_err(|_| vec![error(1, "not UTF-8 text".into())])?;
            let svg = svg::process(&source).map_err(|e| {
                e.into_iter()
                    .map(|(line, m)| error(line, m))
                    .collect::<Vec<_>>()
            })?;
            let served = format!("{folder}/{stem}-{}.svg", file_hash(svg.text.as_bytes()));
            Ok((
                Figure {
                    width: svg.width,
                    height: svg.height,
                    source: Source::Svg(served.clone()),
                },
                vec![Output {
                    slug: slug.to_string(),
                    path: served,
                    data: Data::Text(svg.text),
                }],
            ))
        }
        "png" | "jpg" | "jpeg" => {
            let (format, w, h) = raster::probe(&bytes).map_err(|m| vec![error(1, m)])?;
            let digest = file_hash(&bytes);
            let source = Arc::new(bytes);
            let mut variants = Vec::new();
            let mut outputs = Vec::new();
            for width in raster::widths(w) {
                let mut paths = [Encoding::WebP, Encoding::Fallback(format)].map(|encoding| {
                    let path =
                        format!("{folder}/{stem}-{width}w-{digest}.{}", encoding.extension());
                    outputs.push(Output {
                        slug: slug.to_string(),
                        path: path.clone(),
                        data: Data::Encode {
                            source: Arc::clone(&source),
                            width,
                            encoding,
                        },
                    });
                    path
                });
                variants.push(Variant {
                    width,
                    webp: std::mem::take(&mut paths[0]),
                    fallback: std::mem::take(&mut paths[1]),
                });
            }
            let largest = variants.last().map_or(w, |v| v.width);
            Ok((
                Figure {
                    width: largest,
                    height: raster::height_at(w, h, largest),
                    source: Source::Raster(variants),
                },
                outputs,
            ))
        }
        _ => Err(vec![error(1, unhandled(&file))]),
    }
}

fn unhandled(file: &str) -> String {
    format!("{file}: figures are .svg, .png or .jpg files")
}

fn name_of(path: &Path) -> String {
    path.file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

/// How a figure is placed on the page.
pub struct Placement<'a> {
    /// The alt text, plain.
    pub alt: &'a str,
    /// The caption with its label ("Figure 2."), if the figure has one.
    pub caption: Option<(String, &'a str)>,
    /// The site's path prefix.
    pub base: &'a str,
    /// In the first screen: loaded at once rather than when scrolled near.
    pub eager: bool,
}

/// The `<figure>` markup of `figure`: the image, linked to its full-size file,
/// and the caption.
pub fn html(figure: &Figure, at: &Placement) -> String {
    let base = at.base;
    let loading = if at.eager { "" } else { " loading=\"lazy\"" };
    let common = format!(
        "alt=\"{}\" width=\"{}\" height=\"{}\"{loading} decoding=\"async\"",
        escape(at.alt),
        figure.width,
        figure.height
    );
    let (full, image) = match &figure.source {
        Source::Svg(path) => (
            path.as_str(),
            format!("<img src=\"{base}/{path}\" {common}>"),
        ),
        Source::Raster(variants) => {
            let set = |pick: fn(&Variant) -> &str| {
                variants
                    .iter()
                    .map(|v| format!("{base}/{} {}w", pick(v), v.width))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let largest = variants.last().map_or("", |v| v.fallback.as_str());
            (
                largest,
                format!(
                    "<picture><source type=\"image/webp\" srcset=\"{}\" sizes=\"{SIZES}\">\
                     <img src=\"{base}/{largest}\" srcset=\"{}\" sizes=\"{SIZES}\" {common}></picture>",
                    set(|v| &v.webp),
                    set(|v| &v.fallback)
                ),
            )
        }
    };
    let caption = at.caption.as_ref().map_or(String::new(), |(label, text)| {
        format!(
            "<figcaption><span class=\"figure-label\">{}</span> {}</figcaption>",
            escape(label),
            escape(text)
        )
    });
    // The image opens the figure at full size: on a phone, where a diagram
    // scrolls sideways (style/main.css), a reader can zoom into it.
    format!(
        "<figure><a href=\"{base}/{full}\" class=\"figure-link\">{image}</a>{caption}</figure>\n"
    )
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A figure folder with `files` (name, bytes) for the article `slug`.
    pub fn content_with(slug: &str, files: &[(&str, Vec<u8>)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join(DIR).join(slug);
        fs::create_dir_all(&folder).unwrap();
        for (name, bytes) in files {
            fs::write(folder.join(name), bytes).unwrap();
        }
        dir
    }

    pub const SVG: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 600 300\"><text font-size=\"16\">Cache</text></svg>";
    pub const SVG_RU: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 600 320\"><text font-size=\"16\">Кеш</text></svg>";

    pub fn png(w: u32, h: u32) -> Vec<u8> {
        raster::tests::png(w, h)
    }

    #[test]
    fn language_variants_are_picked_for_their_language() {
        let dir = content_with(
            "a",
            &[("flow.svg", SVG.into()), ("flow.ru.svg", SVG_RU.into())],
        );
        let mut errors = Vec::new();
        let set = FigureSet::load(dir.path(), &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        let en = set.get("a", "flow.svg", Lang::En).unwrap();
        let ru = set.get("a", "flow.svg", Lang::Ru).unwrap();
        assert_eq!((en.width, en.height), (600, 300));
        assert_eq!((ru.width, ru.height), (600, 320));
        let (Source::Svg(en), Source::Svg(ru)) = (&en.source, &ru.source) else {
            panic!("svg");
        };
        assert!(
            en.starts_with("figures/a/flow-") && en.ends_with(".svg"),
            "{en}"
        );
        assert!(ru.starts_with("figures/a/flow.ru-"), "{ru}");
        assert_eq!(set.get("a", "flow.ru.svg", Lang::Ru), Err(Missing::Variant));
        assert_eq!(set.get("a", "other.svg", Lang::En), Err(Missing::NotFound));
        assert_eq!(set.get("b", "flow.svg", Lang::En), Err(Missing::NotFound));
        assert_eq!(set.get("a", "flow.gif", Lang::En), Err(Missing::Type));
    }

    #[test]
    fn bad_files_are_errors_with_file_and_line() {
        let dir = content_with(
            "a",
            &[
                ("anim.gif", b"GIF89a".to_vec()),
                ("broken.png", b"not a png".to_vec()),
                (
                    "dark.svg",
                    b"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">\n<rect fill=\"#000\"/></svg>".to_vec(),
                ),
            ],
        );
        let mut errors = Vec::new();
        FigureSet::load(dir.path(), &mut errors);
        let found: Vec<(String, usize)> =
            errors.iter().map(|e| (name_of(&e.path), e.line)).collect();
        assert_eq!(
            found,
            [
                ("anim.gif".to_string(), 1),
                ("broken.png".to_string(), 1),
                ("dark.svg".to_string(), 2)
            ],
            "{errors:?}"
        );
    }

    #[test]
    fn raster_figures_are_written_at_each_width_once() {
        let dir = content_with("a", &[("shot.png", png(1000, 500))]);
        let mut errors = Vec::new();
        let set = FigureSet::load(dir.path(), &mut errors);
        let figure = set.get("a", "shot.png", Lang::Ru).unwrap();
        assert_eq!((figure.width, figure.height), (1000, 500));
        let Source::Raster(variants) = &figure.source else {
            panic!("raster");
        };
        let widths: Vec<u32> = variants.iter().map(|v| v.width).collect();
        assert_eq!(widths, [480, 960, 1000]);
        let out = tempfile::tempdir().unwrap();
        let (root, cache) = (out.path().join("root"), out.path().join("cache"));
        assert_eq!(
            set.write(&root, &cache, |_| true, &crate::output::Output::new())
                .unwrap(),
            6
        );
        for v in variants {
            let (_, w, _) = raster::probe(&fs::read(root.join(&v.fallback)).unwrap()).unwrap();
            assert_eq!(w, v.width);
            assert!(root.join(&v.webp).is_file());
        }
        // A second build takes the encoded files from the cache: replace one kept
        // file and see it copied rather than encoded again.
        let kept = cache.join(variants[0].webp.replace('/', "_"));
        fs::write(&kept, b"kept").unwrap();
        set.write(&root, &cache, |_| true, &crate::output::Output::new())
            .unwrap();
        assert_eq!(fs::read(root.join(&variants[0].webp)).unwrap(), b"kept");
        // Nothing of an article left out of the build.
        let other = tempfile::tempdir().unwrap();
        assert_eq!(
            set.write(
                other.path(),
                &cache,
                |slug| slug != "a",
                &crate::output::Output::new()
            )
            .unwrap(),
            0
        );
        assert!(!other.path().join(DIR).exists());
    }

    #[test]
    fn markup_has_sizes_dimensions_and_lazy_loading() {
        let dir = content_with(
            "a",
            &[("shot.jpg", jpeg(2000, 1000)), ("flow.svg", SVG.into())],
        );
        let set = FigureSet::load(dir.path(), &mut Vec::new());
        let at = Placement {
            alt: "A \"quoted\" <b>alt</b>",
            caption: Some(("Figure 1.".into(), "The flow")),
            base: "/insights",
            eager: false,
        };
        let html = html(set.get("a", "shot.jpg", Lang::En).unwrap(), &at);
        assert!(
            html.starts_with("<figure><a href=\"/insights/figures/a/shot-1440w-"),
            "{html}"
        );
        assert!(html.contains(".jpg\" class=\"figure-link\"><picture><source type=\"image/webp\" srcset=\"/insights/figures/a/shot-480w-"), "{html}");
        assert!(
            html.contains(".webp 480w, /insights/figures/a/shot-960w-"),
            "{html}"
        );
        assert!(html.contains(&format!("sizes=\"{SIZES}\"")), "{html}");
        assert!(
            html.contains("<img src=\"/insights/figures/a/shot-1440w-"),
            "{html}"
        );
        assert!(html.contains(".jpg 1440w\""), "{html}");
        assert!(html.contains("alt=\"A &quot;quoted&quot; &lt;b&gt;alt&lt;/b&gt;\" width=\"1440\" height=\"720\" loading=\"lazy\" decoding=\"async\">"), "{html}");
        assert!(html.ends_with("</picture></a><figcaption><span class=\"figure-label\">Figure 1.</span> The flow</figcaption></figure>\n"), "{html}");
        let eager = Placement {
            eager: true,
            caption: None,
            ..at
        };
        let svg = self::html(set.get("a", "flow.svg", Lang::En).unwrap(), &eager);
        assert!(
            svg.starts_with("<figure><a href=\"/insights/figures/a/flow-"),
            "{svg}"
        );
        assert!(
            svg.contains("class=\"figure-link\"><img src=\"/insights/figures/a/flow-"),
            "{svg}"
        );
        assert!(
            svg.contains("width=\"600\" height=\"300\" decoding=\"async\">"),
            "{svg}"
        );
        assert!(!svg.contains("figcaption"));
    }

    fn jpeg(w: u32, h: u32) -> Vec<u8> {
        let image = image::RgbImage::from_fn(w, h, |x, _| image::Rgb([(x % 256) as u8, 90, 160]));
        let mut out = Vec::new();
        image::DynamicImage::ImageRgb8(image)
            .write_to(&mut io::Cursor::new(&mut out), image::ImageFormat::Jpeg)
            .unwrap();
        out
    }
}
