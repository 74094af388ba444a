//! `/sandbox` and `/exercises`: honest notes on what is coming, until their features land.

use leptos::prelude::*;

use super::PageMeta;
use crate::site::{first_lesson, href, page_path};

#[component]
pub fn SandboxPage() -> impl IntoView {
    view! {
        <PageMeta title="Sandbox" description="The Flowguide sandbox, where you will build a workflow and get feedback on each part. It is not ready yet." />
        <section class="coming-soon" aria-labelledby="page-title">
            <p class="eyebrow">"Not ready yet"</p>
            <h1 id="page-title" tabindex="-1">"Sandbox"</h1>
            <p>
                "The sandbox is still being built. When it is ready, you will build a small workflow here and see, for each of its six parts, whether it is missing, needs work or is good, and why."
            </p>
            <p>"Nothing on this page works yet, so there is nothing to lose by leaving it."</p>
            <p>
                <a href=href(&page_path(first_lesson())) class="button button-primary">
                    "Read the lessons meanwhile"
                </a>
            </p>
        </section>
    }
}

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
