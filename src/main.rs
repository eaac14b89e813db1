//! Browser entry point: install the panic hook and mount the app.

fn main() {
    #[cfg(feature = "csr")]
    {
        #[cfg(debug_assertions)]
        console_error_panic_hook::set_once();
        leptos::mount::mount_to_body(engineering_insights::App);
    }
}
