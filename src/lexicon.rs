//! A built-in English↔Russian word-translation table, learned from a parallel corpus
//! (`examples/build_lexicon.rs`), as lexical evidence for the sentence aligner.
//!
//! Words are lowercased letter runs (ё → е, stress marks dropped), cut to a stem, and hashed to a
//! `u32` key; the table pairs English and Russian stems, and each pair is a concept id.

use crate::model::Lang;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// The table, one English stem a line followed by its Russian translations; the pair `(en, ru)` on
/// line order is concept id 0, 1, 2, …
const DATA: &str = include_str!("lexicon/en_ru.tsv");

/// Function words: they co-occur with everything, so they are evidence of nothing.
#[rustfmt::skip]
const STOP_EN: &[&str] = &[
    "a", "about", "after", "again", "ah", "all", "also", "although", "am", "among", "an", "and",
    "any", "anything", "are", "as", "at", "be", "because", "been", "before", "being", "both", "but",
    "by", "can", "cannot", "could", "d", "did", "didn", "do", "does", "doesn", "doing", "don",
    "down", "each", "even", "ever", "every", "for", "from", "had", "has", "have", "having", "he",
    "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "if", "in",
    "into", "is", "isn", "it", "its", "itself", "just", "let", "ll", "m", "may", "me", "might",
    "more", "most", "must", "my", "myself", "never", "no", "nor", "not", "nothing", "now", "o",
    "of", "off", "oh", "on", "once", "one", "ones", "only", "or", "other", "our", "ours", "out",
    "over", "own", "re", "s", "same", "shall", "she", "should", "so", "some", "something", "such",
    "t", "than", "that", "the", "thee", "their", "theirs", "them", "then", "there", "these", "they",
    "thing", "things", "this", "those", "thou", "though", "through", "thus", "thy", "till", "to",
    "too", "until", "up", "upon", "us", "ve", "very", "was", "wasn", "we", "were", "what", "when",
    "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within",
    "without", "won", "would", "ye", "yes", "yet", "you", "your", "yours", "yourself",
];
#[rustfmt::skip]
const STOP_RU: &[&str] = &[
    "а", "без", "более", "будем", "будет", "будешь", "будто", "буду", "будут", "бы", "был", "была",
    "были", "было", "быть", "в", "вам", "вас", "ваш", "ваша", "вдруг", "ведь", "весь", "во",
    "вовсе", "вот", "все", "всего", "всем", "всех", "всю", "вся", "вы", "где", "да", "даже", "для",
    "до", "его", "ее", "ей", "ему", "если", "есть", "еще", "ж", "же", "за", "зачем", "здесь", "и",
    "из", "или", "им", "их", "к", "как", "какая", "какие", "каким", "какое", "какой", "ко", "когда",
    "кого", "которая", "которого", "которой", "котором", "которую", "которые", "который", "которых",
    "кто", "куда", "ли", "либо", "лишь", "ль", "между", "меня", "мне", "мной", "мое", "моего",
    "мои", "мой", "моя", "мы", "на", "над", "нам", "нами", "нас", "наш", "наша", "наши", "не",
    "него", "нее", "ней", "нему", "нет", "ни", "нибудь", "ним", "ними", "них", "но", "ну", "о",
    "об", "он", "она", "они", "оно", "опять", "от", "откуда", "перед", "по", "под", "пока", "потом",
    "потому", "почему", "пред", "при", "разве", "с", "сам", "сама", "сами", "само", "самого",
    "свое", "своего", "своей", "свои", "своим", "своих", "свой", "свою", "себе", "себя", "со",
    "сюда", "та", "так", "такая", "также", "такие", "таким", "такого", "такое", "такой", "там",
    "твои", "твой", "твоя", "те", "тебе", "тебя", "тем", "теми", "теперь", "тех", "то", "тобой",
    "тогда", "того", "тоже", "только", "том", "тому", "тот", "туда", "тут", "ты", "у", "уж", "уже",
    "хоть", "хотя", "чего", "чем", "чему", "через", "что", "чтоб", "чтобы", "эта", "эти", "это",
    "этого", "этой", "этом", "этот", "эту", "я",
];

/// A sentence's concepts: an English and a Russian sentence share an id exactly when some word of
/// one and some word of the other are translations in the table.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Concepts {
    /// Sorted, unique.
    pub ids: Vec<u32>,
    /// Stems of the sentence (each once) that have at least one entry in the table.
    pub known: u32,
    /// The keys of the stems the table lacks, sorted and unique: what a document's own pairs may
    /// teach.
    pub unknown: Vec<u32>,
}

/// Hashed word stems of `text` in order, for co-occurrence counting. Stop words are skipped.
pub fn stem_keys(text: &str, lang: Lang, out: &mut Vec<u32>) {
    words(text, lang, |_, key| out.push(key));
}

static TABLE: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::parse(DATA));

/// The concepts `text`'s words evoke, from the built-in table.
pub fn concepts(text: &str, lang: Lang) -> Concepts {
    TABLE.concepts(text, lang)
}

/// How many concepts the built-in table has: ids from here on are free for a document's own.
pub fn size() -> u32 {
    TABLE.en_ids.len() as u32
}

/// Calls `f` with the stem of each word of `text` that is not a stop word, in order (for building
/// the table: the aligner only needs the keys).
pub fn stems(text: &str, lang: Lang, mut f: impl FnMut(&str)) {
    let mut stem = String::new();
    words(text, lang, |chars, _| {
        stem.clear();
        stem.extend(chars);
        f(&stem);
    });
}

/// A stem is a word's first chars. Measured on held-out works of the corpus, 4 chars tell true
/// translations from mismatched ones better than 5, 6 or a Snowball stemmer (the corpus is too
/// small for finer stems to gather evidence), and cutting is 3–4× faster than Snowball.
const STEM_CHARS: usize = 4;

/// Calls `f` with each word's stem and its key: words are maximal runs of letters, lowercased, with
/// ё → е and stress marks dropped; stop words and single letters are skipped.
fn words(text: &str, lang: Lang, mut f: impl FnMut(&[char], u32)) {
    let stop = match lang {
        Lang::En => &*STOP_KEYS_EN,
        Lang::Ru => &*STOP_KEYS_RU,
    };
    let mut word = Word::default();
    let mut end = |word: &mut Word| {
        if word.len > 1 && !stop.contains(&word.hash) {
            f(&word.stem[..word.len.min(STEM_CHARS)], word.stem_key);
        }
        *word = Word::default();
    };
    for c in text.chars() {
        match c {
            'a'..='z' | 'а'..='я' => word.push(c),
            'A'..='Z' => word.push(c.to_ascii_lowercase()),
            // Cyrillic capitals А..Я are 32 code points below their small letters.
            'А'..='Я' => word.push(char::from_u32(c as u32 + 32).unwrap_or(c)),
            'ё' | 'Ё' => word.push('е'),
            // Stress marks and soft hyphens sit inside words.
            '\u{300}'..='\u{36f}' | '\u{ad}' => {}
            c if c.is_alphabetic() => c.to_lowercase().for_each(|l| word.push(l)),
            _ => end(&mut word),
        }
    }
    end(&mut word);
}

/// The word being read: its stem, and keys hashed as its chars arrive.
struct Word {
    stem: [char; STEM_CHARS],
    /// Of the whole word, to tell stop words.
    hash: u32,
    /// Of the stem: `hash` as it was after STEM_CHARS chars.
    stem_key: u32,
    len: usize,
}

impl Default for Word {
    fn default() -> Word {
        Word {
            stem: ['\0'; STEM_CHARS],
            hash: FNV_OFFSET,
            stem_key: FNV_OFFSET,
            len: 0,
        }
    }
}

impl Word {
    fn push(&mut self, c: char) {
        self.hash = fnv(self.hash, c);
        if self.len < STEM_CHARS {
            self.stem[self.len] = c;
            self.stem_key = self.hash;
        }
        self.len += 1;
    }
}

static STOP_KEYS_EN: LazyLock<KeySet> = LazyLock::new(|| STOP_EN.iter().map(|w| key(w)).collect());
static STOP_KEYS_RU: LazyLock<KeySet> = LazyLock::new(|| STOP_RU.iter().map(|w| key(w)).collect());

/// FNV-1a over code points: cheap for a few chars, computable as they arrive, and the same in
/// every process (the aligner may keep keys).
const FNV_OFFSET: u32 = 0x811c_9dc5;

fn fnv(h: u32, c: char) -> u32 {
    (h ^ c as u32).wrapping_mul(0x0100_0193)
}

/// The key of a stem (or of a whole word, for stop words), as [`words`] computes it.
fn key(s: &str) -> u32 {
    s.chars().fold(FNV_OFFSET, fnv)
}

/// Keys are hashes already; hashing them again would only cost time.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, _: &[u8]) {
        unreachable!("only u32 keys are hashed")
    }
    fn write_u32(&mut self, k: u32) {
        // Spread the key over the high bits too: the table takes its control bits from there.
        self.0 = u64::from(k).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

type KeySet = HashSet<u32, BuildHasherDefault<KeyHasher>>;
type KeyMap<V> = HashMap<u32, V, BuildHasherDefault<KeyHasher>>;

/// The table, indexed from each side: a stem key to its range of concept ids.
#[derive(Debug, Default)]
pub struct Lexicon {
    en: KeyMap<(u32, u32)>,
    ru: KeyMap<(u32, u32)>,
    en_ids: Vec<u32>,
    ru_ids: Vec<u32>,
}

impl Lexicon {
    /// Reads the data format `examples/build_lexicon.rs` writes: `#` comment lines, then one line
    /// per English stem, `en<TAB>ru ru ru`.
    pub fn parse(data: &str) -> Lexicon {
        let mut lex = Lexicon::default();
        let mut ru_pairs: Vec<(u32, u32)> = Vec::new();
        let mut id = 0u32;
        for line in data.lines().filter(|l| !l.starts_with('#')) {
            let Some((en, rus)) = line.split_once('\t') else {
                continue;
            };
            let start = id;
            for ru in rus.split(' ') {
                ru_pairs.push((key(ru), id));
                id += 1;
            }
            lex.en.insert(key(en), (start, id - start));
        }
        lex.en_ids = (0..id).collect();
        ru_pairs.sort_unstable();
        for group in ru_pairs.chunk_by(|a, b| a.0 == b.0) {
            let start = lex.ru_ids.len() as u32;
            lex.ru_ids.extend(group.iter().map(|p| p.1));
            lex.ru.insert(group[0].0, (start, group.len() as u32));
        }
        lex
    }

    /// The concepts `text`'s words evoke in this table.
    pub fn concepts(&self, text: &str, lang: Lang) -> Concepts {
        let (index, ids) = match lang {
            Lang::En => (&self.en, &self.en_ids),
            Lang::Ru => (&self.ru, &self.ru_ids),
        };
        // Each stem counts once, as each shared concept does: a word said twice is no more
        // evidence of a translation than a word said once. The stems are gathered first so that
        // the lists kept are allocated once, at their size.
        // A stem's word takes two letters and a space at least: a third of the bytes bounds them.
        let mut stems: Vec<u32> = Vec::with_capacity(text.len() / 3 + 1);
        words(text, lang, |_, key| stems.push(key));
        stems.sort_unstable();
        stems.dedup();
        let found: Vec<Option<&(u32, u32)>> = stems.iter().map(|key| index.get(key)).collect();
        let known = found.iter().flatten().count();
        let mut out = Concepts {
            ids: Vec::with_capacity(found.iter().flatten().map(|&&(_, len)| len as usize).sum()),
            known: known as u32,
            unknown: Vec::with_capacity(stems.len() - known),
        };
        for (&key, &found) in stems.iter().zip(&found) {
            match found {
                Some(&(start, len)) => out
                    .ids
                    .extend_from_slice(&ids[start as usize..(start + len) as usize]),
                None => out.unknown.push(key),
            }
        }
        out.ids.sort_unstable();
        out.ids.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shared(en: &str, ru: &str) -> usize {
        let (e, r) = (concepts(en, Lang::En), concepts(ru, Lang::Ru));
        e.ids.iter().filter(|id| r.ids.binary_search(id).is_ok()).count()
    }

    #[test]
    fn translations_share_concepts_and_unrelated_sentences_do_not() {
        assert!(shared("The cat sat.", "Кошка сидела.") > 0);
        assert!(shared("The king's horse drank water.", "Король напоил коня водой.") >= 2);
        assert_eq!(shared("The cat sat.", "Звёзды светили над морем."), 0);
    }

    #[test]
    fn stop_words_evoke_nothing() {
        assert_eq!(
            concepts("It is of the one that was there.", Lang::En),
            Concepts::default()
        );
        assert_eq!(
            concepts("И вот он был там, а она — тут.", Lang::Ru),
            Concepts::default()
        );
        let mut keys = Vec::new();
        stem_keys("and the of, were", Lang::En, &mut keys);
        stem_keys("и в на", Lang::Ru, &mut keys);
        assert!(keys.is_empty());
    }

    #[test]
    fn words_fold_case_yo_stress_and_endings() {
        let keys = |s: &str, lang| {
            let mut out = Vec::new();
            stem_keys(s, lang, &mut out);
            out
        };
        assert_eq!(keys("Houses HOUSE", Lang::En), keys("house house", Lang::En));
        assert_eq!(keys("Ёлка за́мок", Lang::Ru), keys("елками замок", Lang::Ru));
        // Letters only: digits and punctuation split words.
        assert_eq!(keys("pier-glass 1925", Lang::En), keys("pier glass", Lang::En));
        let mut stems_seen = Vec::new();
        stems("Королева сказала", Lang::Ru, |s| {
            stems_seen.push(s.to_string())
        });
        assert_eq!(stems_seen, ["коро", "сказ"]);
    }

    #[test]
    fn concepts_are_sorted_unique_and_count_known_words() {
        let c = concepts("Water, water everywhere, the cat said.", Lang::En);
        assert!(c.ids.windows(2).all(|w| w[0] < w[1]));
        // water (twice, counted once), everywhere (stem "ever"), cat, said; "the" is a stop word.
        assert_eq!(c.known, 4);
        assert_eq!(c, concepts("Water, water everywhere, the cat said.", Lang::En));
    }

    #[test]
    fn parse_numbers_pairs_in_file_order() {
        let lex = Lexicon::parse("# comment\ncat\tкот кошк\ndog\tпес кошк\n");
        assert_eq!(lex.concepts("cat", Lang::En).ids, [0, 1]);
        assert_eq!(lex.concepts("dog", Lang::En).ids, [2, 3]);
        assert_eq!(lex.concepts("кошка", Lang::Ru).ids, [1, 3]);
        assert_eq!(
            lex.concepts("кот", Lang::Ru),
            Concepts {
                ids: vec![0],
                known: 1,
                unknown: vec![]
            }
        );
        // A word the table lacks is kept by its key, for the document to teach.
        let bird = lex.concepts("the bird, a bird", Lang::En);
        assert_eq!((bird.ids.len(), bird.known), (0, 0));
        assert_eq!(bird.unknown, [key("bird")]);
    }
}
