//! Timings are not text: the numbers and timings of subtitles' cues (SubRip `.srt`, WebVTT
//! `.vtt`) and the timestamps of a timed transcript (`[00:01:23] Anna: …`, `Anna  1:23`) are left
//! out, so that the text reads, and aligns, as a plain transcript's does: a sentence that runs on
//! from one cue into the next is one sentence again, and a speaker's label after a timestamp is a
//! label.

use super::labels::ends_sentence;
use super::{Lines, digits};
use std::borrow::Cow;

/// A file's lines without their timings.
pub(super) struct Untimed<'a> {
    pub lines: Lines<'a>,
    /// The source lines, in order, whose text runs on in the next line: a subtitle's cue ends where
    /// its time does, mid-sentence as often as not.
    pub runs_on: Vec<u32>,
}

/// Subtitles' cues and a transcript's timestamps left out of `lines`.
pub(super) fn untimed(lines: Lines<'_>) -> Untimed<'_> {
    let (lines, runs_on) = without_cues(lines);
    Untimed {
        lines: without_stamps(lines),
        runs_on,
    }
}

/// Subtitles' markup left out of `text`, as players leave it out: a WebVTT cue's voice
/// (`<v Roger Bingham>We are…`) becomes a speaker's label (`Roger Bingham: We are…`), other tags
/// (`<i>`, `<font color=…>`, `<c.yellow>`, YouTube's `<00:00:01.500>`) go. Text other than
/// subtitles is as it is.
pub(super) fn unmarked(text: &str) -> Cow<'_, str> {
    let subtitles = || {
        opens_webvtt(text)
            || text
                .lines()
                .filter(|l| is_timing(l.trim()))
                .nth(MIN_CUES - 1)
                .is_some()
    };
    if !text.contains('<') || !subtitles() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    // The voice speaking: a cue in the same voice goes on with the speech, unlabelled.
    let mut speaking = "";
    for line in text.split_inclusive('\n') {
        let mut rest = line;
        if let Some((voice, after)) = rest.strip_prefix("<v").and_then(|r| r.split_once('>')) {
            // `<v Name>` or `<v.loud Name>`: the class is no part of the name.
            let name = voice.split_once(' ').map_or("", |(_, name)| name.trim());
            if !name.is_empty() && name != speaking {
                out.push_str(name);
                out.push_str(": ");
                speaking = name;
            }
            rest = after;
        }
        while let Some(open) = rest.find('<') {
            let tag = rest[open + 1..]
                .find('>')
                .map(|end| &rest[open + 1..open + 1 + end]);
            match tag.filter(|t| is_tag(t)) {
                Some(t) => {
                    out.push_str(&rest[..open]);
                    rest = &rest[open + t.len() + 2..];
                }
                None => {
                    out.push_str(&rest[..=open]);
                    rest = &rest[open + 1..];
                }
            }
        }
        out.push_str(rest);
    }
    Cow::Owned(out)
}

/// Whether `text` opens with WebVTT's header line.
fn opens_webvtt(text: &str) -> bool {
    text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .starts_with("WEBVTT")
}

/// What stands between `<` and `>` in a WebVTT tag: a tag's name (`i`, `/c`, `c.yellow`,
/// `lang en`) or a time.
fn is_tag(inner: &str) -> bool {
    let name = inner.strip_prefix('/').unwrap_or(inner);
    let head = name.split(['.', ' ']).next().unwrap_or("");
    matches!(
        head,
        "b" | "i" | "u" | "c" | "v" | "lang" | "ruby" | "rt" | "font"
    ) || is_timestamp(inner)
}

/// Fewest timings that make a file subtitles.
const MIN_CUES: usize = 2;
/// Fewest cues repeating the line before them, and their least share of the cues after text, that
/// make captions rolling ([`rolled`]).
const ROLLING_CUES: usize = 5;
const ROLLING_SHARE: f32 = 0.8;

/// `lines` without the header, cue numbers and timings of subtitles, and the lines of their text
/// that end mid-sentence, except the last; as they are, and none, when they hold fewer than
/// [`MIN_CUES`] timings.
fn without_cues(lines: Lines<'_>) -> (Lines<'_>, Vec<u32>) {
    let timing: Vec<bool> = lines.iter().map(|(_, l)| is_timing(l.trim())).collect();
    if timing.iter().filter(|&&t| t).count() < MIN_CUES {
        return (lines, Vec::new());
    }
    let mut dropped = timing.clone();
    for i in 1..lines.len() {
        // A cue's number stands on the line right before its timing; a WebVTT cue's name in
        // words is kept, as text may stand there too.
        let named =
            follows(&lines, i) && !timing[i - 1] && lines[i - 1].1.trim().bytes().all(|b| b.is_ascii_digit());
        dropped[i - 1] |= timing[i] && named;
    }
    if lines.first().is_some_and(|first| opens_webvtt(first.1)) {
        for (dropped, no_text) in dropped.iter_mut().zip(webvtt_blocks(&lines, &timing)) {
            *dropped |= no_text;
        }
    }
    for i in rolled(&lines, &timing, &dropped) {
        dropped[i] = true;
    }
    let kept = |i: &usize| !dropped[*i];
    let last = (0..lines.len()).rfind(kept);
    // A line right above a timing names the cue (WebVTT): it does not run on into the cue's text.
    let runs_on = (0..lines.len())
        .filter(kept)
        .filter(|&i| Some(i) != last && !(timing.get(i + 1) == Some(&true) && follows(&lines, i + 1)))
        .filter(|&i| !lines[i].1.split_whitespace().last().is_some_and(ends_sentence))
        .map(|i| lines[i].0)
        .collect();
    let text = lines
        .into_iter()
        .zip(dropped)
        .filter(|&(_, dropped)| !dropped)
        .map(|(line, _)| line)
        .collect();
    (text, runs_on)
}

/// Which lines of a WebVTT file are no cue's text: a header (`WEBVTT`, then settings such as
/// `Kind: captions`, up to the first timing), and blocks of comments, style or regions (`NOTE`,
/// `STYLE`, `REGION`), each up to the next blank line. A block with a timing on its first two
/// lines is a cue, whatever its name says (`NOTE 1` may name one).
fn webvtt_blocks(lines: &Lines<'_>, timing: &[bool]) -> Vec<bool> {
    let mut out = vec![false; lines.len()];
    let mut start = 0;
    while start < lines.len() {
        let end = (start + 1..lines.len())
            .find(|&k| !follows(lines, k))
            .unwrap_or(lines.len());
        let head = lines[start].1.trim();
        let block = start..end;
        if opens_webvtt(head) {
            let cues = block.clone().find(|&k| timing[k]).unwrap_or(end);
            out[start..cues].fill(true);
        } else if ["NOTE", "STYLE", "REGION"].iter().any(|k| {
            head.strip_prefix(k)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
        }) && !block.take(2).any(|k| timing[k])
        {
            out[start..end].fill(true);
        }
        start = end;
    }
    out
}

/// The lines of rolling captions that repeat the line before them: YouTube's automatic captions
/// show each line twice, first as it is spoken, then above the next one, so that every cue repeats
/// the line the cue before it ended with. Only where nearly every cue does so: elsewhere a line
/// said again in the next cue ("No." "No.") is said twice.
fn rolled(lines: &Lines<'_>, timing: &[bool], dropped: &[bool]) -> Vec<usize> {
    let text = |i: usize| lines[i].1.trim();
    let (mut repeats, mut followed) = (Vec::new(), 0);
    // Whether a cue has begun, whether its first line of text is still to come, and the last
    // line of text of the cues so far.
    let (mut in_cue, mut opening, mut last) = (false, false, None);
    for (i, &t) in timing.iter().enumerate() {
        if t {
            (in_cue, opening) = (true, true);
            continue;
        }
        if !in_cue || dropped[i] {
            continue;
        }
        if std::mem::take(&mut opening)
            && let Some(before) = last
        {
            followed += 1;
            if text(i) == text(before) {
                repeats.push(i);
            }
        }
        last = Some(i);
    }
    if repeats.len() < ROLLING_CUES || (repeats.len() as f32) < ROLLING_SHARE * followed as f32 {
        return Vec::new();
    }
    repeats
}

/// Whether line `k` of `lines` comes right after the one before it: blank lines are gone from
/// `lines`, and a blank line ends a cue or a block.
fn follows(lines: &Lines<'_>, k: usize) -> bool {
    k > 0 && lines[k].0 == lines[k - 1].0 + 1
}

/// `00:01:02,500 --> 00:01:05,000` (SubRip); `01:02.500 --> 01:05.000 line:90%` (WebVTT).
fn is_timing(line: &str) -> bool {
    line.split_once("-->").is_some_and(|(from, to)| {
        is_timestamp(from.trim()) && to.split_whitespace().next().is_some_and(is_timestamp)
    })
}

/// `00:01:02,500`, `00:01:02.500`, `01:02.500`.
fn is_timestamp(s: &str) -> bool {
    s.rsplit_once([',', '.'])
        .is_some_and(|(clock, fraction)| is_clock(clock) && digits(fraction, 3))
}

/// `01:02:03`, `1:02:03`, `01:02`, `1:02`: hours or minutes, then minutes and seconds below 60.
fn is_clock(s: &str) -> bool {
    let parts: Vec<&str> = s.split(':').collect();
    (2..=3).contains(&parts.len())
        && digits(parts[0], 2)
        && parts[1..]
            .iter()
            .all(|p| p.len() == 2 && digits(p, 2) && p.as_bytes()[0] < b'6')
}

/// A time as transcripts stamp it: [`is_clock`] or [`is_timestamp`].
fn is_stamp(s: &str) -> bool {
    is_clock(s) || is_timestamp(s)
}

/// Fewest timestamped lines that make a timed transcript, and the least share of its lines.
const MIN_STAMPED: usize = 3;
const MIN_STAMPED_SHARE: f32 = 0.2;

/// `lines` without the timestamps of a timed transcript: before a line's text
/// (`[00:01:23] Anna: …`, `(1:23) …`, `00:01:23 - …`), after a speaker's name alone on its line
/// (`Anna Petrova  1:23`, as Otter writes), or alone on a line; as they are unless such lines
/// make up a [`MIN_STAMPED_SHARE`] of the document, as a time quoted in prose does not.
fn without_stamps(lines: Lines<'_>) -> Lines<'_> {
    let untimed: Vec<Option<&str>> = lines.iter().map(|(_, l)| unstamped(l)).collect();
    let stamped = untimed.iter().filter(|u| u.is_some()).count();
    if stamped < MIN_STAMPED || (stamped as f32) < MIN_STAMPED_SHARE * lines.len() as f32 {
        return lines;
    }
    lines
        .into_iter()
        .zip(untimed)
        .filter_map(|((n, line), untimed)| match untimed {
            Some("") => None,
            Some(text) => Some((n, text)),
            None => Some((n, line)),
        })
        .collect()
}

/// `line` without its timestamp, if it has one where timed transcripts put them.
fn unstamped(line: &str) -> Option<&str> {
    let line = line.trim();
    leading_stamp(line).or_else(|| trailing_stamp(line))
}

/// The text after a timestamp that opens `line`, perhaps with a dash after it. Out of brackets and
/// before text, only a time with seconds (`01:02:03`, `1:02.5`) counts: `18:30 The talks began.`
/// tells the time of day.
fn leading_stamp(line: &str) -> Option<&str> {
    let (stamp, rest, bare) = match line.strip_prefix(['[', '(']) {
        Some(inner) => {
            let (stamp, rest) = inner.split_once([']', ')'])?;
            (stamp, rest, false)
        }
        None => {
            let (stamp, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
            (stamp, rest, true)
        }
    };
    let rest = rest.trim_start();
    let timed = if bare && !rest.is_empty() {
        is_timestamp(stamp) || (is_clock(stamp) && stamp.matches(':').count() == 2)
    } else {
        is_stamp(stamp)
    };
    timed.then(|| {
        rest.strip_prefix(['-', '–', '—', '|'])
            .map_or(rest, str::trim_start)
    })
}

/// A short line without sentence punctuation (a speaker's name) and the timestamp after it.
fn trailing_stamp(line: &str) -> Option<&str> {
    const MAX_NAME_WORDS: usize = 5;
    let (name, stamp) = line.rsplit_once(char::is_whitespace)?;
    let stamp = stamp
        .strip_prefix(['[', '('])
        .and_then(|s| s.strip_suffix([']', ')']))
        .unwrap_or(stamp);
    let name = name.trim_end();
    let words = name.split_whitespace().count();
    (is_stamp(stamp)
        && (1..=MAX_NAME_WORDS).contains(&words)
        && !name.contains(['.', '!', '?', ',', ';', ':']))
    .then_some(name)
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
            (
                vec![
                    (3, "Where have you been?"),
                    (7, "- I'm sorry."),
                    (8, "- 2 hours late!")
                ],
                vec![]
            )
        );
        let vtt = "WEBVTT\n\nintro\n01:02.500 --> 01:05.000 line:90%\nHello.\n\n01:06.000 --> 01:08.000\n7\n";
        assert_eq!(
            without_cues(numbered(vtt)),
            (vec![(3, "intro"), (5, "Hello."), (8, "7")], vec![])
        );
    }

    #[test]
    fn webvtt_voices_are_labels_and_other_tags_go() {
        let vtt = "WEBVTT\n\n00:01.000 --> 00:03.000\n<v Roger Bingham>We are in <i>New York</i>\n\n\
                   00:03.000 --> 00:05.000\n<v Roger Bingham>City<00:04.200><c> now</c>.\n\n\
                   00:05.000 --> 00:07.000\n<v.loud Neil Tyson>Yes. 2 < 3 and <3 is a heart.\n";
        assert_eq!(
            unmarked(vtt),
            "WEBVTT\n\n00:01.000 --> 00:03.000\nRoger Bingham: We are in New York\n\n\
             00:03.000 --> 00:05.000\nCity now.\n\n\
             00:05.000 --> 00:07.000\nNeil Tyson: Yes. 2 < 3 and <3 is a heart.\n"
        );
        let srt = "1\n00:00:01,000 --> 00:00:02,000\n<i>Hi</i>\n\n\
                   2\n00:00:02,000 --> 00:00:03,000\n<font color=\"#ff0\">there</font>\n";
        assert_eq!(
            unmarked(srt),
            "1\n00:00:01,000 --> 00:00:02,000\nHi\n\n2\n00:00:02,000 --> 00:00:03,000\nthere\n"
        );
        // Tags are subtitles' only: in other text, `<i>` is text.
        assert_eq!(unmarked("Write <i> for italics.\n"), "Write <i> for italics.\n");
    }

    #[test]
    fn a_cue_that_ends_mid_sentence_runs_on() {
        let srt = "1\n00:00:01,000 --> 00:00:03,000\nWe build our houses\nfrom clay\n\n\
                   2\n00:00:03,000 --> 00:00:05,000\nand straw. (Laughter)\n\n\
                   3\n00:00:05,000 --> 00:00:07,000\nThey last, for\n\n\
                   4\n00:00:07,000 --> 00:00:09,000\n- a century?\n- More.\n";
        let (text, runs_on) = without_cues(numbered(srt));
        assert_eq!(text.len(), 6);
        assert_eq!(runs_on, [3, 4, 12]);
        let joined: Vec<String> = super::super::wrap::unwrap(&text, &runs_on)
            .into_iter()
            .map(|j| j.text.into_owned())
            .collect();
        // A line of dialogue opens with its dash, even after a cue cut mid-sentence.
        assert_eq!(
            joined,
            [
                "We build our houses from clay and straw. (Laughter)",
                "They last, for",
                "- a century?",
                "- More."
            ]
        );
        // WebVTT numbers no cues: the text runs on over the next cue's timing all the same.
        let vtt = "WEBVTT\n\n00:01.000 --> 00:03.000\nWe build our houses\n\n\
                   00:03.000 --> 00:05.000\nfrom clay.\n";
        assert_eq!(without_cues(numbered(vtt)).1, [4]);
    }

    #[test]
    fn webvtt_settings_and_comments_are_no_text() {
        let vtt = "WEBVTT\nKind: captions\nLanguage: en\n\nNOTE made by hand\nfor the test\n\n\
                   STYLE\n::cue { color: yellow }\n\n00:01.000 --> 00:03.000\nHello.\n\n\
                   00:03.000 --> 00:05.000\nKind: captions, she said.\n";
        assert_eq!(
            without_cues(numbered(vtt)).0,
            [(12, "Hello."), (15, "Kind: captions, she said.")]
        );
        // A cue may follow the header without a blank line; a cue may be named `NOTE 1`; a second
        // file's header (a pair in one file) is a header too.
        let vtt = "WEBVTT\n00:01.000 --> 00:03.000\nHello.\n\nNOTE 1\n00:03.000 --> 00:05.000\nThere.\n\n\
                   WEBVTT\nKind: captions\n\n00:01.000 --> 00:03.000\nПривет.\n";
        assert_eq!(
            without_cues(numbered(vtt)).0,
            [(3, "Hello."), (5, "NOTE 1"), (7, "There."), (13, "Привет.")]
        );
        // In a file that is not WebVTT, such lines are text.
        let srt =
            "1\n00:00:01,000 --> 00:00:02,000\nNOTE this.\n\n2\n00:00:02,000 --> 00:00:03,000\nKind: yes\n";
        assert_eq!(
            without_cues(numbered(srt)).0,
            [(3, "NOTE this."), (7, "Kind: yes")]
        );
    }

    #[test]
    fn rolling_captions_say_each_line_once() {
        // As YouTube writes its automatic captions, the inline times already gone (`unmarked`).
        let vtt = "WEBVTT\nKind: captions\nLanguage: en\n\n\
                   00:00:00.000 --> 00:00:02.350 align:start position:0%\n \nso today we are going to talk\n\n\
                   00:00:02.350 --> 00:00:02.360 align:start position:0%\nso today we are going to talk\n \n\n\
                   00:00:02.360 --> 00:00:05.000 align:start position:0%\nso today we are going to talk\nabout the weather.\n\n\
                   00:00:05.000 --> 00:00:05.010 align:start position:0%\nabout the weather.\n \n\n\
                   00:00:05.010 --> 00:00:07.000 align:start position:0%\nabout the weather.\nNo.\n\n\
                   00:00:07.000 --> 00:00:07.010 align:start position:0%\nNo.\n \n\n\
                   00:00:07.010 --> 00:00:09.000 align:start position:0%\nNo.\nNo.\n";
        let (text, runs_on) = without_cues(numbered(vtt));
        let lines: Vec<&str> = text.iter().map(|l| l.1).collect();
        // "No." said twice stays twice: the second is a line of its own, not the roll's repeat.
        assert_eq!(
            lines,
            [
                "so today we are going to talk",
                "about the weather.",
                "No.",
                "No."
            ]
        );
        assert_eq!(runs_on, [text[0].0]);
        // Where cues do not roll, a line said again in the next cue is said twice.
        let srt = "1\n00:00:01,000 --> 00:00:02,000\nNo.\n\n2\n00:00:02,000 --> 00:00:03,000\nNo.\n\n\
                   3\n00:00:03,000 --> 00:00:04,000\nLeave.\n\n4\n00:00:04,000 --> 00:00:05,000\nNow.\n\n\
                   5\n00:00:05,000 --> 00:00:06,000\nPlease.\n";
        assert_eq!(without_cues(numbered(srt)).0.len(), 5);
        // Nor do a few cues that say the same thing again.
        let srt = "1\n00:00:01,000 --> 00:00:02,000\nNo.\n\n2\n00:00:02,000 --> 00:00:03,000\nNo.\n\n\
                   3\n00:00:03,000 --> 00:00:04,000\nNo.\n";
        assert_eq!(without_cues(numbered(srt)).0.len(), 3);
    }

    #[test]
    fn a_transcript_with_times_is_no_subtitles() {
        let text = "18:30\nThe talks began.\n\n1\nOne timing, 00:00:01,000 --> 00:00:03,500, is quoted.\n";
        assert_eq!(without_cues(numbered(text)), (numbered(text), vec![]));
        assert!(!is_timing("12:30 --> 13:00"));
        assert!(!is_timing("00:00:01,000 -> 00:00:03,500"));
    }

    #[test]
    fn timestamps_are_left_out_before_text_after_a_name_and_alone() {
        let text = "[00:01:23] Anna: Hello.\n(1:25) - Next.\n00:01:30 Bob: Hi.\n\
                    Anna Petrova  1:32\nSo.\n1:40\nEnd.\n";
        assert_eq!(
            without_stamps(numbered(text)),
            [
                (1, "Anna: Hello."),
                (2, "Next."),
                (3, "Bob: Hi."),
                (4, "Anna Petrova"),
                (5, "So."),
                (7, "End.")
            ]
        );
    }

    #[test]
    fn times_of_day_and_a_few_stamps_stay_text() {
        // Out of brackets without seconds, a time before text is the time of day.
        let programme = "09:00 Opening.\n10:30 Panel.\n12:00 Lunch.\n";
        assert_eq!(without_stamps(numbered(programme)), numbered(programme));
        // Two stamped lines among many are quoted times, not a timed transcript.
        let story = "[10:30] was written on the note.\nShe read it.\n[11:00] was on the next.\n\
                     She went.\nIt rained.\nThe end.\nReally.\n";
        assert_eq!(without_stamps(numbered(story)), numbered(story));
        assert_eq!(trailing_stamp("At last, 12:30"), None);
        assert_eq!(trailing_stamp("Speaker 1 [00:05]"), Some("Speaker 1"));
        assert!(!is_clock("1:60") && !is_clock("123:00") && is_clock("1:02:03"));
    }
}
