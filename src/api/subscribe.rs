//! The newsletter: where the subscribe form posts, and posting to it.

use model::Lang;

/// Why a subscription request failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SubscribeError {
    /// The request did not complete.
    #[error("network error")]
    Network,
    /// The endpoint answered with an error status.
    #[error("HTTP status {0}")]
    Status(u16),
}

/// Where the subscribe form posts, set at build time (`SUBSCRIBE_ENDPOINT`); `None`
/// when the site has no newsletter.
pub fn subscribe_endpoint() -> Option<&'static str> {
    Some(env!("SUBSCRIBE_ENDPOINT")).filter(|e| !e.is_empty())
}

/// Whether `email` looks like an address worth sending: one `@`, something before
/// it, a dotted domain after it, no spaces. The endpoint does the real check.
pub fn is_plausible_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !email.chars().any(char::is_whitespace)
        && domain.split('.').count() >= 2
        && domain.split('.').all(|part| !part.is_empty())
}

/// Subscribes `email` (for the newsletter in `lang`) at the configured endpoint:
/// a JSON POST of `{"email": …, "lang": …}`; any 2xx answer is success.
pub async fn subscribe(endpoint: &str, email: &str, lang: Lang) -> Result<(), SubscribeError> {
    use web_sys::js_sys::{Object, Reflect, JSON};
    // Built with the browser's JSON rather than serde_json, which would add more
    // to the wasm than this whole feature.
    let body = Object::new();
    let set = |key: &str, value: &str| Reflect::set(&body, &key.into(), &value.into());
    set("email", email).map_err(|_| SubscribeError::Network)?;
    set("lang", lang.code()).map_err(|_| SubscribeError::Network)?;
    let text: String = JSON::stringify(&body)
        .map_err(|_| SubscribeError::Network)?
        .into();
    let request = gloo_net::http::Request::post(endpoint)
        .header("content-type", "application/json")
        .body(text)
        .map_err(|_| SubscribeError::Network)?;
    let response = request.send().await.map_err(|_| SubscribeError::Network)?;
    if response.ok() {
        Ok(())
    } else {
        Err(SubscribeError::Status(response.status()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plausible_emails() {
        for (email, ok) in [
            ("reader@example.org", true),
            ("a.b+c@mail.example.co.uk", true),
            ("читатель@пример.рф", true),
            ("", false),
            ("reader", false),
            ("@example.org", false),
            ("reader@", false),
            ("reader@localhost", false),
            ("reader@example..org", false),
            ("re ader@example.org", false),
            ("a@b@example.org", false),
        ] {
            assert_eq!(is_plausible_email(email), ok, "{email:?}");
        }
    }
}
