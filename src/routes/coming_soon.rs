//! `/exercises`: an honest note on what is coming, until the feature lands.

use leptos::prelude::*;

use super::PageMeta;
use crate::site::href;

#[component]
pub fn ExercisesPage() -> impl IntoView {
    view! {
        <PageMeta title="Exercises" description="Flowguide exercises for classes: scenarios and a classification drill. They are not ready yet." />
        <section class="coming-soon" aria-labelledby="page-title">
            <p class="eyebrow">"Not ready yet"</p>
            <h1 id="page-title" tabindex="-1">"Exercises"</h1>
            <p>
                "Exercises are still being built. They will include workplace scenarios to turn into workflows, and a drill where you decide whether something is a task, a workflow, a project or a process."
            </p>
            <p>
                "Until then, each lesson ends with a “Check yourself” question you can use in class."
            </p>
            <p>
                <a href=href("/learn") class="button button-primary">
                    "See all lessons"
                </a>
            </p>
        </section>
    }
}
