//! Where documents come from: compiled into the wasm (`BLOG_CONTENT=bundled`), or
//! fetched from the content folder next to the site.

#[cfg(bundled)]
mod imp {
    //! Documents compiled into the wasm by `build.rs`.
    use super::super::ContentError;
    include!(concat!(env!("OUT_DIR"), "/bundle.rs"));

    /// The compiled-in text of a document.
    pub fn bundled(path: &str) -> Option<&'static str> {
        DOCUMENTS
            .binary_search_by_key(&path, |(p, _)| p)
            .ok()
            .map(|i| DOCUMENTS[i].1)
    }

    /// Every document that exists is at hand (see `cached`): the rest do not.
    pub async fn read(_path: &str) -> Result<&'static str, ContentError> {
        Err(ContentError::NotFound)
    }
}

#[cfg(not(bundled))]
mod imp {
    //! Documents fetched from the same origin with gloo-net.
    use super::super::ContentError;
    use leptos::prelude::on_cleanup;
    use send_wrapper::SendWrapper;

    pub async fn read(path: &str) -> Result<String, ContentError> {
        use std::cell::Cell;
        use std::rc::Rc;
        use wasm_bindgen::{closure::Closure, JsCast};

        let abort = SendWrapper::new(web_sys::AbortController::new().ok());
        let signal = abort.as_ref().map(|a| a.signal());
        // A slow server is given up after TIMEOUT_MS, body included.
        let timed_out = Rc::new(Cell::new(false));
        let on_timeout = Closure::once({
            let timed_out = timed_out.clone();
            let abort = (*abort).clone();
            move || {
                timed_out.set(true);
                if let Some(abort) = abort {
                    abort.abort();
                }
            }
        });
        let window = web_sys::window();
        let timer = window.as_ref().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                on_timeout.as_ref().unchecked_ref(),
                super::super::TIMEOUT_MS,
            )
            .ok()
        });
        // A reader who navigates away stops waiting for this page's document.
        on_cleanup(move || {
            if let Some(abort) = abort.take() {
                abort.abort();
            }
        });
        let result = fetch(path, signal.as_ref()).await;
        if let (Some(window), Some(timer)) = (window, timer) {
            window.clear_timeout_with_handle(timer);
        }
        drop(on_timeout);
        match result {
            Err(_) if timed_out.get() => Err(ContentError::Timeout),
            other => other,
        }
    }

    async fn fetch(
        path: &str,
        signal: Option<&web_sys::AbortSignal>,
    ) -> Result<String, ContentError> {
        let response =
            gloo_net::http::Request::get(&format!("{}{path}", super::super::request::ROOT))
                .abort_signal(signal)
                .send()
                .await
                .map_err(|_| ContentError::Network("request failed"))?;
        match response.status() {
            200 => {}
            404 | 410 => return Err(ContentError::NotFound),
            status => return Err(ContentError::Status(status)),
        }
        // A static host with an SPA rewrite answers unknown paths with the app's HTML
        // and status 200: that is a missing document, not a damaged one.
        let html = response
            .headers()
            .get("content-type")
            .is_some_and(|t| t.starts_with("text/html"));
        if html {
            return Err(ContentError::NotFound);
        }
        response
            .text()
            .await
            .map_err(|_| ContentError::Network("body could not be read"))
    }
}

pub use imp::*;
