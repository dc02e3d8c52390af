//! Explaining content: plain-language definitions, the how-to guides and the About page.

pub mod about;
pub mod glossary;
pub mod guides;
