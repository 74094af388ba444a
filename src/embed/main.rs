//! The embed bundle: the sandbox alone, for an iframe in a course page. No site frame.

fn main() {
    flowguide_ui::mount_all();
}
