//! Flowguide inside course pages (docs/embedding.md): everything an embedded Flowguide decides,
//! kept out of the browser so it can be tested natively.
//!
//! - [`options`]: what the embed's address asks for (theme, panels, preset, language, saving,
//!   the course's id), read so that an unknown or hostile value changes nothing;
//! - [`host`]: which origin the frame may post to, and the storage key that keeps two course
//!   pages' copies of one exercise apart;
//! - [`message`]: the messages the frame posts (versioned JSON) and the few it accepts;
//! - [`xapi`]: each result as an xAPI statement, for an LMS connector to forward.
//!
//! Architecture invariant: pure. Nothing here knows of Leptos, the DOM, windows or storage; the
//! embed bundle hands in what the browser says (the query's pairs, the referrer, a message's
//! text) and does what comes back.

pub mod host;
pub mod message;
pub mod options;
pub mod xapi;

/// The version of the embed protocol: every message carries it, and docs/embedding.md documents it.
pub const PROTOCOL_VERSION: u32 = 1;
