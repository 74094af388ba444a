//! Pieces of the page that several routes share.

pub mod article;
pub mod pager;
pub mod search;
pub mod shell;
pub mod theme;
