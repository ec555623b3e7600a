//! Ranking, measured: the query set in tests/queries.tsv through the topic picker (on each
//! query's document) and `find` (across the bundled library). Prints precision at 1 and at 5:
//! `cargo test --release --test ranking -- --nocapture`; each holds above a floor a little below
//! what it reaches, so that a change that makes ranking worse fails.
//!
//! Precision at k of one query: the share of its first k results (of all of them, when fewer)
//! that are relevant, 0 when there is none; averaged over the queries.

use stenogram::align::align;
use stenogram::find::LibraryIndex;
use stenogram::library::{Document, bundled};
use stenogram::topics::{TermStats, TopicIndex};

/// Measured on this query set (59 queries): picker P@1 0.98, P@5 0.98; find P@1 0.98, P@5 0.98.
const FLOOR: Figures = Figures {
    picker: (0.95, 0.95),
    find: (0.95, 0.95),
};

struct Figures {
    picker: (f64, f64),
    find: (f64, f64),
}

struct Case {
    query: String,
    doc: String,
    expected: Vec<String>,
}

impl Case {
    /// Whether a result showing `text` is one the query's author expects.
    fn relevant(&self, text: &str) -> bool {
        self.expected.iter().any(|e| text.contains(e.as_str()))
    }
}

fn cases() -> Vec<Case> {
    include_str!("queries.tsv")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let fields: Vec<&str> = l.split('\t').collect();
            assert_eq!(fields.len(), 3, "{l}");
            Case {
                query: fields[0].into(),
                doc: fields[1].into(),
                expected: fields[2].split(" | ").map(String::from).collect(),
            }
        })
        .collect()
}

fn judged(c: &Case, shown: String) -> (bool, String) {
    (c.relevant(&shown), shown)
}

/// Mean precision at `k` of ranked relevance lists.
fn precision(lists: &[Vec<bool>], k: usize) -> f64 {
    let per_query = lists.iter().map(|l| {
        let top = &l[..l.len().min(k)];
        if top.is_empty() {
            0.0
        } else {
            top.iter().filter(|&&r| r).count() as f64 / top.len() as f64
        }
    });
    per_query.sum::<f64>() / lists.len().max(1) as f64
}

/// Prints each query's relevance list (`+` relevant, `-` not) with the results judged not
/// relevant, and the figures; returns (P@1, P@5).
fn report(what: &str, cases: &[Case], results: &[Vec<(bool, String)>]) -> (f64, f64) {
    for (c, l) in cases.iter().zip(results) {
        let marks: String = l.iter().map(|(r, _)| if *r { '+' } else { '-' }).collect();
        println!("{what:>6}  {marks:<5}  {}", c.query);
        for (_, text) in l.iter().filter(|(r, _)| !r) {
            let text: String = text.replace('\n', " / ").chars().take(150).collect();
            println!("{:>6}         - {text}", "");
        }
    }
    let lists: Vec<Vec<bool>> = results
        .iter()
        .map(|l| l.iter().map(|(r, _)| *r).collect())
        .collect();
    let lists = &lists;
    let figures = (precision(lists, 1), precision(lists, 5));
    println!(
        "{what}: P@1 {:.2}, P@5 {:.2} over {} queries",
        figures.0,
        figures.1,
        cases.len()
    );
    figures
}

fn document<'d>(docs: &'d [Document], part: &str) -> &'d Document {
    let found: Vec<&Document> = docs.iter().filter(|d| d.name.contains(part)).collect();
    assert_eq!(found.len(), 1, "{part}");
    found[0]
}

#[test]
fn the_query_set_has_forty_queries_in_each_script_over_the_library() {
    let cases = cases();
    let docs = bundled();
    let cyrillic = |q: &str| q.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c));
    let (ru, latin): (Vec<&Case>, Vec<&Case>) = cases.iter().partition(|c| cyrillic(&c.query));
    assert!(cases.len() >= 40 && ru.len() >= 20 && latin.len() >= 20);
    for c in &cases {
        let d = document(&docs, &c.doc);
        // Every expected passage is somewhere in the library.
        for e in &c.expected {
            assert!(
                docs.iter().any(|d| d
                    .transcript
                    .versions
                    .en
                    .iter()
                    .chain(&d.transcript.versions.ru)
                    .any(|v| v.paragraphs().any(|(_, p)| p.text.contains(e.as_str())))),
                "{}: {e}",
                c.query
            );
        }
        assert!(!d.transcript.langs().is_empty());
    }
}

/// Runs every query through `results` (what it shows, best first, at most five), prints the
/// figures and checks them against `floor`.
fn measure(what: &str, floor: (f64, f64), results: impl Fn(&Case) -> Vec<String>) {
    let cases = cases();
    let judged: Vec<Vec<(bool, String)>> = cases
        .iter()
        .map(|c| {
            results(c)
                .into_iter()
                .take(5)
                .map(|shown| judged(c, shown))
                .collect()
        })
        .collect();
    let (p1, p5) = report(what, &cases, &judged);
    assert!(p1 >= floor.0 && p5 >= floor.1, "{what}: P@1 {p1:.2}, P@5 {p5:.2}");
}

#[test]
fn topic_picker_precision() {
    let docs = bundled();
    // Each document's topics, as the reader builds them.
    let indexes: Vec<TopicIndex> = docs
        .iter()
        .map(|d| TopicIndex::build(&d.transcript, &align(&d.transcript), TermStats::bundled()))
        .collect();
    measure("picker", FLOOR.picker, |c| {
        let d = document(&docs, &c.doc);
        let at = docs
            .iter()
            .position(|x| std::ptr::eq(x, d))
            .expect("a bundled document");
        let hits = indexes[at].query(&c.query, 5);
        hits.iter()
            .map(|hit| format!("{}\n{}", hit.snippet.en, hit.snippet.ru))
            .collect()
    });
}

#[test]
fn find_precision() {
    let docs = bundled();
    let index = LibraryIndex::build(&docs);
    measure("find", FLOOR.find, |c| {
        let found = index.find(&docs, &c.query);
        found
            .iter()
            .map(|f| format!("{}\n{}", f.text.en, f.text.ru))
            .collect()
    });
}
