use crate::api::{self, SubscribeError};
use crate::i18n::{Lang, Strings};
use leptos::prelude::*;

/// Where the form is in its short life.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FormState {
    /// Waiting for an address.
    Idle,
    /// The address does not look valid; nothing was sent.
    Invalid,
    /// The request is on its way.
    Sending,
    /// The endpoint accepted the address.
    Done,
    /// The request failed; the reader can try again.
    Failed,
}

/// The closing call to action of the index, with a subscribe form when the build
/// configured an endpoint (`SUBSCRIBE_ENDPOINT`).
#[component]
pub fn SubscribeCta(
    /// Strings of the page's language.
    t: &'static Strings,
    /// The page's language (sent with the address).
    lang: Lang,
) -> impl IntoView {
    view! {
        <aside class="cta" aria-labelledby="cta-title">
            <h2 id="cta-title">{t.cta_title}</h2>
            <p>{t.cta_text}</p>
            {api::subscribe_endpoint().map(|endpoint| view! { <SubscribeForm t lang endpoint /> })}
        </aside>
    }
}

/// Email field and button; validates, posts, and reports the outcome in `lang`.
#[component]
fn SubscribeForm(t: &'static Strings, lang: Lang, endpoint: &'static str) -> impl IntoView {
    let email = RwSignal::new(String::new());
    let state = RwSignal::new(FormState::Idle);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if state.get_untracked() == FormState::Sending {
            return;
        }
        let address = email.get_untracked().trim().to_string();
        if !api::is_plausible_email(&address) {
            state.set(FormState::Invalid);
            return;
        }
        state.set(FormState::Sending);
        leptos::task::spawn_local(async move {
            let outcome = api::subscribe(endpoint, &address, lang).await;
            state.set(match outcome {
                Ok(()) => FormState::Done,
                Err(SubscribeError::Network | SubscribeError::Status(_)) => FormState::Failed,
            });
        });
    };
    let message = move || match state.get() {
        FormState::Idle | FormState::Sending => None,
        FormState::Invalid => Some(("form-message form-message--error", t.subscribe_invalid)),
        FormState::Failed => Some(("form-message form-message--error", t.subscribe_error)),
        FormState::Done => Some(("form-message form-message--ok", t.subscribe_success)),
    };
    view! {
        <form class="subscribe" novalidate on:submit=submit>
            <label class="visually-hidden" for="subscribe-email">{t.subscribe_label}</label>
            <input
                id="subscribe-email"
                type="email"
                name="email"
                autocomplete="email"
                required
                placeholder=t.subscribe_placeholder
                aria-invalid=move || (state.get() == FormState::Invalid).then_some("true")
                aria-describedby="subscribe-message"
                prop:value=move || email.get()
                on:input=move |ev| {
                    email.set(event_target_value(&ev));
                    if state.get_untracked() == FormState::Invalid {
                        state.set(FormState::Idle);
                    }
                }
                disabled=move || state.get() == FormState::Done
            />
            <button type="submit" class="button" disabled=move || matches!(state.get(), FormState::Sending | FormState::Done)>
                {move || if state.get() == FormState::Sending { t.subscribe_sending } else { t.subscribe_button }}
            </button>
            <p id="subscribe-message" role="status" aria-live="polite" class=move || message().map_or("form-message", |(c, _)| c)>
                {move || message().map(|(_, text)| text)}
            </p>
        </form>
    }
}
