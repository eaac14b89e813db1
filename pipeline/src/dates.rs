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

/// Russian month names in the nominative case, as used alone ("декабрь 2026").
const MONTHS_RU_NOMINATIVE: [&str; 12] = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];

/// A calendar month, ordered by time.
pub type YearMonth = (u32, u32);

/// The month of an ISO `YYYY-MM-DD` date; `None` if it is not such a date.
pub fn year_month(iso: &str) -> Option<YearMonth> {
    let mut parts = iso.splitn(3, '-').map(str::parse::<u32>);
    let (year, month) = (parts.next()?.ok()?, parts.next()?.ok()?);
    (1..=12).contains(&month).then_some((year, month))
}

/// A month as `lang` writes it on its own: "December 2026", "декабрь 2026".
pub fn parse_month(lang: Lang, text: &str) -> Option<YearMonth> {
    let (name, year) = text.split_once(' ')?;
    let names = match lang {
        Lang::En => &MONTHS_EN,
        Lang::Ru => &MONTHS_RU_NOMINATIVE,
    };
    let month = names.iter().position(|m| *m == name)?;
    let year = year.parse().ok().filter(|_| year.len() == 4)?;
    Some((year, u32::try_from(month).ok()? + 1))
}

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

    #[test]
    fn months() {
        assert_eq!(year_month("2026-11-20"), Some((2026, 11)));
        assert_eq!(year_month("2026-13-01"), None);
        for (lang, text, want) in [
            (Lang::En, "December 2026", Some((2026, 12))),
            (Lang::Ru, "декабрь 2026", Some((2026, 12))),
            (Lang::Ru, "май 2027", Some((2027, 5))),
            (Lang::Ru, "декабря 2026", None),
            (Lang::En, "december 2026", None),
            (Lang::En, "December 26", None),
            (Lang::En, "December", None),
        ] {
            assert_eq!(parse_month(lang, text), want, "{lang:?} {text}");
        }
    }
}
