//! The keys to a bucket, where the S3 tools keep them: the environment
//! (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`:
//! what CI's secret variables set), else a profile of the credentials file
//! (`AWS_SHARED_CREDENTIALS_FILE`, or `.aws/credentials` in the home
//! folder, as `aws configure` writes it). Never from site.yaml, and never
//! printed: errors name the file and the profile, not the keys.

use std::path::PathBuf;

use rusty_s3::Credentials;

/// Where keys were looked for, when none were found.
#[derive(Debug)]
pub struct Missing {
    /// The credentials file.
    pub file: PathBuf,
    /// The profile looked for in it.
    pub profile: String,
}

/// The keys for a bucket whose site.yaml names `profile` (if any).
pub fn find(profile: Option<&str>) -> Result<Credentials, Missing> {
    if let Some(credentials) = Credentials::from_env() {
        return Ok(credentials);
    }
    let profile = profile
        .map(str::to_owned)
        .or_else(|| std::env::var("AWS_PROFILE").ok().filter(|p| !p.trim().is_empty()))
        .unwrap_or_else(|| "default".to_owned());
    let file = std::env::var_os("AWS_SHARED_CREDENTIALS_FILE")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .or_else(|| std::env::var_os("USERPROFILE"))
                .map(|home| PathBuf::from(home).join(".aws").join("credentials"))
        })
        .unwrap_or_else(|| PathBuf::from(".aws/credentials"));
    let found = ini::Ini::load_from_file(&file).ok().and_then(|ini| {
        let section = ini.section(Some(profile.as_str()))?;
        let value = |name: &str| section.get(name).map(str::trim).filter(|v| !v.is_empty());
        let key = value("aws_access_key_id")?;
        let secret = value("aws_secret_access_key")?;
        Some(match value("aws_session_token") {
            Some(token) => Credentials::new_with_token(key, secret, token),
            None => Credentials::new(key, secret),
        })
    });
    found.ok_or(Missing { file, profile })
}
