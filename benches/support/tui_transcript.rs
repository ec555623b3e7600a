//! A generated bilingual transcript of a given size, for benchmarks: turns by a handful of
//! speakers, headings, and paragraphs of varied length in both languages.

use stenogram::model::{Block, BlockKind, ByLang, Meta, Paragraph, Speaker, Transcript, Version};

const EN: &[&str] = &[
    "the",
    "president",
    "said",
    "that",
    "cooperation",
    "between",
    "our",
    "countries",
    "is",
    "growing",
    "trade",
    "security",
    "ceasefire",
    "negotiations",
    "economy",
    "energy",
    "we",
    "discussed",
    "questions",
    "of",
    "integration",
    "and",
    "the",
    "Union",
    "State",
    "Oreshnik",
    "agreement",
    "today",
    "very",
];
const RU: &[&str] = &[
    "президент",
    "сказал",
    "что",
    "сотрудничество",
    "между",
    "нашими",
    "странами",
    "растёт",
    "торговля",
    "безопасность",
    "перемирие",
    "переговоры",
    "экономика",
    "энергетика",
    "мы",
    "обсудили",
    "вопросы",
    "интеграции",
    "и",
    "Союзного",
    "государства",
    "Орешник",
    "соглашение",
    "сегодня",
    "очень",
];

/// A small deterministic generator (xorshift), so every run benchmarks the same text.
struct Rng(u64);

impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

fn sentence(rng: &mut Rng, words: &[&str], len: usize) -> String {
    let mut s = String::new();
    for i in 0..len {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(words[rng.next(words.len())]);
    }
    s.push('.');
    s
}

fn para(text: String) -> Paragraph {
    Paragraph {
        sentences: vec![(0..text.len()).into()],
        text,
        line: 0,
    }
}

/// A transcript of about `bytes` bytes of text across both languages.
pub fn generate(bytes: usize) -> Transcript {
    let mut rng = Rng(0x5eed_2025);
    let mut blocks = ByLang::<Vec<Block>>::default();
    let mut total = 0;
    let mut turn = 0;
    while total < bytes {
        turn += 1;
        if turn % 40 == 0 {
            for (lang, words) in [(&mut blocks.en, EN), (&mut blocks.ru, RU)] {
                let text = sentence(&mut rng, words, 3);
                total += text.len();
                lang.push(Block {
                    kind: BlockKind::Heading,
                    paragraphs: vec![para(text)],
                });
            }
        }
        let paras = 1 + rng.next(4);
        let lens: Vec<usize> = (0..paras).map(|_| 8 + rng.next(80)).collect();
        let speaker = rng.next(5);
        for (lang, words) in [(&mut blocks.en, EN), (&mut blocks.ru, RU)] {
            let paragraphs: Vec<Paragraph> =
                lens.iter().map(|&n| para(sentence(&mut rng, words, n))).collect();
            total += paragraphs.iter().map(|p| p.text.len()).sum::<usize>();
            lang.push(Block {
                kind: BlockKind::Turn(speaker),
                paragraphs,
            });
        }
    }
    let speakers = (0..5)
        .map(|i| Speaker {
            id: format!("speaker{i}"),
            name: ByLang::new(format!("Speaker {i}"), format!("Докладчик {i}")),
            transliterated: ByLang::default(),
        })
        .collect();
    let version = |blocks: Vec<Block>, title: &str| {
        Some(Version {
            meta: Meta {
                title: Some(title.into()),
                ..Meta::default()
            },
            blocks,
        })
    };
    Transcript {
        speakers,
        versions: ByLang::new(
            version(blocks.en, "Generated"),
            version(blocks.ru, "Сгенерировано"),
        ),
    }
}
