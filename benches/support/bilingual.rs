//! A generator of large bilingual transcripts for benches: seed 000 (English, then the Russian
//! original) repeated until the wanted size, the two leading speakers swapped in every other
//! repetition and a few paragraphs of each language left out at random. Include it with
//! `#[path = "support/bilingual.rs"] mod bilingual;`.

/// The seed the generator repeats: a Kremlin press conference, English then Russian.
pub const SEED: &str = include_str!("../../tests/data/000_press_conference.txt");

/// A transcript of about `bytes` bytes in the seed's format, the same for the same `seed`.
pub fn bilingual(bytes: usize, seed: u64) -> String {
    let lines: Vec<&str> = SEED.lines().collect();
    let marker = lines
        .iter()
        .position(|l| l.starts_with("Source: e-translated"))
        .unwrap_or(lines.len());
    let related = lines
        .iter()
        .position(|l| *l == "Дополнительно")
        .unwrap_or(lines.len());
    // Dateline | English body | marker | Russian title | Russian body | related links and source.
    let (en, ru) = (&lines[1..marker], &lines[(marker + 2).min(related)..related]);
    let reps = (bytes / SEED.len()).max(1);
    let mut rng = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let mut out = String::with_capacity(bytes + SEED.len());
    let mut push_body = |out: &mut String, body: &[&str], keep_in_100: u64| {
        for rep in 0..reps {
            for line in body {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                let label = line.find(": ").is_some_and(|k| k <= 24) || line.chars().count() < 40;
                if !label && rng % 100 >= keep_in_100 {
                    continue;
                }
                let line = if rep % 2 == 1 {
                    swap_speakers(line)
                } else {
                    (*line).to_string()
                };
                out.push_str(&line);
                out.push('\n');
            }
        }
    };
    out.push_str(lines[0]);
    out.push('\n');
    push_body(&mut out, en, 97);
    for l in &lines[marker..(marker + 2).min(lines.len())] {
        out.push_str(l);
        out.push('\n');
    }
    push_body(&mut out, ru, 95);
    for l in &lines[related..] {
        out.push_str(l);
        out.push('\n');
    }
    out
}

/// Swaps the labels of the two presidents, in both languages, so that turns differ between
/// repetitions as they would in a long transcript with changing speakers.
fn swap_speakers(line: &str) -> String {
    const PAIRS: [(&str, &str); 4] = [
        ("Vladimir Putin:", "Aleksandr Lukashenko"),
        ("V. Putin:", "A. Lukashenko:"),
        ("В.Путин", "А.Лукашенко"),
        ("В.Путин:", "А.Лукашенко:"),
    ];
    for (a, b) in PAIRS {
        if let Some(rest) = line.strip_prefix(a) {
            return format!("{b}{rest}");
        }
        if let Some(rest) = line.strip_prefix(b) {
            return format!("{a}{rest}");
        }
    }
    line.to_string()
}
