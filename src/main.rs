//! Entry point of the browser app: mounts the UI into `<body>`.

#[cfg(target_arch = "wasm32")]
fn main() {
    met_data_explorer::ui::mount();
}

/// The app only runs in a browser; see `README.md` for how to build and serve it.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Met Data Explorer runs in the browser: build it with `trunk build --release` (see README.md).");
    std::process::exit(2);
}
