//! Mounts the app. Everything else lives in the library.

fn main() {
    // Readable panic messages in development builds. Release builds leave the hook out to save
    // bundle size; a panic there still stops with an error in the console.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    flowguide::mount();
}
