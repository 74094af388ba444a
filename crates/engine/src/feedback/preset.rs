//! Rule presets set severities without touching the rules: `beginner` is gentle, `recommended`
//! (the default) is what the sandbox shows, `strict` treats most warnings as errors. An exercise
//! can override any rule's severity, or turn it off.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::{Rule, Severity};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Preset {
    Beginner,
    #[default]
    Recommended,
    Strict,
}

impl Preset {
    pub const ALL: [Preset; 3] = [Preset::Beginner, Preset::Recommended, Preset::Strict];

    pub fn key(self) -> &'static str {
        match self {
            Preset::Beginner => "beginner",
            Preset::Recommended => "recommended",
            Preset::Strict => "strict",
        }
    }

    fn slot(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Preset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl FromStr for Preset {
    type Err = String;

    fn from_str(s: &str) -> Result<Preset, String> {
        Preset::ALL
            .into_iter()
            .find(|p| p.key() == s)
            .ok_or_else(|| format!("unknown preset `{s}` (choose beginner, recommended or strict)"))
    }
}

/// A rule's severity as an exercise may set it: a severity, or `off`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Error,
    Warning,
    Tip,
}

/// Which preset applies, and any per-rule overrides.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Config {
    #[serde(default)]
    pub preset: Preset,
    /// Rule id → level, applied over the preset.
    #[serde(default)]
    pub overrides: BTreeMap<String, Level>,
}

impl Config {
    pub fn preset(preset: Preset) -> Config {
        Config {
            preset,
            overrides: BTreeMap::new(),
        }
    }

    /// The severity `rule` reports at, or `None` when it is off.
    pub fn severity(&self, rule: &Rule) -> Option<Severity> {
        self.severity_of(rule.id, rule.severity)
    }

    /// The severity of the check `id`, whose severities in the three presets are `defaults`
    /// (a rule's, or a check from outside the engine such as an exercise's rubric), or `None`
    /// when it is off.
    pub fn severity_of(&self, id: &str, defaults: [Option<Severity>; 3]) -> Option<Severity> {
        match self.overrides.get(id) {
            Some(Level::Off) => None,
            Some(Level::Error) => Some(Severity::Error),
            Some(Level::Warning) => Some(Severity::Warning),
            Some(Level::Tip) => Some(Severity::Tip),
            None => defaults[self.preset.slot()],
        }
    }
}
