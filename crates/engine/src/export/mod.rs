//! Exports of a workflow document to other tools' formats. Pure text generation: no browser, no
//! files; the sandbox offers the results as downloads.

pub mod bpmn;
pub mod diagram;
pub mod mermaid;
