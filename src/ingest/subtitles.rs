//! Subtitles (SubRip `.srt`, WebVTT `.vtt`): the numbers and timings of their cues are left out,
//! so that the text reads, and aligns, as a transcript's does; each cue's lines stay a paragraph.

use super::Lines;

/// Fewest timings that make a file subtitles.
const MIN_CUES: usize = 2;

/// `lines` without the header, cue numbers and timings of subtitles; as they are when they hold
/// fewer than [`MIN_CUES`] timings.
pub(super) fn without_cues(lines: Lines<'_>) -> Lines<'_> {
    let timing: Vec<bool> = lines.iter().map(|(_, l)| is_timing(l.trim())).collect();
    if timing.iter().filter(|&&t| t).count() < MIN_CUES {
        return lines;
    }
    let mut dropped = timing.clone();
    for i in 1..lines.len() {
        // A cue's number stands on the line right before its timing; a WebVTT cue's name in
        // words is kept, as text may stand there too.
        let (number, line) = lines[i - 1];
        let named =
            number + 1 == lines[i].0 && !timing[i - 1] && line.trim().bytes().all(|b| b.is_ascii_digit());
        dropped[i - 1] |= timing[i] && named;
    }
    if let Some(first) = lines.first() {
        dropped[0] |= first.1.trim_start().starts_with("WEBVTT");
    }
    lines
        .into_iter()
        .zip(dropped)
        .filter(|&(_, dropped)| !dropped)
        .map(|(line, _)| line)
        .collect()
}

/// `00:01:02,500 --> 00:01:05,000` (SubRip); `01:02.500 --> 01:05.000 line:90%` (WebVTT).
fn is_timing(line: &str) -> bool {
    line.split_once("-->").is_some_and(|(from, to)| {
        is_timestamp(from.trim()) && to.split_whitespace().next().is_some_and(is_timestamp)
    })
}

/// `00:01:02,500`, `00:01:02.500`, `01:02.500`.
fn is_timestamp(s: &str) -> bool {
    let digits =
        |p: &str, most: usize| (1..=most).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
    s.rsplit_once([',', '.']).is_some_and(|(clock, fraction)| {
        let parts: Vec<&str> = clock.split(':').collect();
        (2..=3).contains(&parts.len()) && parts.iter().all(|p| digits(p, 2)) && digits(fraction, 3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbered(text: &str) -> Vec<(u32, &str)> {
        (1..)
            .zip(text.lines())
            .filter(|(_, l)| !l.trim().is_empty())
            .collect()
    }

    #[test]
    fn cue_numbers_and_timings_are_left_out() {
        let srt = "1\n00:00:01,000 --> 00:00:03,500\nWhere have you been?\n\n\
                   2\n00:00:03,600 --> 00:00:06,000\n- I'm sorry.\n- 2 hours late!\n";
        assert_eq!(
            without_cues(numbered(srt)),
            [
                (3, "Where have you been?"),
                (7, "- I'm sorry."),
                (8, "- 2 hours late!")
            ]
        );
        let vtt = "WEBVTT\n\nintro\n01:02.500 --> 01:05.000 line:90%\nHello.\n\n01:06.000 --> 01:08.000\n7\n";
        assert_eq!(
            without_cues(numbered(vtt)),
            [(3, "intro"), (5, "Hello."), (8, "7")]
        );
    }

    #[test]
    fn a_transcript_with_times_is_no_subtitles() {
        let text = "18:30\nThe talks began.\n\n1\nOne timing, 00:00:01,000 --> 00:00:03,500, is quoted.\n";
        assert_eq!(without_cues(numbered(text)).len(), 4);
        assert!(!is_timing("12:30 --> 13:00"));
        assert!(!is_timing("00:00:01,000 -> 00:00:03,500"));
    }
}
