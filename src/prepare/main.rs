//! The `prepare` command line: `prepare --from DIR --out DIR [--pages DIR]`.
//!
//! `--from` defaults to `MET_DATA_DIR`, else `../shared/data` when it exists;
//! `--out` defaults to `public/data`. Exits non-zero with a located error on
//! bad input, leaving the previous output untouched. With `--pages`, the
//! explaining pages that need no JavaScript are then written there from the
//! manifest just made.

use clap::Parser;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

/// Turn the publishers' files into Met Data Explorer's aggregate data files.
#[derive(Parser, Debug)]
#[command(name = "prepare", version)]
struct Args {
    /// Folder with the publishers' files (searched recursively). Default:
    /// $MET_DATA_DIR, else ../shared/data when present.
    #[arg(long, env = "MET_DATA_DIR")]
    from: Option<PathBuf>,
    /// Output folder, replaced atomically.
    #[arg(long, default_value = "public/data")]
    out: PathBuf,
    /// Folder for the standalone explaining pages (guides, about the data,
    /// accessibility), written from the new manifest.
    #[arg(long)]
    pages: Option<PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let from = match args.from {
        Some(dir) => dir,
        None if PathBuf::from("../shared/data").is_dir() => PathBuf::from("../shared/data"),
        None => {
            eprintln!("prepare: no source folder: pass --from DIR, set MET_DATA_DIR, or run scripts/fetch-sources.sh");
            return ExitCode::from(2);
        }
    };
    let options = met_prepare::Options { from, out: args.out.clone(), progress: std::io::stderr().is_terminal() };
    let started = std::time::Instant::now();
    match met_prepare::run(&options) {
        Ok(report) => {
            print!("{}", met_prepare::summary(&report, &options.out));
            if let Some(pages) = &args.pages {
                match met_prepare::write_pages(&options.out, pages) {
                    Ok(n) => println!("Wrote {n} standalone pages to {}.", pages.display()),
                    Err(e) => {
                        eprintln!("prepare: error: {e}");
                        return ExitCode::FAILURE;
                    }
                }
            }
            println!("Done in {:.1} s.", started.elapsed().as_secs_f64());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("prepare: error: {e}");
            eprintln!("prepare: nothing was written; {} is unchanged.", options.out.display());
            ExitCode::FAILURE
        }
    }
}
