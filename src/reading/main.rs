//! The reading bundle: every lesson and reference page is written whole at build time, so this
//! only starts the site frame's behaviour (in-page navigation, search, theme, shortcuts).

fn main() {
    flowguide_shell::start(flowguide_shell::Navigation::InPage);
}
