//! Explaining content: plain-language definitions, the how-to guides, the About page and the accessibility
//! statement, and these pages as HTML.

pub mod about;
pub mod glossary;
pub mod guides;
pub mod pages;
