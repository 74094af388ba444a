//! Which language a workflow is written in: the one its `language` field declares, or, when it
//! declares none, the one its words show. The wording checks run only in a language Flowguide has
//! a word list for; elsewhere they stay silent and the report says so.

use serde::{Deserialize, Serialize};

use super::lexicon::{self, Lexicon};
use crate::workflow::WorkflowDoc;

/// How the language was settled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// The document's `language` field.
    Declared,
    /// Recognised from the document's words.
    Detected,
    /// Too few words to tell: English.
    Default,
}

/// The language of a document, and whether its word list is at hand.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Language {
    /// The primary language subtag, lowercase ("es"), or "und" when the words show a language
    /// but not which.
    pub tag: String,
    pub source: Source,
}

/// Common short words of each language, for telling them apart. A word several languages share
/// counts for each a little.
const COMMON: [(&str, &[&str]); 7] = [
    (
        "en",
        &[
            "the", "and", "of", "to", "a", "is", "for", "with", "from", "by", "on", "in", "an", "are", "be", "it",
            "that", "this", "each", "every", "when", "after", "within", "has", "have", "not", "or", "into", "their",
            "its", "all", "who", "if", "they", "gets", "any",
        ],
    ),
    (
        "es",
        &[
            "el", "la", "los", "las", "de", "del", "y", "en", "un", "una", "por", "para", "con", "que", "se", "al",
            "es", "son", "su", "sus", "cada", "cuando", "días", "lo", "no", "o", "según", "si", "recibe", "está",
        ],
    ),
    (
        "fr",
        &[
            "le", "la", "les", "de", "des", "du", "et", "en", "un", "une", "par", "pour", "avec", "que", "est", "sont",
            "au", "aux", "sa", "son", "ses", "chaque", "quand", "dans", "sur", "jours", "ou", "pas", "il", "reçoit",
            "si",
        ],
    ),
    (
        "de",
        &[
            "der",
            "die",
            "das",
            "den",
            "dem",
            "des",
            "und",
            "ein",
            "eine",
            "einen",
            "mit",
            "für",
            "von",
            "zu",
            "ist",
            "im",
            "auf",
            "an",
            "bei",
            "nach",
            "nicht",
            "wird",
            "werden",
            "jede",
            "jeden",
            "wenn",
            "tage",
            "oder",
            "aus",
            "zum",
            "zur",
            "innerhalb",
            "erhält",
        ],
    ),
    (
        "pt",
        &[
            "o", "os", "as", "do", "da", "dos", "das", "e", "em", "um", "uma", "para", "com", "não", "é", "são", "no",
            "na", "cada", "quando", "pelo", "pela", "recebe", "dias",
        ],
    ),
    (
        "it",
        &[
            "il", "lo", "gli", "della", "delle", "del", "e", "di", "un", "una", "per", "con", "che", "è", "sono",
            "nel", "nella", "ogni", "quando", "non", "dal", "alla", "giorni", "riceve",
        ],
    ),
    (
        "nl",
        &[
            "de", "het", "een", "en", "van", "voor", "met", "op", "is", "zijn", "niet", "naar", "bij", "wordt", "elke",
            "wanneer", "aan", "uit", "door", "dagen", "ontvangt",
        ],
    ),
];

/// Each common word, with a bit for each language in [`COMMON`] that has it.
fn common() -> &'static super::lexicon::Marks {
    static TABLE: std::sync::OnceLock<super::lexicon::Marks> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = super::lexicon::Marks::default();
        for (i, (_, list)) in COMMON.iter().enumerate() {
            for w in *list {
                table.add(w, 1 << i);
            }
        }
        table
    })
}

/// All the free text of a document, where its language shows: its first 8 KB, which tell as well
/// as the whole of a huge document would.
fn text_of(doc: &WorkflowDoc) -> String {
    const ENOUGH: usize = 8 * 1024;
    let mut text = String::new();
    let mut add = |s: &str| {
        if text.len() < ENOUGH {
            let room = ENOUGH - text.len();
            let cut = (0..=room.min(s.len()))
                .rev()
                .find(|&i| s.is_char_boundary(i))
                .unwrap_or(0);
            text.push_str(&s[..cut]);
            text.push_str(" . ");
        }
    };
    add(&doc.name);
    if let Some(t) = &doc.trigger {
        add(&t.description);
    }
    for s in &doc.steps {
        add(&s.title);
        for n in s.next.iter().flatten() {
            add(n.when.as_deref().unwrap_or(""));
        }
    }
    if let Some(o) = &doc.outcome {
        add(&o.description);
        add(&o.measure);
    }
    text
}

/// The primary subtag of a BCP 47 tag ("es-MX" → "es"), if the tag is well formed.
pub fn primary(tag: &str) -> Option<String> {
    let first = tag.trim().split(['-', '_']).next()?;
    ((2..=3).contains(&first.len()) && first.chars().all(|c| c.is_ascii_alphabetic()))
        .then(|| first.to_ascii_lowercase())
}

/// The language a text is written in, when its words show it clearly: `Some("es")`, `Some("und")`
/// for writing that is clearly not in a Latin-script language Flowguide knows, or `None` when
/// there are too few words to tell.
pub fn detect(text: &str) -> Option<String> {
    let mut letters = 0usize;
    let mut latin = 0usize;
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if (c as u32) < 0x250 {
            latin += 1;
        }
    }
    if letters >= 12 && latin * 2 < letters {
        return Some("und".into());
    }
    // Scores in sixtieths: a word n languages share gives each 60 / n. The first few hundred
    // common words settle it, so a huge document costs no more than a page.
    let mut scores = [0u32; COMMON.len()];
    let mut hits = 0usize;
    let table = common();
    for raw in lexicon::raw_words(text) {
        if hits >= 400 {
            break;
        }
        // Looked up lowercased, without allocating for a short ASCII word.
        let (mask, elision) = lexicon::with_lower(raw, |w| match w.find(['\'', '’']) {
            // French and Italian elisions: "l'équipe", "d'achat", "dell'ufficio".
            Some(i) => {
                let head = &w[..i];
                let fr = ["l", "d", "qu", "n", "s", "j", "c"].contains(&head);
                let it = ["dell", "all", "nell", "dall", "sull"].contains(&head);
                (
                    0u8,
                    if fr {
                        1
                    } else if it {
                        2
                    } else {
                        3
                    },
                )
            }
            None => (table.get(w), 0),
        });
        match elision {
            1 => scores[2] += 30,
            2 => scores[5] += 60,
            _ => {}
        }
        if mask == 0 {
            continue;
        }
        hits += 1;
        let shared = mask.count_ones();
        for (i, score) in scores.iter_mut().enumerate() {
            if mask & (1 << i) != 0 {
                *score += 60 / shared;
            }
        }
    }
    if hits < 3 {
        return None;
    }
    let best = (0..COMMON.len()).max_by_key(|&i| scores[i]).unwrap_or(0);
    let second = (0..COMMON.len())
        .filter(|&i| i != best)
        .map(|i| scores[i])
        .max()
        .unwrap_or(0);
    if scores[best] < 120 || scores[best] * 2 < second * 3 {
        // Mixed or unclear: say nothing, and the document reads as English.
        return None;
    }
    Some(COMMON[best].0.to_string())
}

/// The language of a document: declared, recognised, or English by default.
pub fn of(doc: &WorkflowDoc) -> Language {
    if let Some(tag) = doc.language.as_deref().filter(|t| !t.trim().is_empty()) {
        return Language {
            tag: primary(tag).unwrap_or_else(|| "und".into()),
            source: Source::Declared,
        };
    }
    match detect(&text_of(doc)) {
        Some(tag) => Language {
            tag,
            source: Source::Detected,
        },
        None => Language {
            tag: "en".into(),
            source: Source::Default,
        },
    }
}

impl Language {
    /// For a declared language, the known language the words clearly are instead, if any.
    pub fn suggestion(&self, doc: &WorkflowDoc) -> Option<String> {
        if self.source != Source::Declared {
            return None;
        }
        detect(&text_of(doc)).filter(|t| *t != self.tag && lexicon::KNOWN.contains(&t.as_str()))
    }

    /// The word list for this language, if this build has it or one was installed.
    pub fn lexicon(&self) -> Option<&'static Lexicon> {
        lexicon::get(&self.tag)
    }

    /// Whether Flowguide has a word list for this language, in this build or to fetch.
    pub fn is_known(&self) -> bool {
        lexicon::KNOWN.contains(&self.tag.as_str())
    }

    /// The language's English name, for messages: "Spanish", or the tag when it is not one
    /// Flowguide knows.
    pub fn name(&self) -> String {
        name_of(&self.tag)
    }
}

/// A language's English name from its primary subtag: "Spanish".
pub fn name_of(tag: &str) -> String {
    {
        match tag {
            "en" => "English".into(),
            "es" => "Spanish".into(),
            "fr" => "French".into(),
            "de" => "German".into(),
            "pt" => "Portuguese".into(),
            "it" => "Italian".into(),
            "nl" => "Dutch".into(),
            "und" => "a language Flowguide cannot tell".into(),
            other => format!("the language “{other}”"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_the_languages_apart() {
        assert_eq!(
            detect("A customer submits a claim with photos of the damage").as_deref(),
            Some("en")
        );
        assert_eq!(
            detect("Un cliente envía una reclamación con las fotos del daño").as_deref(),
            Some("es")
        );
        assert_eq!(
            detect("Un assuré envoie le formulaire de déclaration avec les photos").as_deref(),
            Some("fr")
        );
        assert_eq!(
            detect("Ein Kunde meldet einen Schaden mit dem Formular und den Fotos").as_deref(),
            Some("de")
        );
        assert_eq!(
            detect("O cliente envia o pedido e recebe a confirmação em dois dias").as_deref(),
            Some("pt")
        );
        assert_eq!(
            detect("Il cliente invia la richiesta e riceve una risposta entro due giorni").as_deref(),
            Some("it")
        );
        assert_eq!(
            detect("顧客が請求書を送信し、経理が三日以内に支払う").as_deref(),
            Some("und")
        );
        assert_eq!(detect("Review claim"), None);
    }

    #[test]
    fn a_declared_language_the_words_contradict_gets_a_suggestion() {
        let doc = |language: &str| crate::workflow::WorkflowDoc {
            language: Some(language.into()),
            name: "Devolución en tienda".into(),
            trigger: Some(crate::workflow::document::TriggerDoc {
                description: "Un cliente entrega en caja el artículo con el ticket de compra".into(),
                ..Default::default()
            }),
            ..crate::workflow::WorkflowDoc::new()
        };
        let spanish = doc("en");
        assert_eq!(of(&spanish).suggestion(&spanish).as_deref(), Some("es"));
        let right = doc("es-ES");
        assert_eq!(of(&right).tag, "es");
        assert_eq!(of(&right).suggestion(&right), None);
    }

    #[test]
    fn reads_primary_subtags() {
        assert_eq!(primary("es-MX").as_deref(), Some("es"));
        assert_eq!(primary("DE").as_deref(), Some("de"));
        assert_eq!(primary("pt_BR").as_deref(), Some("pt"));
        assert_eq!(primary("<script>"), None);
        assert_eq!(primary(""), None);
    }
}
