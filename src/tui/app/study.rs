//! Reading to learn: a sentence cursor (`)` `(`) whose counterpart, from the aligner's sentence
//! links, is highlighted in the other language; study mode, which hides one language until the
//! learner reveals the counterpart of the sentence under the cursor; copying the pair.

use super::reader::open_doc;
use super::{Action, App, Effect, Reader};
use crate::align::{Sentence, Unit};
use crate::layout::{Arrangement, clean};
use crate::model::{Lang, Transcript};
use crate::state::Place;
use std::ops::Range;

/// Study mode: the language hidden (the learner's choice, kept across documents), and whether
/// the counterpart of the sentence under the cursor is revealed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Study {
    pub hidden: Option<Lang>,
    pub revealed: bool,
}

/// A stretch of one paragraph to highlight: its language, (block, paragraph) and bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spot {
    pub lang: Lang,
    pub para: (usize, usize),
    pub range: Range<usize>,
}

impl Spot {
    fn of(lang: Lang, s: &Sentence) -> Spot {
        Spot {
            lang,
            para: (s.block, s.para),
            range: s.span.range(),
        }
    }
}

/// The sentence under the cursor and its counterpart(s) in the other language.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Pair {
    pub spots: Vec<Spot>,
    /// The sentences' texts, cursor side first.
    pub texts: Vec<(Lang, String)>,
}

impl App {
    /// The language the sentence cursor walks: the first pane's, unless study mode hides it.
    pub fn cursor_lang(&self) -> Option<Lang> {
        let r = self.reader.as_ref()?;
        let shown = match self.arrangement()? {
            Arrangement::Single(l) => return Some(l),
            Arrangement::Columns | Arrangement::Stacked(_) => r.order,
        };
        shown.into_iter().find(|&l| Some(l) != self.study.hidden)
    }

    pub(super) fn update_study(&mut self, action: Action) -> Vec<Effect> {
        let height = self.body_height();
        let lang = self.cursor_lang();
        let bilingual = self.transcript().is_some_and(|t| t.langs().len() == 2);
        let Some((r, t)) = open_doc(&mut self.reader, &self.docs) else {
            return Vec::new();
        };
        match action {
            Action::NextSentence | Action::PrevSentence => {
                let dir = if action == Action::NextSentence { 1 } else { -1 };
                if let Some(lang) = lang {
                    r.step_sentence(t, lang, dir, height);
                }
                self.study.revealed = false;
            }
            Action::StudyMode if !bilingual => {
                self.message = Some("Study mode needs both languages".into());
            }
            Action::StudyMode => {
                let order = r.order;
                self.study.hidden = match self.study.hidden {
                    None => Some(order[1]),
                    Some(l) if l == order[1] => Some(order[0]),
                    Some(_) => None,
                };
                self.study.revealed = false;
                self.message = Some(match self.study.hidden {
                    Some(l) => format!(
                        "Study: {} hidden · ) next sentence · r reveals its translation · z again: hide the other",
                        l.name()
                    ),
                    None => "Study mode off".into(),
                });
            }
            Action::Reveal => {
                if r.sentence.is_none()
                    && let Some(lang) = lang
                {
                    r.step_sentence(t, lang, 0, height);
                }
                self.study.revealed = true;
            }
            Action::Copy | Action::CopyPassage => {
                let whole = action == Action::CopyPassage || self.last_copy == Some(r.place());
                let (text, what) = if whole || r.sentence.is_none() {
                    (r.passage_text(t), "the passage")
                } else {
                    (r.pair(t).texts, "the sentence pair")
                };
                self.last_copy = (!whole).then(|| r.place());
                if text.is_empty() {
                    self.message = Some("Nothing to copy here".into());
                    return Vec::new();
                }
                let text = labelled(&text);
                self.message = Some(format!(
                    "Copied {what} ({} chars, both languages) to the clipboard{}",
                    text.chars().count(),
                    if whole {
                        ""
                    } else {
                        " · y again: the whole passage"
                    }
                ));
                return vec![Effect::Copy(text)];
            }
            _ => {}
        }
        Vec::new()
    }
}

impl App {
    /// Puts the sentence cursor on what a search (the current match) or a topic jump (the first
    /// sentence of its unit) found.
    pub(super) fn cursor_to_found(&mut self, topic: bool) {
        let lang = self.cursor_lang();
        let Some((r, t)) = open_doc(&mut self.reader, &self.docs) else {
            return;
        };
        let place = if topic {
            let unit = r.viewport.cursor;
            let u = r.alignment.units.get(unit);
            let lang = lang
                .into_iter()
                .chain(Lang::BOTH)
                .find(|&l| u.is_some_and(|u| u.sentences(t, l).next().is_some()));
            lang.map(|l| Place {
                unit,
                sentence: Some((l, 0)),
            })
        } else {
            let m = r.search.as_ref().and_then(|s| s.matches.get(s.current?));
            m.and_then(|m| {
                let u = r.alignment.units.get(m.unit)?;
                let i = u.sentences(t, m.lang).position(|s| {
                    (s.block, s.para) == (m.block, m.para) && s.span.range().contains(&m.range.start)
                })?;
                Some(Place {
                    unit: m.unit,
                    sentence: Some((m.lang, i)),
                })
            })
        };
        if place.is_some() {
            r.sentence = place;
        }
    }
}

/// `English: …` and `Russian: …` lines, each sentence's text made safe for any terminal.
fn labelled(texts: &[(Lang, String)]) -> String {
    let mut out = String::new();
    for lang in Lang::BOTH {
        let joined: Vec<&str> = texts
            .iter()
            .filter(|(l, _)| *l == lang)
            .map(|(_, s)| s.as_str())
            .collect();
        if !joined.is_empty() {
            out.push_str(&format!("{}: {}\n", lang.name(), clean(&joined.join(" "))));
        }
    }
    out
}

impl Reader {
    /// The sentence cursor's place, or the cursor unit's.
    pub fn place(&self) -> Place {
        self.sentence.unwrap_or(Place {
            unit: self.viewport.cursor,
            sentence: None,
        })
    }

    /// Moves the sentence cursor `dir` sentences (0: onto the first sentence of the cursor
    /// unit) through the `lang` side, across units, skipping collapsed turns; the view follows.
    pub(super) fn step_sentence(&mut self, t: &Transcript, lang: Lang, dir: isize, height: usize) {
        let units = &self.alignment.units;
        let count = |u: usize| units.get(u).map_or(0, |unit| unit.sentences(t, lang).count());
        let here = match self.sentence {
            Some(Place {
                unit,
                sentence: Some((l, i)),
            }) if l == lang && self.layout.stop_at(unit) == Some(self.viewport.cursor) => Some((unit, i)),
            // From the other side (the panes were swapped): its counterpart's first sentence.
            Some(Place {
                unit,
                sentence: Some((l, i)),
            }) if self.layout.stop_at(unit) == Some(self.viewport.cursor) => {
                let other = units
                    .get(unit)
                    .and_then(|u| counterpart(u, l, i).map(|r| r.start));
                other.map(|j| (unit, j))
            }
            _ => None,
        };
        let target = match here {
            Some((unit, i)) if dir > 0 && i + 1 < count(unit) => Some((unit, i + 1)),
            Some((unit, i)) if dir < 0 && i > 0 => Some((unit, i - 1)),
            Some((unit, i)) if dir == 0 => Some((unit, i)),
            Some((unit, _)) => {
                let mut u = unit;
                loop {
                    u = match u.checked_add_signed(dir) {
                        Some(u) if u < units.len() => u,
                        _ => break None,
                    };
                    let n = count(u);
                    if n > 0 && !self.is_hidden(u) {
                        break Some((u, if dir > 0 { 0 } else { n - 1 }));
                    }
                }
            }
            // No sentence yet: the first one from the cursor unit on.
            None => (self.viewport.cursor..units.len())
                .find(|&u| count(u) > 0 && !self.is_hidden(u))
                .map(|u| (u, 0)),
        };
        let Some((unit, i)) = target else { return };
        self.sentence = Some(Place {
            unit,
            sentence: Some((lang, i)),
        });
        let Some(s) = units.get(unit).and_then(|u| u.sentences(t, lang).nth(i)) else {
            return;
        };
        let (para, start, end) = ((s.block, s.para), s.span.start as usize, s.span.end as usize);
        // The end first, then the start: a sentence longer than the screen shows its beginning.
        self.show_text(unit, lang, para, end.saturating_sub(1), height);
        self.show_text(unit, lang, para, start, height);
    }

    /// The sentence under the cursor and its counterpart: what to highlight, and their texts.
    pub fn pair(&self, t: &Transcript) -> Pair {
        let mut pair = Pair::default();
        let Some(Place {
            unit,
            sentence: Some((lang, i)),
        }) = self.sentence
        else {
            return pair;
        };
        let Some(u) = self.alignment.units.get(unit) else {
            return pair;
        };
        if let Some(s) = u.sentences(t, lang).nth(i) {
            pair.spots.push(Spot::of(lang, &s));
            pair.texts.push((lang, s.text.to_string()));
        }
        let other = lang.other();
        if let Some(range) = counterpart(u, lang, i) {
            for s in u.sentences(t, other).skip(range.start).take(range.len()) {
                pair.spots.push(Spot::of(other, &s));
                pair.texts.push((other, s.text.to_string()));
            }
        }
        pair
    }

    /// Every sentence of the cursor unit, both languages.
    fn passage_text(&self, t: &Transcript) -> Vec<(Lang, String)> {
        let Some(u) = self.alignment.units.get(self.place().unit) else {
            return Vec::new();
        };
        Lang::BOTH
            .into_iter()
            .flat_map(|l| u.sentences(t, l).map(move |s| (l, s.text.to_string())))
            .collect()
    }
}

/// The other side's sentences linked to sentence `i` of side `lang`.
fn counterpart(u: &Unit, lang: Lang, i: usize) -> Option<Range<usize>> {
    let linked = &u.link_of(lang, i)?.sentences[lang.other()];
    (!linked.is_empty()).then(|| linked.clone())
}
