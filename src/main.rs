//! Browser entry point: install the panic hook and start the app.
//!
//! A released page arrives prerendered: its `<body>` already holds the markup the
//! app renders for that URL (see `prerender/`). The app takes it over without a
//! visible change: it first reads the documents the view needs (the page carries
//! them as JSON after its markup; any it lacks are loaded), then, in a task of its
//! own, renders the same markup and removes the prerendered nodes. Nothing is
//! painted between those two, and the new nodes take exactly the old ones' place.

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
    use engineering_insights::{api, dom, routing, App};
    use leptos::prelude::document;

    pub async fn start() {
        let body = document().body().expect("a document has a body");
        let prerendered = body.child_nodes();
        let prerendered: Vec<_> = (0..prerendered.length())
            .filter_map(|i| prerendered.item(i))
            .collect();
        if !prerendered.is_empty() {
            let path = leptos::prelude::location().pathname().unwrap_or_default();
            // Starting the wasm, reading the documents and rendering are each a
            // task of their own: one long task would keep the page from
            // answering input for their sum (total blocking time).
            dom::next_task().await;
            for request in api::documents_for(routing::site_path(&path)) {
                // The page carries the documents it was rendered from (fetched
                // builds); one it lacks, or that does not check out, is loaded.
                let carried =
                    api::document_url(&request).and_then(|url| dom::inline_document(&url));
                if carried.is_some_and(|text| api::store(&request, &text).is_ok()) {
                    continue;
                }
                // A failure shows in the view (error panel with retry) once mounted.
                let _ = api::load(request).await;
            }
            dom::next_task().await;
        }
        leptos::mount::mount_to_body(App);
        for node in prerendered {
            if let Some(parent) = node.parent_node() {
                let _ = parent.remove_child(&node);
            }
        }
        // For tests and tools: the page is now the app's.
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-app", "ready");
        }
    }
}
