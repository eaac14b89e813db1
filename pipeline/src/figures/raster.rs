//! PNG and JPEG figures: the widths a page needs, each encoded as lossy WebP
//! and in the source's own format for browsers without WebP.

use image::imageops::FilterType;
use image::{ImageFormat, ImageReader};
use std::io::Cursor;

/// The widths a figure is served at (CSS pixels × density): a phone at 1×–3×
/// and the article column (44rem) at 1× and 2×.
pub const WIDTHS: &[u32] = &[480, 960, 1440];

/// WebP quality (0–100): visually lossless for screenshots and photos.
const WEBP_QUALITY: f32 = 80.0;

/// JPEG quality of the fallback.
const JPEG_QUALITY: u8 = 82;

/// A raster source's format, which its fallback keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Png,
    Jpeg,
}

impl Format {
    /// The file extension of the fallback.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::Jpeg => "jpg",
        }
    }
}

/// What a served file is encoded as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    WebP,
    Fallback(Format),
}

impl Encoding {
    pub fn extension(self) -> &'static str {
        match self {
            Encoding::WebP => "webp",
            Encoding::Fallback(f) => f.extension(),
        }
    }
}

/// The format and size of a source, read from its header only.
pub fn probe(bytes: &[u8]) -> Result<(Format, u32, u32), String> {
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| e.to_string())?;
    let format = match reader.format() {
        Some(ImageFormat::Png) => Format::Png,
        Some(ImageFormat::Jpeg) => Format::Jpeg,
        _ => return Err("not a PNG or JPEG file".into()),
    };
    let (w, h) = reader
        .into_dimensions()
        .map_err(|e| format!("unreadable image: {e}"))?;
    Ok((format, w, h))
}

/// The widths to serve a source `width` pixels wide at: those of [`WIDTHS`]
/// below it, and the source's own when it is not wider than the largest, so no
/// figure is ever scaled up.
pub fn widths(width: u32) -> Vec<u32> {
    let largest = *WIDTHS.last().expect("widths");
    let mut out: Vec<u32> = WIDTHS.iter().copied().filter(|w| *w < width).collect();
    if width <= largest {
        out.push(width);
    }
    out
}

/// The height of a source `w`×`h` scaled to `width`.
pub fn height_at(w: u32, h: u32, width: u32) -> u32 {
    ((u64::from(h) * u64::from(width) + u64::from(w) / 2) / u64::from(w)).max(1) as u32
}

/// `bytes` decoded, scaled to `width` and encoded.
pub fn encode(bytes: &[u8], width: u32, encoding: Encoding) -> Result<Vec<u8>, String> {
    let image = image::load_from_memory(bytes).map_err(|e| format!("unreadable image: {e}"))?;
    let height = height_at(image.width(), image.height(), width);
    let image = if width == image.width() {
        image
    } else {
        image.resize_exact(width, height, FilterType::Lanczos3)
    };
    let mut out = Vec::new();
    match encoding {
        Encoding::WebP => {
            let rgba = image.to_rgba8();
            let encoded = webp::Encoder::from_rgba(&rgba, width, height).encode(WEBP_QUALITY);
            out.extend_from_slice(&encoded);
        }
        Encoding::Fallback(Format::Png) => {
            let encoder = image::codecs::png::PngEncoder::new_with_quality(
                &mut out,
                image::codecs::png::CompressionType::Best,
                image::codecs::png::FilterType::Adaptive,
            );
            image
                .write_with_encoder(encoder)
                .map_err(|e| e.to_string())?;
        }
        Encoding::Fallback(Format::Jpeg) => {
            let encoder =
                image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY);
            image
                .to_rgb8()
                .write_with_encoder(encoder)
                .map_err(|e| e.to_string())?;
        }
    }
    Ok(out)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A PNG `w`×`h` with a gradient, as a screenshot might be.
    pub fn png(w: u32, h: u32) -> Vec<u8> {
        let image = image::RgbImage::from_fn(w, h, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
        });
        let mut out = Vec::new();
        image::DynamicImage::ImageRgb8(image)
            .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
            .unwrap();
        out
    }

    #[test]
    fn widths_never_scale_a_figure_up() {
        assert_eq!(widths(2000), [480, 960, 1440]);
        assert_eq!(widths(1440), [480, 960, 1440]);
        assert_eq!(widths(1000), [480, 960, 1000]);
        assert_eq!(widths(300), [300]);
        assert_eq!(height_at(2000, 1000, 480), 240);
    }

    #[test]
    fn a_png_is_probed_scaled_and_encoded_as_webp_and_png() {
        let source = png(1000, 500);
        assert_eq!(probe(&source).unwrap(), (Format::Png, 1000, 500));
        let webp = encode(&source, 480, Encoding::WebP).unwrap();
        assert_eq!(&webp[..4], b"RIFF");
        assert_eq!(&webp[8..12], b"WEBP");
        let fallback = encode(&source, 480, Encoding::Fallback(Format::Png)).unwrap();
        assert_eq!(probe(&fallback).unwrap(), (Format::Png, 480, 240));
        assert!(probe(b"GIF89a....").is_err());
    }
}
