//! Small text helpers that every other Flowguide crate shares: escaping text for HTML ([`html`])
//! and for XML ([`xml`]), CSV fields ([`csv`]), hidden characters in untrusted text ([`controls`]), a Markdown subset for untrusted text ([`markup`]), anchor and file-name slugs ([`slug`]), and base-relative hrefs
//! ([`href`]).
//!
//! Architecture invariant: this crate depends on nothing, and knows nothing of workflows, lessons,
//! search or the browser. Every string that becomes markup anywhere passes through [`html::escape`]
//! or [`xml::escape`].

pub mod controls;
pub mod csv;
pub mod href;
pub mod html;
pub mod markup;
pub mod slug;
pub mod xml;
