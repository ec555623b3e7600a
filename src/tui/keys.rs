//! The one key table: (key, modifiers, mode) → Action. The help overlay is generated from it.

use super::app::{Action, Mode};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One binding. `modes` lists where it applies; `help` is its line in the help overlay
/// (bindings sharing an action and help text are listed together).
pub struct Binding {
    pub modes: &'static [Mode],
    pub code: KeyCode,
    pub mods: KeyModifiers,
    pub action: Action,
    pub help: &'static str,
}

const READ: &[Mode] = &[Mode::Reader];
const LISTS: &[Mode] = &[Mode::Library, Mode::Speakers];
const INPUTS: &[Mode] = &[Mode::LibraryFilter, Mode::Picker, Mode::Search, Mode::Find];
/// The popups listing what a query found.
const FOUND: &[Mode] = &[Mode::Picker, Mode::Find];
const EVERYWHERE: &[Mode] = &[
    Mode::Library,
    Mode::LibraryFilter,
    Mode::Reader,
    Mode::Help,
    Mode::Speakers,
    Mode::Picker,
    Mode::Search,
    Mode::Mark,
    Mode::Find,
];
const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

const fn key(
    modes: &'static [Mode],
    code: KeyCode,
    mods: KeyModifiers,
    action: Action,
    help: &'static str,
) -> Binding {
    Binding {
        modes,
        code,
        mods,
        action,
        help,
    }
}

const fn ch(modes: &'static [Mode], c: char, action: Action, help: &'static str) -> Binding {
    key(modes, KeyCode::Char(c), NONE, action, help)
}

use Action as A;
use KeyCode as K;

pub const BINDINGS: &[Binding] = &[
    ch(READ, 'j', A::LineDown, "line down"),
    key(READ, K::Down, NONE, A::LineDown, "line down"),
    ch(READ, 'k', A::LineUp, "line up"),
    key(READ, K::Up, NONE, A::LineUp, "line up"),
    key(READ, K::Char('d'), CTRL, A::HalfPageDown, "half page down"),
    key(READ, K::Char('u'), CTRL, A::HalfPageUp, "half page up"),
    ch(READ, ' ', A::PageDown, "page down"),
    key(READ, K::PageDown, NONE, A::PageDown, "page down"),
    ch(READ, 'b', A::PageUp, "page up"),
    key(READ, K::PageUp, NONE, A::PageUp, "page up"),
    ch(&[Mode::Reader, Mode::Library], 'g', A::Top, "top"),
    key(&[Mode::Reader, Mode::Library], K::Home, NONE, A::Top, "top"),
    ch(&[Mode::Reader, Mode::Library], 'G', A::Bottom, "bottom"),
    key(&[Mode::Reader, Mode::Library], K::End, NONE, A::Bottom, "bottom"),
    ch(READ, '}', A::NextUnit, "next passage"),
    ch(READ, '{', A::PrevUnit, "previous passage"),
    ch(READ, ']', A::NextTurn, "next turn"),
    ch(READ, '[', A::PrevTurn, "previous turn"),
    ch(READ, 's', A::SwapPanes, "swap languages"),
    ch(READ, 'l', A::CycleLayout, "cycle layout"),
    key(READ, K::Tab, NONE, A::SwitchLanguage, "other language (1 pane)"),
    ch(READ, 'f', A::SpeakerFilter, "speaker filter"),
    ch(READ, 't', A::TopicPicker, "jump to topic"),
    key(READ, K::Char('p'), CTRL, A::TopicPicker, "jump to topic"),
    ch(READ, '/', A::Search, "search both languages"),
    ch(READ, 'n', A::NextMatch, "next match"),
    ch(READ, 'N', A::PrevMatch, "previous match"),
    key(READ, K::Esc, NONE, A::Cancel, "clear search"),
    ch(READ, ')', A::NextSentence, "next sentence"),
    ch(READ, '(', A::PrevSentence, "previous sentence"),
    ch(READ, 'z', A::StudyMode, "study: hide a language"),
    ch(READ, 'r', A::Reveal, "study: reveal its pair"),
    ch(READ, 'y', A::Copy, "copy sentence pair"),
    ch(READ, 'Y', A::CopyPassage, "copy the passage"),
    ch(READ, 'm', A::SetMark, "set mark (m + letter)"),
    ch(READ, '\'', A::GoToMark, "go to mark; '' back"),
    key(READ, K::Char('o'), CTRL, A::JumpBack, "back before last jump"),
    ch(READ, 'M', A::ToggleMouse, "mouse wheel on/off"),
    ch(&[Mode::Library], '/', A::Search, "filter the list"),
    ch(&[Mode::Library], 'f', A::FindInLibrary, "search every transcript"),
    ch(LISTS, 'j', A::Down, "down"),
    key(LISTS, K::Down, NONE, A::Down, "down"),
    ch(LISTS, 'k', A::Up, "up"),
    key(LISTS, K::Up, NONE, A::Up, "up"),
    key(FOUND, K::Down, NONE, A::Down, "down"),
    key(FOUND, K::Char('n'), CTRL, A::Down, "down"),
    key(FOUND, K::Up, NONE, A::Up, "up"),
    key(FOUND, K::Char('p'), CTRL, A::Up, "up"),
    ch(&[Mode::Speakers], ' ', A::Toggle, "check or uncheck"),
    ch(&[Mode::Speakers], 'a', A::ToggleAll, "all or none"),
    key(
        &[Mode::Library, Mode::LibraryFilter],
        K::Enter,
        NONE,
        A::Confirm,
        "open",
    ),
    key(&[Mode::Speakers], K::Enter, NONE, A::Confirm, "apply"),
    key(&[Mode::Picker], K::Enter, NONE, A::Confirm, "jump"),
    key(&[Mode::Search], K::Enter, NONE, A::Confirm, "search"),
    key(&[Mode::Find], K::Enter, NONE, A::Confirm, "search, then open"),
    key(INPUTS, K::Backspace, NONE, A::Backspace, "delete a character"),
    key(
        &[
            Mode::Speakers,
            Mode::Picker,
            Mode::Search,
            Mode::LibraryFilter,
            Mode::Mark,
            Mode::Find,
        ],
        K::Esc,
        NONE,
        A::Cancel,
        "cancel",
    ),
    // Not in the speaker list: help replaces the list, and its unapplied ticks would be lost.
    ch(&[Mode::Reader, Mode::Library], '?', A::Help, "this help"),
    ch(&[Mode::Help], '?', A::Cancel, "close help"),
    key(&[Mode::Help], K::Esc, NONE, A::Cancel, "close help"),
    ch(&[Mode::Help], 'q', A::Cancel, "close help"),
    ch(&[Mode::Reader], 'q', A::Back, "back, or quit"),
    ch(&[Mode::Library], 'q', A::Back, "quit"),
    ch(&[Mode::Speakers], 'q', A::Cancel, "cancel"),
    key(EVERYWHERE, K::Char('c'), CTRL, A::Quit, "quit"),
    key(EVERYWHERE, K::Char('z'), CTRL, A::Suspend, "suspend (fg resumes)"),
];

/// The action `event` means in `mode`; in text inputs, unbound printable keys type themselves.
pub fn action(mode: Mode, event: KeyEvent) -> Option<Action> {
    // Shift is part of the character itself ('G', '?', '{'), so only Control and Alt distinguish keys.
    let mods = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
    // AltGr arrives as Control+Alt on some systems: `{` on a German keyboard is still `{`.
    let mods = if mods == KeyModifiers::CONTROL | KeyModifiers::ALT {
        NONE
    } else {
        mods
    };
    let bound = BINDINGS
        .iter()
        .find(|b| b.code == event.code && b.mods == mods && b.modes.contains(&mode))
        .map(|b| b.action.clone());
    bound.or(match event.code {
        KeyCode::Char(c) if (INPUTS.contains(&mode) || mode == Mode::Mark) && mods.is_empty() => {
            Some(Action::Input(c))
        }
        _ => None,
    })
}

/// The help overlay's lines for `mode`: keys joined by `, ` and what they do, in table order.
pub fn help(mode: Mode) -> Vec<(String, &'static str)> {
    let mut lines: Vec<(String, &'static str)> = Vec::new();
    for b in BINDINGS.iter().filter(|b| b.modes.contains(&mode)) {
        let name = key_name(b.code, b.mods);
        match lines.iter_mut().find(|(_, h)| *h == b.help) {
            Some((keys, _)) => {
                keys.push_str(", ");
                keys.push_str(&name);
            }
            None => lines.push((name, b.help)),
        }
    }
    lines
}

fn key_name(code: KeyCode, mods: KeyModifiers) -> String {
    let base = match code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Down => "↓".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::Backspace => "Backspace".into(),
        other => format!("{other:?}"),
    };
    if mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{base}")
    } else {
        base
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn same_key_means_different_things_per_mode() {
        let j = press(KeyCode::Char('j'), NONE);
        assert_eq!(action(Mode::Reader, j), Some(Action::LineDown));
        assert_eq!(action(Mode::Speakers, j), Some(Action::Down));
        assert_eq!(action(Mode::Search, j), Some(Action::Input('j')));
        assert_eq!(
            action(Mode::Reader, press(KeyCode::Char('d'), CTRL)),
            Some(Action::HalfPageDown)
        );
        assert_eq!(
            action(Mode::Reader, press(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(action(Mode::Reader, press(KeyCode::Char('x'), NONE)), None);
        // Help would replace the speaker list and drop its unapplied ticks.
        let question = press(KeyCode::Char('?'), NONE);
        assert_eq!(action(Mode::Reader, question), Some(Action::Help));
        assert_eq!(action(Mode::Speakers, question), None);
        let altgr = KeyModifiers::CONTROL | KeyModifiers::ALT;
        assert_eq!(
            action(Mode::Reader, press(KeyCode::Char('{'), altgr)),
            Some(Action::PrevUnit)
        );
        assert_eq!(
            action(Mode::Search, press(KeyCode::Char('@'), altgr)),
            Some(Action::Input('@'))
        );
    }

    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                let shared = a.modes.iter().any(|m| b.modes.contains(m));
                assert!(
                    !(shared && a.code == b.code && a.mods == b.mods),
                    "{:?} bound twice",
                    a.code
                );
            }
        }
    }

    #[test]
    fn help_groups_keys_of_one_action() {
        let help = help(Mode::Reader);
        assert!(help.contains(&("j, ↓".to_string(), "line down")));
        assert!(help.contains(&("t, Ctrl-p".to_string(), "jump to topic")));
        assert!(help.contains(&("?".to_string(), "this help")));
    }
}
