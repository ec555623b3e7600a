//! Property tests for ingest: any input parses, model strings are clean, and no text is lost.

mod ingest_support;

use ingest_support::{ENGLISH_WORDS, RUSSIAN_WORDS, hard_wrapped};
use proptest::prelude::*;
use stenogram::ingest::{Parsed, parse};
use stenogram::model::Transcript;
use stenogram::translit::to_latin;

/// Every string the model holds.
fn strings(t: &Transcript) -> Vec<&str> {
    let mut out = Vec::new();
    for s in &t.speakers {
        out.extend([s.id.as_str(), &s.name.en, &s.name.ru]);
    }
    for l in t.langs() {
        let Some(v) = t.version(l) else { continue };
        let m = &v.meta;
        out.extend(
            [&m.title, &m.date, &m.place, &m.source]
                .into_iter()
                .flatten()
                .map(String::as_str),
        );
        out.extend(v.paragraphs().map(|(_, p)| p.text.as_str()));
    }
    out
}

/// Every paragraph's text, language by language.
fn paragraph_texts(t: &Transcript) -> Vec<&str> {
    t.langs()
        .into_iter()
        .filter_map(|l| t.version(l))
        .flat_map(|v| v.paragraphs().map(|(_, p)| p.text.as_str()))
        .collect()
}

/// Each non-blank input line is accounted for: its text (or the speech after its label, or the item after
/// its bullet) is a paragraph, it is metadata, or it is a break with no letters. A bare label (nothing after
/// it) names a speaker, or no turn starts on the next line (it labels no speech, so it makes no speaker).
fn assert_nothing_lost(input: &str, p: &Parsed) {
    let t = &p.transcript;
    let paragraphs = paragraph_texts(t);
    let meta: Vec<&str> = t
        .langs()
        .into_iter()
        .filter_map(|l| t.version(l))
        .flat_map(|v| {
            let m = &v.meta;
            [&m.title, &m.date, &m.place, &m.source]
                .into_iter()
                .flatten()
                .map(String::as_str)
        })
        .collect();
    // A label may spell the name in the other script than the display name does.
    let latin = |s: &str| to_latin(s).to_lowercase();
    let surnames: Vec<String> = t
        .speakers
        .iter()
        .flat_map(|s| [s.name.en.as_str(), s.name.ru.as_str()])
        .filter_map(|n| n.rsplit([' ', '.']).next())
        .map(latin)
        .collect();
    // Turns' first paragraphs, where they are a whole line: speech under a label on the line above.
    let turn_starts: std::collections::HashSet<(u32, &str)> = t
        .langs()
        .into_iter()
        .filter_map(|l| t.version(l))
        .flat_map(|v| &v.blocks)
        .filter(|b| matches!(b.kind, stenogram::model::BlockKind::Turn(_)))
        .filter_map(|b| b.paragraphs.first().map(|p| (p.line, p.text.as_str())))
        .collect();
    let numbered: Vec<(u32, &str)> = (1..)
        .zip(input.lines().map(str::trim))
        .filter(|(_, l)| !l.is_empty())
        .collect();
    for (k, &(_, line)) in numbered.iter().enumerate() {
        // Speech after a label, an item after a bullet; a hard-wrapped line joined to the one before.
        let rest = line
            .split_once(':')
            .map_or("", |(_, rest)| rest.trim_start_matches('*').trim());
        let bare = rest.is_empty();
        // In a file of both scripts the next line may belong to the other language's half.
        let speech_follows = numbered
            .get(k + 1)
            .is_some_and(|next| turn_starts.contains(next) && script(next.1) == script(line));
        let found = paragraphs.iter().any(|p| {
            (!p.is_empty() && line.ends_with(p)) || p.contains(line) || (!rest.is_empty() && p.contains(rest))
        }) || meta
            .iter()
            .flat_map(|m| m.split("; "))
            .any(|m| line.contains(m) || m.contains(line))
            || (bare
                && (!speech_follows
                    || surnames.iter().any(|s| {
                        // Or is its initial, as `Q` is a role's (`Question`).
                        let label = latin(line.trim_end_matches(':'));
                        !s.is_empty()
                            && (label.contains(s.as_str())
                                || (label.chars().count() == 1 && s.starts_with(&label)))
                    })))
            || !line.chars().any(char::is_alphanumeric);
        assert!(found, "lost {line:?}\nfrom {input:?}\nmodel {t:#?}");
    }
}

/// Whether a line has more Cyrillic letters than Latin ones.
fn script(line: &str) -> bool {
    let cyrillic = line
        .chars()
        .filter(|c| ('\u{400}'..='\u{52F}').contains(c))
        .count();
    cyrillic > line.chars().filter(char::is_ascii_alphabetic).count()
}

fn assert_clean(t: &Transcript) {
    for s in strings(t) {
        assert!(!s.chars().any(char::is_control), "{s:?}");
    }
}

/// Lines that look like labels, structure or metadata, mixed with prose.
fn line() -> impl Strategy<Value = String> {
    let given = prop::sample::select(vec![
        "Vladimir",
        "Alexander",
        "Natalia",
        "Владимир",
        "Анна",
        "Илья",
    ]);
    let surname = prop::sample::select(vec![
        "Putin",
        "Lukashenko",
        "Breus",
        "Путин",
        "Лукашенко",
        "Пыж",
        "Ежов",
    ]);
    let initial = prop::sample::select(vec!["V.", "A.", "В.", "А.", "А.Г.", "И."]);
    let title = prop::sample::select(vec![
        "President of Russia",
        "Президент России",
        "Mr",
        "Foreign Minister",
    ]);
    let prose = prop::sample::select(vec![
        "We discussed trade and security.",
        "Я говорю: слушай, это важно.",
        "Тогда возникает вопрос: как быть?",
        "Thank you",
        "Интеграция и экономика",
        "«Цитата: в кавычках».",
        "- Пункт списка",
        "* * *",
        "<…>",
        "See also",
        "Дополнительно",
        "Q&A",
        "Moscow, 13 March 2025",
        "Source: Website of the President of Russia",
        "Question: What next?",
        "Second: the rest",
        "В.Путин: Спасибо за оригинальный вопрос.",
        "Спасибо за оригинальный вопрос.",
        "Source: I heard it from a friend in the ministry.",
        "Κυριάκος Μητσοτάκης: Καλησπέρα.",
        "Αλέξης Τσίπρας:",
        "",
    ]);
    let text = prop::sample::select(vec!["", " Good afternoon.", " Здравствуйте!", " Да."]);
    prop_oneof![
        (given.clone(), surname.clone(), text.clone()).prop_map(|(g, s, t)| format!("{g} {s}:{t}")),
        (given.clone(), surname.clone()).prop_map(|(g, s)| format!("{g} {s}")),
        (initial.clone(), surname.clone(), text.clone()).prop_map(|(i, s, t)| format!("{i}{s}:{t}")),
        (initial, surname.clone()).prop_map(|(i, s)| format!("{i}{s}")),
        (title, given, surname.clone(), text.clone()).prop_map(|(ti, g, s, t)| format!("{ti} {g} {s}:{t}")),
        (surname.clone(), text.clone()).prop_map(|(s, t)| format!("{s}:{t}")),
        (surname, text).prop_map(|(s, t)| format!("**{s}:**{t}")),
        prose.prop_map(str::to_string),
        "[ -~а-яА-ЯёЁ:.,!?«»—–-]{0,60}",
    ]
}

/// Sentences that an interview's lines are made of, some with ordinary colons.
const SENTENCES: &[&str] = &[
    "So, we've got a picture?",
    "This is my home.",
    "He said: Yes.",
    "Note: the walls breathe.",
    "We met at 10:30 today.",
    "Итак, у нас есть фото?",
    "Он сказал: да.",
    "(Applause)",
    "Смех",
    "Yes.",
];

/// A line of an interview: sentences, some after a label inside the line.
fn interview_line() -> impl Strategy<Value = Vec<(&'static str, &'static str)>> {
    let label = prop::sample::select(vec!["", "", "CA: ", "WK: ", "КА: ", "Chris Anderson: ", "Note: "]);
    prop::collection::vec((label, prop::sample::select(SENTENCES.to_vec())), 1..6)
}

fn join_line(parts: &[(&str, &str)]) -> String {
    parts
        .iter()
        .map(|(l, s)| format!("{l}{s}"))
        .collect::<Vec<_>>()
        .join(" ")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Labels inside lines: whatever is taken as a label, every sentence is still in a paragraph, and a
    /// sentence with an ordinary colon is never cut at it.
    #[test]
    fn labels_inside_lines_lose_nothing(lines in prop::collection::vec(interview_line(), 1..12), evidence: bool) {
        let mut input = String::new();
        if evidence {
            input.push_str("Chris Anderson: Welcome.\nWilliam Kent: Thank you.\n");
        }
        for parts in &lines {
            input.push_str(&join_line(parts));
            input.push('\n');
        }
        let p = parse(&input);
        let t = &p.transcript;
        // A first line may be read as the title.
        let paragraphs: Vec<&str> = t
            .langs()
            .into_iter()
            .filter_map(|l| t.version(l))
            .flat_map(|v| v.paragraphs().map(|(_, p)| p.text.as_str()).chain(v.meta.title.as_deref()))
            .collect();
        for &(_, sentence) in lines.iter().flatten() {
            prop_assert!(
                paragraphs.iter().any(|p| p.contains(sentence)),
                "lost {:?} from {:?}: {:?}", sentence, input, paragraphs
            );
        }
        // `Note:` is never a label here: wherever it stands, the sentence after it stays with it.
        for parts in &lines {
            for (label, sentence) in parts.iter().filter(|(l, _)| *l == "Note: ") {
                let whole = format!("{label}{sentence}");
                prop_assert!(paragraphs.iter().any(|p| p.contains(&whole)), "cut {:?}: {:?}", whole, paragraphs);
            }
        }
        // Nothing is invented: a paragraph's non-space characters come from the input, in order.
        let input_chars: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        for para in &paragraphs {
            let chars: String = para.chars().filter(|c| !c.is_whitespace()).collect();
            prop_assert!(input_chars.contains(&chars), "{:?} not in {:?}", para, input);
        }
    }

    #[test]
    fn arbitrary_text_parses_cleanly(input in any::<String>()) {
        let p = parse(&input);
        assert_clean(&p.transcript);
    }

    #[test]
    fn label_like_documents_lose_nothing(lines in prop::collection::vec(line(), 0..40)) {
        let input = lines.join("\n");
        let p = parse(&input);
        assert_clean(&p.transcript);
        assert_nothing_lost(&input, &p);
        // Round trip through JSON.
        let json = serde_json::to_string(&p.transcript).unwrap();
        let back: Transcript = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, p.transcript);
    }

    #[test]
    fn paragraph_lines_are_source_lines(lines in prop::collection::vec(line(), 1..30)) {
        let input = lines.join("\n");
        let p = parse(&input);
        let source: Vec<&str> = input.lines().collect();
        for l in p.transcript.langs() {
            for (_, para) in p.transcript.version(l).unwrap().paragraphs() {
                let line = source[para.line as usize - 1].trim();
                // The paragraph starts with the end of its line: all of it, or the speech after a label.
                // Or a piece inside it: a turn after a label inside the line, or what follows a reaction.
                let starts_there = line.contains(para.text.as_str())
                    || (0..line.len())
                        .filter(|&k| line.is_char_boundary(k))
                        .any(|k| para.text.starts_with(&line[k..]));
                prop_assert!(starts_there, "{:?} is not on line {}: {:?}", para.text, para.line, line);
            }
        }
    }
}

/// A paragraph of prose in one language: sentences of mostly small words, a capital after each full stop.
fn prose_paragraph(words: &'static [&'static str]) -> impl Strategy<Value = String> {
    let sentence = prop::collection::vec(prop::sample::select(words), 6..18).prop_map(|words| {
        let mut s = words.join(" ");
        if let Some(first) = s.chars().next() {
            s.replace_range(..first.len_utf8(), &first.to_uppercase().to_string());
        }
        s.push('.');
        s
    });
    prop::collection::vec(sentence, 3..7).prop_map(|s| s.join(" "))
}

proptest! {
    /// Prose hard-wrapped at any width, its paragraphs set apart by blank lines, reads as the same
    /// paragraphs unwrapped: no wrapped line becomes a paragraph, a heading or a title of its own.
    #[test]
    fn hard_wrapped_prose_reads_as_its_paragraphs(
        paragraphs in prop_oneof![Just(ENGLISH_WORDS), Just(RUSSIAN_WORDS)]
            .prop_flat_map(|words| prop::collection::vec(prose_paragraph(words), 5..10)),
        width in 30usize..100,
    ) {
        let (input, _) = hard_wrapped(&paragraphs.join("\n\n"), width);
        // A few wrapped lines show nothing: the text must be long enough to show its width.
        let wrapped_lines = input.lines().filter(|l| !l.is_empty()).count() - paragraphs.len();
        prop_assume!(wrapped_lines >= 12);
        let t = parse(&input).transcript;
        prop_assert_eq!(paragraph_texts(&t), paragraphs.iter().map(String::as_str).collect::<Vec<_>>(), "{}", input);
    }
}
