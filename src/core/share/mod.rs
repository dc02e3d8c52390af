//! Sharing a view: the URL state, embedding, and downloads.

pub mod download;
pub mod embed;
pub mod url_state;
