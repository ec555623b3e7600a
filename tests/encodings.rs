//! Seed 003 saved in each legacy encoding loads into exactly the model the UTF-8 file gives.

use stenogram::library::{self, Sources};
use stenogram::model::Transcript;

const SEED: &str = include_str!("data/003_phone_call_report_ru.txt");

fn load(name: &str, bytes: &[u8]) -> Transcript {
    let dir = std::env::temp_dir().join(format!("stenogram-enc-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("report.txt");
    std::fs::write(&path, bytes).expect("write");
    let docs = library::load(&Sources {
        paths: vec![path],
        pair: None,
    })
    .expect("loads");
    std::fs::remove_dir_all(&dir).ok();
    docs.into_iter().next().expect("one document").transcript
}

fn legacy(encoding: &'static encoding_rs::Encoding, text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable, "{} cannot encode the text", encoding.name());
    bytes.into_owned()
}

#[test]
fn seed_003_in_every_encoding_is_the_same_model() {
    let utf8 = load("utf8", SEED.as_bytes());
    assert!(utf8.version(stenogram::model::Lang::Ru).is_some());
    // KOI8-R and IBM866 have no guillemets; compare those against UTF-8 of the same text.
    let plain_quotes = SEED.replace(['«', '»'], "\"");
    let plain = load("plain", plain_quotes.as_bytes());
    let utf16le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(SEED.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let utf16be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(SEED.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    let bom_utf8: Vec<u8> = b"\xEF\xBB\xBF".iter().copied().chain(SEED.bytes()).collect();
    let crlf = SEED.replace('\n', "\r\n");
    for (name, bytes, expected) in [
        ("utf8-bom", bom_utf8, &utf8),
        ("crlf", crlf.into_bytes(), &utf8),
        ("windows-1251", legacy(encoding_rs::WINDOWS_1251, SEED), &utf8),
        ("utf-16le", utf16le, &utf8),
        ("utf-16be", utf16be, &utf8),
        ("koi8-r", legacy(encoding_rs::KOI8_R, &plain_quotes), &plain),
        ("ibm866", legacy(encoding_rs::IBM866, &plain_quotes), &plain),
    ] {
        assert_eq!(&load(name, &bytes), expected, "{name}");
    }
}
