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

/// Whether `s` is an ISO `YYYY-MM-DD` calendar date.
pub fn is_iso_date(s: &str) -> bool {
    s.len() == 10
        && s.as_bytes()[4] == b'-'
        && s.as_bytes()[7] == b'-'
        && s.bytes().filter(u8::is_ascii_digit).count() == 8
        && label(Lang::En, s).is_some()
        && s[8..].parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
}

/// The ISO date of `unix_days` days after 1970-01-01 (Howard Hinnant's
/// `civil_from_days`).
pub fn from_unix_days(unix_days: i64) -> String {
    let z = unix_days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Today's date in UTC, from the system clock.
pub fn today_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    from_unix_days(i64::try_from(secs / 86_400).unwrap_or(0))
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
    fn days_since_the_epoch() {
        for (days, iso) in [
            (0, "1970-01-01"),
            (59, "1970-03-01"),
            (19_782, "2024-02-29"),
            (20_789, "2026-12-02"),
            (-1, "1969-12-31"),
        ] {
            assert_eq!(from_unix_days(days), iso, "{days}");
        }
        assert!(is_iso_date(&today_utc()));
        for (s, ok) in [
            ("2026-12-02", true),
            ("2026-2-02", false),
            ("2026-13-01", false),
            ("2026-12-32", false),
            ("today", false),
        ] {
            assert_eq!(is_iso_date(s), ok, "{s}");
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
