//! The studio bundle: the site frame's behaviour, then the sandbox mounted into its placeholder.
//! Links to other pages load in full: the reading pages belong to the reading bundle.

fn main() {
    flowguide_shell::start(flowguide_shell::Navigation::FullLoad);
    flowguide_ui::mount_all();
}
