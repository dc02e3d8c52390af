//! Writing the output folder all at once.
//!
//! Files are written into a fresh temporary folder beside `--out`; only when
//! every file is written is the old folder swapped out for the new one, so a
//! failed run leaves the previous output untouched and never half-written.
//!
//! Each run's files are also kept under `releases/<id>/` (see
//! [`release_id`]), and the releases kept by earlier runs are carried over, so
//! links pinned to an earlier release keep showing its figures.

use met_core::data::dataset::{is_release_id, release_folder, FileHash, RELEASE_ID_LEN};
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Hex sha256 of some bytes.
pub fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Size of some bytes after gzip -9, for reports.
pub fn gzip_size(bytes: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing to a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().map_or(0, |v| v.len())
}

/// The id of the release made of these output files: the first
/// [`RELEASE_ID_LEN`] hex digits of the sha256 of their names and checksums,
/// so the same figures always get the same id.
pub fn release_id(files: &[FileHash]) -> String {
    let listing: String = files.iter().map(|f| format!("{} {}\n", f.path, f.sha256)).collect();
    sha256(listing.as_bytes())[..RELEASE_ID_LEN].to_string()
}

/// Copies the files (not folders) of `from` into a new folder `to`.
fn copy_files(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name()))?;
        }
    }
    Ok(())
}

/// A folder being written.
pub struct Staging {
    target: PathBuf,
    temp: PathBuf,
    pub files: Vec<FileHash>,
}

impl Staging {
    /// Starts a new temporary folder beside `target`.
    pub fn new(target: &Path) -> std::io::Result<Staging> {
        let parent = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent)?;
        let name = target.file_name().and_then(|n| n.to_str()).unwrap_or("data");
        let temp = parent.join(format!(".{name}.tmp-{}", std::process::id()));
        if temp.exists() {
            std::fs::remove_dir_all(&temp)?;
        }
        std::fs::create_dir_all(&temp)?;
        Ok(Staging { target: target.to_path_buf(), temp, files: Vec::new() })
    }

    /// Writes one file and records its checksum.
    pub fn write(&mut self, name: &str, bytes: &[u8]) -> std::io::Result<()> {
        std::fs::write(self.temp.join(name), bytes)?;
        self.files.push(FileHash { path: name.to_string(), bytes: bytes.len() as u64, sha256: sha256(bytes) });
        Ok(())
    }

    /// Copies the files written so far into `releases/<id>/`, and carries over
    /// the other releases that the target folder keeps. Returns the ids of the
    /// releases carried over, sorted.
    pub fn keep_releases(&mut self, id: &str) -> std::io::Result<Vec<String>> {
        let folder = self.temp.join(release_folder(id));
        std::fs::create_dir_all(&folder)?;
        for file in &self.files {
            std::fs::copy(self.temp.join(&file.path), folder.join(&file.path))?;
        }
        let mut kept = Vec::new();
        let earlier = self.target.join("releases");
        if earlier.is_dir() {
            for entry in std::fs::read_dir(&earlier)? {
                let entry = entry?;
                let name = entry.file_name().to_string_lossy().into_owned();
                if name != id && is_release_id(&name) && entry.path().join("manifest.json").is_file() {
                    copy_files(&entry.path(), &self.temp.join(release_folder(&name)))?;
                    kept.push(name);
                }
            }
        }
        kept.sort();
        Ok(kept)
    }

    /// Replaces the target folder with the staged one.
    pub fn commit(self) -> std::io::Result<()> {
        let old = self.temp.with_extension("old");
        if old.exists() {
            std::fs::remove_dir_all(&old)?;
        }
        if self.target.exists() {
            std::fs::rename(&self.target, &old)?;
        }
        std::fs::rename(&self.temp, &self.target)?;
        if old.exists() {
            std::fs::remove_dir_all(&old)?;
        }
        Ok(())
    }

    /// Removes the temporary folder after a failure.
    pub fn abandon(self) {
        let _ = std::fs::remove_dir_all(&self.temp);
    }
}
