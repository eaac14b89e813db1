//! Dates as readers of each language write them, computed at build time.

use model::Lang;

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Russian month names in the genitive case, as used in a date ("20 ноября").
const MONTHS_RU: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// Formats an ISO `YYYY-MM-DD` date for `lang`; `None` if it is not such a date.
pub fn label(lang: Lang, iso: &str) -> Option<String> {
    let mut parts = iso.splitn(3, '-').map(str::parse::<u32>);
    let (year, month, day) = (
        parts.next()?.ok()?,
        parts.next()?.ok()?,
        parts.next()?.ok()?,
    );
    let month = usize::try_from(month).ok()?.checked_sub(1)?;
    Some(match lang {
        Lang::En => format!("{} {day}, {year}", MONTHS_EN.get(month)?),
        Lang::Ru => format!("{day} {} {year} г.", MONTHS_RU.get(month)?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        for (lang, iso, want) in [
            (Lang::En, "2026-11-20", Some("November 20, 2026")),
            (Lang::Ru, "2026-11-20", Some("20 ноября 2026 г.")),
            (Lang::Ru, "2026-03-01", Some("1 марта 2026 г.")),
            (Lang::En, "2026-13-01", None),
            (Lang::En, "soon", None),
        ] {
            assert_eq!(label(lang, iso).as_deref(), want, "{lang:?} {iso}");
        }
    }
}
