//! The studio bundle: the sandbox (and, in the next issues, exercises and instructor tools),
//! mounted into the placeholders of pages that have the site frame. The frame's behaviour (search,
//! theme, contents) is the reading bundle's: the studio's loader fetches it the first time the
//! learner reaches for the frame (see `flowguide-sitegen`'s `frame_loader`), so this bundle does
//! not carry it.

fn main() {
    flowguide_ui::mount_all();
}
