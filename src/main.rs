//! Browser entry point: install the panic hook and start the app.
//!
//! A released page arrives prerendered: its `<body>` already holds the markup the
//! app renders for that URL (see `prerender/`). The page's start-up script
//! (`prerender/`) loads this module only once the page has loaded and the main
//! thread is idle, so the app never competes with the first paint. The app then
//! takes the page over in a task of its own (see `takeover`): it renders its
//! frame in place of the prerendered one and adopts the prerendered view as it
//! is, so nothing visible changes and no layout is redone.

fn main() {
    #[cfg(feature = "csr")]
    {
        #[cfg(debug_assertions)]
        console_error_panic_hook::set_once();
        // Not `leptos::task::spawn_local`: its executor is set up by the mount.
        wasm_bindgen_futures::spawn_local(boot::start());
    }
}

#[cfg(feature = "csr")]
mod boot {
    use engineering_insights::{dom, takeover, App};
    use leptos::prelude::*;

    pub async fn start() {
        let body = document().body().expect("a document has a body");
        // One closure for both ways in: the app's view is then built by one
        // instance of the mount code, not two.
        let app = || view! { <App /> }.into_any();
        if body.child_element_count() == 0 {
            // Not prerendered (a development page without prerendering).
            leptos::mount::mount_to(body, app).forget();
        } else {
            // Starting the wasm and taking over are each a task of their own: one
            // long task would keep the page from answering input for their sum
            // (total blocking time).
            dom::next_task().await;
            takeover::take_over(&body, app).await;
        }
        // For tests and tools: the page is now the app's.
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-app", "ready");
        }
    }
}
