//! Speaker identity: `Vladimir Putin`, `V. Putin`, `President of Russia Vladimir Putin`, `В.Путин` and
//! `Путин` are one speaker — matched by surname key (across scripts) and compatible initials.
//!
//! Display names: per language, the fullest form the transcript gives (a written-out given name beats an
//! initial, then more name parts, then the first seen), as written, without titles. Self-introductions at
//! the start of a turn (`Наталья Бреус, «Первый информационный», Беларусь.`) count as forms. A language
//! with no form gets the other language's name: transliterated into Latin for English; copied as it is
//! for Russian (there is no Latin → Cyrillic transliteration); either way flagged `transliterated`.

use super::labels::{Name, Role, Who};
use crate::model::{ByLang, Lang, Paragraph, Speaker};

/// Collects the speakers of a document, one per person, in order of first appearance.
#[derive(Debug, Default)]
pub(super) struct Resolver {
    people: Vec<Person>,
}

#[derive(Debug)]
struct Person {
    role: Option<&'static Role>,
    /// Surname key, or the role id.
    key: String,
    /// Key of the given name's first letter(s), once any form has shown it.
    initial: Option<char>,
    forms: ByLang<Vec<Form>>,
}

#[derive(Debug)]
struct Form {
    text: String,
    surname: String,
    full_given: bool,
    parts: usize,
}

impl Form {
    fn of(name: &Name) -> Form {
        Form {
            text: name.text.clone(),
            surname: name.surname.clone(),
            full_given: name.full_given,
            parts: name.text.split([' ', '.']).filter(|p| !p.is_empty()).count(),
        }
    }
}

/// The key under which evidence for a label is collected: the same person gives the same key.
pub(super) fn evidence_key(who: &Who) -> String {
    match who {
        Who::Person(name) => name_key(&name.surname),
        Who::Role(role) => format!("role:{}", role.id),
    }
}

impl Resolver {
    /// The index of the speaker a label in `lang` names, adding the speaker if new.
    pub fn resolve(&mut self, lang: Lang, who: &Who) -> usize {
        let (key, initial, role) = match who {
            Who::Person(name) => (name_key(&name.surname), initial_key(name.given.as_deref()), None),
            Who::Role(role) => (role.id.to_string(), None, Some(*role)),
        };
        let found = self.people.iter().position(|p| {
            p.role == role
                && p.key == key
                && (p.initial.is_none() || initial.is_none() || p.initial == initial)
        });
        let index = found.unwrap_or_else(|| {
            self.people.push(Person {
                role,
                key,
                initial: None,
                forms: ByLang::default(),
            });
            self.people.len() - 1
        });
        let person = &mut self.people[index];
        if let Who::Person(name) = who {
            person.initial = person.initial.or(initial);
            person.forms[lang].push(Form::of(name));
        }
        index
    }

    /// Reads a self-introduction (`Natalia Breus, First Informational`) near the start of a turn.
    pub fn introduce(&mut self, lang: Lang, speaker: usize, paragraphs: &[Paragraph]) {
        let Some(person) = self.people.get_mut(speaker).filter(|p| p.role.is_none()) else {
            return;
        };
        for p in paragraphs.iter().take(2) {
            let words: Vec<&str> = head(&p.text, 300)
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
                .collect();
            for pair in words.windows(2) {
                let (given, surname) = (pair[0], pair[1]);
                let is_name = |w: &str| {
                    w.chars().count() >= 2
                        && w.chars().next().is_some_and(char::is_uppercase)
                        && w.chars().all(|c| c.is_alphabetic() || c == '-')
                };
                let initial = initial_key(Some(given));
                if is_name(given)
                    && is_name(surname)
                    && name_key(surname) == person.key
                    && (person.initial.is_none() || person.initial == initial)
                {
                    person.forms[lang].push(Form {
                        text: format!("{given} {surname}"),
                        surname: surname.to_string(),
                        full_given: true,
                        parts: 2,
                    });
                    return;
                }
            }
        }
    }

    /// The speakers, with display names and unique ids.
    pub fn finish(self) -> Vec<Speaker> {
        let mut speakers: Vec<Speaker> = Vec::with_capacity(self.people.len());
        for person in self.people {
            let best = |lang: Lang| {
                person.forms[lang]
                    .iter()
                    .enumerate()
                    .max_by_key(|&(i, f)| (f.full_given, f.parts, std::cmp::Reverse(i)))
                    .map(|(_, f)| f)
            };
            let (en, ru) = (best(Lang::En), best(Lang::Ru));
            let (name, transliterated, surname) = match (person.role, en, ru) {
                (Some(role), _, _) => (
                    ByLang::new(role.en.to_string(), role.ru.to_string()),
                    ByLang::new(false, false),
                    role.id.to_string(),
                ),
                (None, Some(en), Some(ru)) => (
                    ByLang::new(en.text.clone(), ru.text.clone()),
                    ByLang::new(false, false),
                    en.surname.clone(),
                ),
                (None, Some(en), None) => (
                    ByLang::new(en.text.clone(), en.text.clone()),
                    ByLang::new(false, true),
                    en.surname.clone(),
                ),
                (None, None, Some(ru)) => (
                    ByLang::new(crate::translit::to_latin(&ru.text), ru.text.clone()),
                    ByLang::new(true, false),
                    crate::translit::to_latin(&ru.surname),
                ),
                (None, None, None) => continue,
            };
            let id = unique_id(&slug(&surname), &speakers);
            speakers.push(Speaker {
                id,
                name,
                transliterated,
            });
        }
        speakers
    }
}

/// At most `max` bytes of `s`, cut at a char boundary.
fn head(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

fn initial_key(given: Option<&str>) -> Option<char> {
    name_key(given?).chars().next()
}

/// ASCII lower-case letters and digits, other runs as `-`: `Lukashenko` → `lukashenko`.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        "speaker".to_string()
    } else {
        out
    }
}

fn unique_id(base: &str, taken: &[Speaker]) -> String {
    let free = |id: &str| !taken.iter().any(|s| s.id == id);
    if free(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| free(id))
        .unwrap_or_else(|| base.to_string())
}

/// A key under which spellings of one name meet across scripts and romanisations: the first sound and
/// the consonants after it (Aleksandr/Alexander/Александр → `alksndr`, Yezhov/Ezhov/Ежов → `ezhv`).
// Stand-in until `translit::name_key` lands on main.
fn name_key(s: &str) -> String {
    let latin = crate::translit::to_latin(s)
        .to_lowercase()
        .replace('x', "ks")
        .replace("kh", "h");
    let latin = latin
        .strip_prefix("ye")
        .map_or(latin.clone(), |rest| format!("e{rest}"));
    let mut out = String::new();
    for (i, c) in latin.chars().filter(char::is_ascii_alphanumeric).enumerate() {
        let c = match c {
            'y' | 'j' => 'i',
            'w' => 'v',
            c => c,
        };
        if i > 0 && "aeiou".contains(c) || out.ends_with(c) {
            continue;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_meet_across_scripts_and_spellings() {
        assert_eq!(name_key("Aleksandr"), name_key("Alexander"));
        assert_eq!(name_key("Aleksandr"), name_key("Александр"));
        assert_eq!(name_key("Yezhov"), name_key("Ежов"));
        assert_eq!(name_key("Ezhov"), name_key("Ежов"));
        assert_eq!(name_key("Knyazeva"), name_key("Князева"));
        assert_ne!(name_key("Putin"), name_key("Pyzh"));
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Lukashenko"), "lukashenko");
        assert_eq!(slug("Римский"), "speaker");
        assert_eq!(slug("Rimsky-Korsakov"), "rimsky-korsakov");
    }
}
