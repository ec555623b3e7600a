//! Speaker identity: `Vladimir Putin`, `V. Putin`, `President of Russia Vladimir Putin`, `В.Путин` and
//! `Путин` are one speaker — matched by surname key (across scripts) and compatible initials.
//!
//! Display names: per language, the fullest form the transcript gives (a written-out given name beats an
//! initial, then more name parts, then the first seen), as written, without titles. Self-introductions at
//! the start of a turn (`Наталья Бреус, «Первый информационный», Беларусь.`) count as forms. A language
//! with no form gets the other language's name transliterated, flagged `transliterated`.

use super::labels::{Name, Role, Who};
use crate::model::{ByLang, Lang, Paragraph, Speaker};
use crate::translit::{name_key, to_cyrillic, to_latin};
use std::collections::{HashMap, HashSet};

/// Collects the speakers of a document, one per person, in order of first appearance.
#[derive(Debug, Default)]
pub(super) struct Resolver {
    people: Vec<Person>,
    /// People by key, so that a document with many names resolves in linear time.
    by_key: HashMap<String, Vec<usize>>,
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
        Who::Person(name) => person_key(name),
        Who::Role(role) => format!("role:{}", role.id),
    }
}

/// The surname key; a name that gives no key (a script transliteration does not cover) is matched only by
/// its exact text, so that different such names never merge into one person.
fn person_key(name: &Name) -> String {
    // A speaker known by a number (`Speaker 2`) is told apart by it, which the key leaves out.
    let surname = &name.surname;
    let number = &surname[surname.trim_end_matches(|c: char| c.is_ascii_digit()).len()..];
    match name_key(surname) {
        key if key.is_empty() => format!("text:{}", name.text),
        key if number.is_empty() => key,
        key => format!("{key} {number}"),
    }
}

impl Resolver {
    /// The index of the speaker a label in `lang` names, adding the speaker if new.
    pub fn resolve(&mut self, lang: Lang, who: &Who) -> usize {
        let (key, initial, role) = match who {
            Who::Person(name) => (person_key(name), initial_key(name.given.as_deref()), None),
            Who::Role(role) => (role.id.to_string(), None, Some(*role)),
        };
        let same_key = self.by_key.entry(key.clone()).or_default();
        let found = same_key.iter().copied().find(|&i| {
            let p = &self.people[i];
            p.role == role && (p.initial.is_none() || initial.is_none() || p.initial == initial)
        });
        let index = found.unwrap_or_else(|| {
            same_key.push(self.people.len());
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

    /// Reads a self-introduction near the start of a turn: a given name and the speaker's surname at the
    /// start of a sentence, then a comma or full stop (`Hello! Natalia Breus, First Informational`).
    pub fn introduce(&mut self, lang: Lang, speaker: usize, paragraphs: &[Paragraph]) {
        let Some(person) = self.people.get_mut(speaker).filter(|p| p.role.is_none()) else {
            return;
        };
        let is_name = |w: &str| {
            w.chars().count() >= 2
                && w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
        };
        for p in paragraphs.iter().take(2) {
            let words: Vec<&str> = head(&p.text, 300).split_whitespace().collect();
            for (i, pair) in words.windows(2).enumerate() {
                let (given, surname) = (pair[0], pair[1]);
                let sentence_start = i == 0 || words[i - 1].ends_with(['.', '!', '?']);
                let Some(bare) = surname.strip_suffix([',', '.']) else {
                    continue;
                };
                if sentence_start
                    && is_name(given)
                    && is_name(bare)
                    && name_key(bare) == person.key
                    && (person.initial.is_none() || person.initial == initial_key(Some(given)))
                {
                    person.forms[lang].push(Form {
                        text: format!("{given} {bare}"),
                        surname: bare.to_string(),
                        full_given: true,
                        parts: 2,
                    });
                    return;
                }
            }
        }
    }

    /// How many people have been resolved.
    pub fn len(&self) -> usize {
        self.people.len()
    }

    /// The speakers for which `keep(index)` holds, in order, with display names and unique ids.
    pub fn finish(self, keep: impl Fn(usize) -> bool) -> Vec<Speaker> {
        let mut speakers: Vec<Speaker> = Vec::with_capacity(self.people.len());
        let mut ids = Ids::default();
        for (_, person) in self.people.into_iter().enumerate().filter(|&(i, _)| keep(i)) {
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
                    ByLang::new(en.text.clone(), to_cyrillic(&en.text)),
                    ByLang::new(false, true),
                    en.surname.clone(),
                ),
                (None, None, Some(ru)) => (
                    ByLang::new(to_latin(&ru.text), ru.text.clone()),
                    ByLang::new(true, false),
                    to_latin(&ru.surname),
                ),
                (None, None, None) => continue,
            };
            let id = ids.unique(&slug(&surname));
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

/// The first letter of a given name's key, `ch` read as `k`: English spells Крис `Chris` and
/// Кристофер `Christopher`, and no two people are told apart by Ch and K alone.
fn initial_key(given: Option<&str>) -> Option<char> {
    name_key(given?)
        .chars()
        .next()
        .map(|c| if c == 'c' { 'k' } else { c })
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

/// Ids given so far, and per base the next suffix to try, so that many people with one surname get their
/// ids in linear time.
#[derive(Debug, Default)]
struct Ids {
    taken: HashSet<String>,
    next: HashMap<String, usize>,
}

impl Ids {
    /// `base`, or `base-2`, `base-3`, … whichever is not taken yet; records it as taken.
    fn unique(&mut self, base: &str) -> String {
        let mut id = base.to_string();
        let next = self.next.entry(base.to_string()).or_insert(2);
        while self.taken.contains(&id) {
            id = format!("{base}-{next}");
            *next += 1;
        }
        self.taken.insert(id.clone());
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_numbered_in_order() {
        let mut ids = Ids::default();
        let got: Vec<String> = ["putin", "putin", "putin-2", "putin", "lavrov"]
            .iter()
            .map(|b| ids.unique(b))
            .collect();
        assert_eq!(got, ["putin", "putin-2", "putin-2-2", "putin-3", "lavrov"]);
        // Many of one surname: the suffixes count up without searching from 2 each time.
        let mut ids = Ids::default();
        let last = (0..5000).map(|_| ids.unique("speaker")).last();
        assert_eq!(last.as_deref(), Some("speaker-5000"));
        assert_eq!(ids.next["speaker"], 5001);
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Lukashenko"), "lukashenko");
        assert_eq!(slug("Римский"), "speaker");
        assert_eq!(slug("Rimsky-Korsakov"), "rimsky-korsakov");
    }
}
