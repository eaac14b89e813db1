//! The few direct DOM calls the app needs beyond its views: yielding to the
//! event loop.

/// Resolves in a later task of the event loop (`setTimeout(0)`), letting the
/// browser handle input and paint in between.
#[cfg(target_arch = "wasm32")]
pub async fn next_task() {
    let promise = web_sys::js_sys::Promise::new(&mut |resolve, _| {
        let _ = leptos::prelude::window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Resolves when the main thread is idle (`requestIdleCallback`), or in the next
/// task where the browser has no idle callbacks.
#[cfg(target_arch = "wasm32")]
pub async fn next_idle() {
    let promise = web_sys::js_sys::Promise::new(&mut |resolve, _| {
        let window = leptos::prelude::window();
        if window.request_idle_callback(&resolve).is_err() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
