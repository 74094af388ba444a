//! What an embed's address asks for: `/embed/sandbox?theme=dark&panels=editor,feedback&save=0`.
//!
//! The course page's author writes these, or copies them from the Embed box, and anybody can
//! change them: every value is checked against a short list or a strict pattern, and anything
//! else is ignored (the default stays) and named in [`Options::ignored`], so the page can say so
//! in the console. No value ever reaches the page as markup: names and ids are kept to plain
//! characters, and the only free text (the learner's name) goes into JSON only.

use flowguide_engine::feedback::preset::Preset;

use crate::host;

/// The colour theme: the course page's choice, or the learner's system setting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn key(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn from_key(key: &str) -> Option<Theme> {
        match key {
            "auto" => Some(Theme::Auto),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }
}

/// Which parts of the sandbox show. At least one always does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Panels {
    pub editor: bool,
    pub feedback: bool,
    pub diagram: bool,
}

impl Default for Panels {
    fn default() -> Panels {
        Panels {
            editor: true,
            feedback: true,
            diagram: true,
        }
    }
}

impl Panels {
    /// `editor,feedback`: the named panels, in any order and case. `None` when the list names
    /// none of them (an empty or wholly unknown list must not hide everything).
    pub fn parse(list: &str) -> Option<Panels> {
        let mut p = Panels {
            editor: false,
            feedback: false,
            diagram: false,
        };
        for name in list.split([',', ' ', '+']) {
            match name.trim().to_ascii_lowercase().as_str() {
                "editor" => p.editor = true,
                "feedback" => p.feedback = true,
                "diagram" => p.diagram = true,
                _ => {}
            }
        }
        (p.editor || p.feedback || p.diagram).then_some(p)
    }

    /// The panels as the page's `data-panels` attribute gives them: `editor feedback diagram`.
    pub fn key(self) -> String {
        let mut names = Vec::new();
        for (on, name) in [
            (self.editor, "editor"),
            (self.feedback, "feedback"),
            (self.diagram, "diagram"),
        ] {
            if on {
                names.push(name);
            }
        }
        names.join(" ")
    }
}

/// Everything an embed's address can ask for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// `theme=light|dark|auto`.
    pub theme: Theme,
    /// `panels=editor,feedback,diagram`.
    pub panels: Panels,
    /// `readonly=1`: the learner can look, not change.
    pub read_only: bool,
    /// `preset=beginner|recommended|strict`: how strict the feedback is.
    pub preset: Option<Preset>,
    /// `lang=es`: the language of a new workflow (a BCP 47 tag), for the word lists.
    pub language: Option<String>,
    /// `save=0`: keep nothing in the browser (the default keeps the learner's work).
    pub save: bool,
    /// `course=…`: the course's own id, so two course pages of one course share the learner's
    /// work, and two courses never do.
    pub course: Option<String>,
    /// `page=/path`: the host page's path, which `embed.js` passes (the referrer usually leaves
    /// it out), so two pages of one site keep their own copies.
    pub page: Option<String>,
    /// `origin=https://lms.example`: the host's origin, named by the snippet, for hosts that send
    /// no referrer. The browser then delivers messages only to a page of that origin.
    pub origin: Option<String>,
    /// `frame=…`: an id the host chooses, echoed in every message, to tell its frames apart.
    pub frame: Option<String>,
    /// `learner=…`: the learner's name, for the xAPI actor (otherwise an anonymous account).
    pub learner: Option<String>,
    /// Every parameter that was not understood, or whose value was refused, by name.
    pub ignored: Vec<String>,
}

/// The longest learner name kept, in characters.
pub const MAX_LEARNER: usize = 100;
/// The longest course, frame or language id kept.
pub const MAX_ID: usize = 64;
/// The longest host page path kept.
pub const MAX_PATH: usize = 512;

impl Default for Options {
    /// Everything shown, editable, saved, in the system's theme.
    fn default() -> Options {
        Options {
            theme: Theme::Auto,
            panels: Panels::default(),
            read_only: false,
            preset: None,
            language: None,
            save: true,
            course: None,
            page: None,
            origin: None,
            frame: None,
            learner: None,
            ignored: Vec::new(),
        }
    }
}

impl Options {
    /// The defaults: everything shown, editable, saved, in the system's theme.
    pub fn new() -> Options {
        Options::default()
    }

    /// Reads the query's pairs (already percent-decoded, as `URLSearchParams` gives them). The
    /// first of a repeated name counts; later ones are ignored.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Options {
        let mut o = Options::new();
        let mut seen: Vec<&str> = Vec::new();
        for (name, value) in pairs {
            if seen.contains(&name) {
                o.refuse(name);
                continue;
            }
            seen.push(name);
            let value = value.trim();
            let ok = match name {
                "theme" => Theme::from_key(value).map(|t| o.theme = t).is_some(),
                "panels" => Panels::parse(value).map(|p| o.panels = p).is_some(),
                "readonly" => flag(value).map(|b| o.read_only = b).is_some(),
                "save" => flag(value).map(|b| o.save = b).is_some(),
                "preset" => Preset::ALL
                    .into_iter()
                    .find(|p| p.key() == value)
                    .map(|p| o.preset = Some(p))
                    .is_some(),
                "lang" => language_tag(value).map(|t| o.language = Some(t)).is_some(),
                "course" => id(value).map(|v| o.course = Some(v)).is_some(),
                "frame" => id(value).map(|v| o.frame = Some(v)).is_some(),
                "page" => path(value).map(|v| o.page = Some(v)).is_some(),
                "origin" => host::origin_of(value)
                    .filter(|origin| origin == value.trim_end_matches('/'))
                    .map(|v| o.origin = Some(v))
                    .is_some(),
                "learner" => learner(value).map(|v| o.learner = Some(v)).is_some(),
                _ => false,
            };
            if !ok {
                o.refuse(name);
            }
        }
        o
    }

    fn refuse(&mut self, name: &str) {
        let name: String = name.chars().filter(|c| !c.is_control()).take(MAX_ID).collect();
        if !self.ignored.contains(&name) {
            self.ignored.push(name);
        }
    }
}

/// `1`, `true`, `yes`, `on` or `0`, `false`, `no`, `off`.
fn flag(value: &str) -> Option<bool> {
    match value.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Some(true),
        "0" | "false" | "no" | "off" => Some(false),
        _ => None,
    }
}

/// An id of letters, digits and `-_.:`, at most [`MAX_ID`] long.
fn id(value: &str) -> Option<String> {
    let ok = !value.is_empty()
        && value.len() <= MAX_ID
        && value.chars().all(|c| c.is_ascii_alphanumeric() || "-_.:".contains(c));
    ok.then(|| value.to_string())
}

/// A well-formed BCP 47 tag, as far as its shape goes: subtags of 1 to 8 letters or digits,
/// joined by `-`, starting with a 2 or 3 letter language. Kept in lower case for the language,
/// as written for the rest.
pub fn language_tag(value: &str) -> Option<String> {
    let mut parts = value.split('-');
    let first = parts.next()?;
    let first_ok = (2..=3).contains(&first.len()) && first.chars().all(|c| c.is_ascii_alphabetic());
    let rest_ok = parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    (first_ok && rest_ok && value.len() <= MAX_ID).then(|| {
        let (lang, rest) = value.split_at(first.len());
        lang.to_ascii_lowercase() + rest
    })
}

/// A path on the host: starts with `/`, printable ASCII with no quotes, angle brackets or
/// backslashes (a percent-encoded path is fine), at most [`MAX_PATH`] long. The query and
/// fragment are cut off: they change on every visit in many LMSs.
fn path(value: &str) -> Option<String> {
    let value = value.split(['?', '#']).next().unwrap_or_default();
    let ok = value.starts_with('/')
        && value.len() <= MAX_PATH
        && value.chars().all(|c| c.is_ascii_graphic() && !"\"'<>\\`".contains(c));
    ok.then(|| value.to_string())
}

/// A name: control characters and the marks that reverse text direction removed, spaces
/// squeezed, at most [`MAX_LEARNER`] characters. Markup stays as text: the name only ever goes
/// into JSON.
fn learner(value: &str) -> Option<String> {
    let kept: String = value
        .chars()
        .filter(|&c| !flowguide_text::controls::is_hidden(c))
        .collect();
    let name = kept.split_whitespace().collect::<Vec<_>>().join(" ");
    (!name.is_empty()).then(|| name.chars().take(MAX_LEARNER).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn read(query: &[(&str, &str)]) -> Options {
        Options::from_pairs(query.iter().copied())
    }

    #[test]
    fn no_query_gives_the_defaults() {
        let o = read(&[]);
        assert_eq!(o.theme, Theme::Auto);
        assert_eq!(o.panels, Panels::default());
        assert!(o.save && !o.read_only);
        assert_eq!(o.preset, None);
        assert!(o.ignored.is_empty());
    }

    #[test]
    fn every_option_is_read() {
        let o = read(&[
            ("theme", "dark"),
            ("panels", "Feedback, diagram"),
            ("readonly", "1"),
            ("preset", "strict"),
            ("lang", "ES-mx"),
            ("save", "no"),
            ("course", "bio-101.2026"),
            ("page", "/course/view.php?id=7#section"),
            ("origin", "https://lms.example.edu"),
            ("frame", "q3"),
            ("learner", "  Ana \u{202e}Lima\n"),
        ]);
        assert_eq!(o.theme, Theme::Dark);
        assert_eq!(o.panels.key(), "feedback diagram");
        assert!(o.read_only && !o.save);
        assert_eq!(o.preset, Some(Preset::Strict));
        assert_eq!(o.language.as_deref(), Some("es-mx"));
        assert_eq!(o.course.as_deref(), Some("bio-101.2026"));
        assert_eq!(o.page.as_deref(), Some("/course/view.php"));
        assert_eq!(o.origin.as_deref(), Some("https://lms.example.edu"));
        assert_eq!(o.frame.as_deref(), Some("q3"));
        assert_eq!(o.learner.as_deref(), Some("Ana Lima"));
        assert!(o.ignored.is_empty(), "{:?}", o.ignored);
    }

    #[test]
    fn hostile_and_unknown_values_are_ignored_and_named() {
        let o = read(&[
            ("theme", "dark\"><script>alert(1)</script>"),
            ("panels", "nothing,at,all"),
            ("readonly", "maybe"),
            ("preset", "lenient"),
            ("lang", "<img src=x>"),
            ("course", "a b"),
            ("page", "javascript:alert(1)"),
            ("origin", "javascript:alert(1)"),
            ("frame", "\"onload=\""),
            ("learner", "\u{1b}\u{7}\n\u{202e}"),
            ("onload", "alert(1)"),
        ]);
        assert_eq!(
            o,
            Options {
                ignored: o.ignored.clone(),
                ..Options::new()
            }
        );
        assert_eq!(o.ignored.len(), 11);
    }

    #[test]
    fn an_origin_must_be_only_an_origin() {
        for bad in [
            "https://lms.example/course",
            "https://user@lms.example",
            "ftp://lms.example",
            "null",
            "*",
            "https://",
        ] {
            assert_eq!(read(&[("origin", bad)]).origin, None, "{bad}");
        }
        assert_eq!(
            read(&[("origin", "http://127.0.0.1:8080/")]).origin.as_deref(),
            Some("http://127.0.0.1:8080")
        );
    }

    #[test]
    fn the_first_of_a_repeated_name_counts() {
        let o = read(&[("theme", "dark"), ("theme", "light")]);
        assert_eq!(o.theme, Theme::Dark);
        assert_eq!(o.ignored, ["theme"]);
    }

    #[test]
    fn language_tags_keep_their_shape() {
        assert_eq!(language_tag("de").as_deref(), Some("de"));
        assert_eq!(language_tag("zh-Hant-TW").as_deref(), Some("zh-Hant-TW"));
        for bad in ["", "e", "english", "en_GB", "en--GB", "en-", "1a"] {
            assert_eq!(language_tag(bad), None, "{bad}");
        }
    }

    proptest! {
        /// Whatever the query, every kept value is plain: no markup characters in ids, paths,
        /// origins or tags, and nothing longer than its limit.
        #[test]
        fn kept_values_are_always_plain(pairs in proptest::collection::vec(
            (prop_oneof![Just("theme".to_string()), Just("panels".to_string()), Just("lang".to_string()), Just("course".to_string()), Just("page".to_string()), Just("origin".to_string()), Just("frame".to_string()), Just("learner".to_string()), ".{0,8}"], ".{0,80}"),
            0..12,
        )) {
            let o = Options::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
            for v in [&o.language, &o.course, &o.page, &o.origin, &o.frame].into_iter().flatten() {
                prop_assert!(!v.contains(['<', '>', '"', '\'', '`', ' ']), "{v:?}");
                prop_assert!(v.len() <= MAX_PATH);
            }
            if let Some(l) = &o.learner {
                prop_assert!(!l.chars().any(char::is_control));
                prop_assert!(l.chars().count() <= MAX_LEARNER);
            }
            prop_assert!(o.panels.editor || o.panels.feedback || o.panels.diagram);
        }
    }
}
