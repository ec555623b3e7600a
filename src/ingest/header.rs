//! A document's header: its title and its dateline (`Moscow, 13 March 2025`), or the title, date,
//! time of day and place of a page copied from kremlin.ru; and dates read for sorting.

use super::structure::{Line, line_kind};
use crate::model::Meta;

/// Reads the header from the first lines; returns how many lines it took. The header is a title and a
/// dateline (`Moscow, 13 March 2025`), or, as kremlin.ru pages are copied, a title, a date, a time of day
/// and a place (`March 13, 2025` / `18:30` / `The Kremlin, Moscow`).
pub(super) fn top_meta(lines: &[(u32, &str)], meta: &mut Meta) -> usize {
    let mut taken = 0;
    // Something must follow the header, or it is the text itself.
    for &(_, text) in lines.iter().take(4).take(lines.len().saturating_sub(1)) {
        let after_date = meta.date.is_some() && taken > 0;
        if let Some((place, date)) = dateline(text).filter(|_| meta.date.is_none()) {
            meta.place = place.map(str::to_string);
            meta.date = Some(date.to_string());
        } else if let Some(date) = meta.date.as_mut().filter(|_| after_date && is_time_of_day(text)) {
            date.push_str(", ");
            date.push_str(text);
        } else if after_date && meta.place.is_none() && is_place_line(text) {
            meta.place = Some(text.to_string());
        } else if meta.title.is_none() && is_title_shaped(text) {
            meta.title = Some(text.to_string());
        } else {
            break;
        }
        taken += 1;
    }
    taken
}

/// `18:30`.
fn is_time_of_day(text: &str) -> bool {
    text.split_once(':')
        .is_some_and(|(h, m)| super::digits(h, 2) && m.len() == 2 && super::digits(m, 2))
}

/// `The Kremlin, Moscow`, `Ново-Огарёво, Московская область`: a short place with a comma, no digits.
fn is_place_line(text: &str) -> bool {
    text.len() <= 60
        && text.contains(',')
        && text.split_whitespace().count() <= 5
        && text.chars().next().is_some_and(char::is_uppercase)
        && !text.contains(|c: char| c.is_ascii_digit() || ".!?:;«»\"".contains(c))
}

/// `Moscow, 13 March 2025` → (`Moscow`, `13 March 2025`); also a bare date, or the date first.
fn dateline(text: &str) -> Option<(Option<&str>, &str)> {
    if text.len() > 80 {
        return None;
    }
    if is_date(text) {
        return Some((None, text));
    }
    let (place, date) = text.split_once(',')?;
    if is_place(place) && is_date(date.trim()) {
        return Some((Some(place.trim()), date.trim()));
    }
    let (date, place) = text.rsplit_once(',')?;
    (is_date(date.trim()) && is_place(place)).then(|| (Some(place.trim()), date.trim()))
}

fn is_place(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words[0].chars().next().is_some_and(char::is_uppercase)
        && !s.chars().any(|c| c.is_ascii_digit())
}

/// Month names and abbreviations, lowercase, with the month's number.
const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
    ("январь", 1),
    ("февраль", 2),
    ("март", 3),
    ("апрель", 4),
    ("май", 5),
    ("июнь", 6),
    ("июль", 7),
    ("август", 8),
    ("сентябрь", 9),
    ("октябрь", 10),
    ("ноябрь", 11),
    ("декабрь", 12),
];

/// `13 March 2025`, `March 13, 2025`, `13 марта 2025 года`, `13.03.2025`, `2025-03-13`.
fn is_date(s: &str) -> bool {
    let numeric: Vec<&str> = s.split(['.', '-', '/']).collect();
    if numeric.len() == 3
        && numeric
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    {
        return numeric.iter().any(|p| p.len() == 4);
    }
    let words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .filter(|w| !matches!(w.as_str(), "г" | "года" | "год"))
        .collect();
    let year = |w: &String| w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y));
    let day = |w: &String| w.len() <= 2 && w.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d));
    let month = |w: &String| month_number(w).is_some();
    (2..=3).contains(&words.len())
        && words.iter().filter(|w| year(w)).count() == 1
        && words.iter().filter(|w| month(w)).count() == 1
        && words.iter().all(|w| year(w) || month(w) || day(w))
}

fn month_number(word: &str) -> Option<u8> {
    MONTHS.iter().find(|(name, _)| *name == word).map(|&(_, n)| n)
}

/// The (year, month, day) of a date as [`is_date`] reads them, to order documents by; a time of
/// day after it is ignored. Numbers are read day first (`13.03.2025`) unless the year leads
/// (`2025-03-13`) or only month first makes sense (`03/13/2025`).
pub(crate) fn date_key(s: &str) -> Option<(u16, u8, u8)> {
    let words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty() && !w.contains(':'))
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .filter(|w| !matches!(w.as_str(), "г" | "года" | "год"))
        .collect();
    let valid = |y: u32, m: u32, d: u32| {
        ((1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
            .then_some((y as u16, m as u8, d as u8))
    };
    if let [numeric] = &words[..] {
        let parts: Vec<&str> = numeric.split(['.', '-', '/']).collect();
        let n: Vec<u32> = parts.iter().map(|p| p.parse().ok()).collect::<Option<_>>()?;
        return match (&parts[..], &n[..]) {
            ([y, ..], &[year, m, d]) if y.len() == 4 => valid(year, m, d),
            ([.., y], &[d, m, year]) if y.len() == 4 => valid(year, m, d).or_else(|| valid(year, d, m)),
            _ => None,
        };
    }
    let (mut year, mut month, mut day) = (None, None, None);
    for w in &words {
        match (month_number(w), w.parse::<u32>()) {
            (Some(m), _) if month.is_none() => month = Some(u32::from(m)),
            (_, Ok(n)) if w.len() == 4 && year.is_none() => year = Some(n),
            (_, Ok(n)) if w.len() <= 2 && day.is_none() => day = Some(n),
            _ => return None,
        }
    }
    valid(year?, month?, day.unwrap_or(1))
}

fn is_title_shaped(text: &str) -> bool {
    // A title in capitals has the shape of a name alone on its line; it is never a speaker's label.
    let shape_ok = match line_kind(text) {
        Line::Text | Line::Heading { known: false } => true,
        Line::Label(c) => !c.colon && !text.chars().any(char::is_lowercase),
        _ => false,
    };
    shape_ok
        && text.len() <= 200
        && text.split_whitespace().count() >= 2
        && text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "«\"“".contains(c))
        // A quoted sentence (`“I can’t help it,” he said. “I have come a long way…”`) is no title,
        // nor one before a remark (`… from clay and straw. (Applause)`).
        && !without_remark(text)
            .trim_end_matches(['”', '"', '»', '’', ')'])
            .ends_with(['.', '!', '?', '…', ':', ';', ','])
}

/// `text` without a bracketed remark at its end.
fn without_remark(text: &str) -> &str {
    text.strip_suffix(')')
        .and_then(|t| t.rsplit_once('('))
        .map_or(text, |(before, _)| before.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        assert_eq!(
            dateline("Moscow, 13 March 2025"),
            Some((Some("Moscow"), "13 March 2025"))
        );
        assert_eq!(
            dateline("Москва, 13 марта 2025 года"),
            Some((Some("Москва"), "13 марта 2025 года"))
        );
        assert_eq!(dateline("March 13, 2025"), Some((None, "March 13, 2025")));
        assert_eq!(dateline("13.03.2025"), Some((None, "13.03.2025")));
        assert_eq!(
            dateline("13 March 2025, Minsk"),
            Some((Some("Minsk"), "13 March 2025"))
        );
        assert_eq!(dateline("Moscow, we met in March 2025"), None);
        assert_eq!(dateline("In 2024 trade grew"), None);
    }

    #[test]
    fn dates_order_by_year_month_day() {
        for (date, key) in [
            ("13 March 2025", Some((2025, 3, 13))),
            ("March 13, 2025, 18:30", Some((2025, 3, 13))),
            ("13 марта 2025 года", Some((2025, 3, 13))),
            ("Sept 2024", Some((2024, 9, 1))),
            ("13.03.2025", Some((2025, 3, 13))),
            ("2025-03-13", Some((2025, 3, 13))),
            ("03/13/2025", Some((2025, 3, 13))),
            ("13 March", None),
            ("13.13.2025", None),
            ("we met in March 2025", None),
        ] {
            assert_eq!(date_key(date), key, "{date}");
        }
    }

    #[test]
    fn kremlin_page_header() {
        let lines = [
            (
                1,
                "Joint press conference with President of Belarus Alexander Lukashenko",
            ),
            (2, "March 13, 2025"),
            (3, "18:30"),
            (4, "The Kremlin, Moscow"),
            (5, "The talks are over."),
        ];
        let mut meta = Meta::default();
        assert_eq!(top_meta(&lines, &mut meta), 4);
        assert_eq!(
            meta,
            Meta {
                title: Some(lines[0].1.into()),
                date: Some("March 13, 2025, 18:30".into()),
                place: Some("The Kremlin, Moscow".into()),
                source: None,
            }
        );
        // A short line without a comma after a dateline is a title, not a place.
        let lines = [
            (1, "Moscow, 13 March 2025"),
            (2, "Joint press conference"),
            (3, "Text."),
        ];
        let mut meta = Meta::default();
        assert_eq!(top_meta(&lines, &mut meta), 2);
        assert_eq!(meta.place.as_deref(), Some("Moscow"));
        assert_eq!(meta.title.as_deref(), Some("Joint press conference"));
        // Nothing follows: the line is the text.
        let mut meta = Meta::default();
        assert_eq!(top_meta(&[(1, "Moscow, 13 March 2025")], &mut meta), 0);
    }

    #[test]
    fn a_sentence_is_no_title_even_before_a_remark() {
        assert!(is_title_shaped("Interview with Mark Tolley (2019)"));
        assert!(is_title_shaped("Houses of clay and straw"));
        assert!(!is_title_shaped("Anna talks with Mark about houses."));
        assert!(!is_title_shaped("Anna talks with Mark about houses. (Applause)"));
        assert!(!is_title_shaped("“Where have you been?” (Laughter)"));
    }
}
