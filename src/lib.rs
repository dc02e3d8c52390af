//! Met Data Explorer: the browser app.
//!
//! The pure logic lives in the `met-core` crate (`src/core`); this crate is the
//! thin Leptos UI over it (`src/ui`), compiled to WebAssembly by Trunk. On
//! other targets it is empty, so native builds and tests never compile Leptos.

#[cfg(target_arch = "wasm32")]
pub mod ui;
