//! The `popdruk` command: parse flags, read the clock once, run, exit with its code.

use std::io::IsTerminal;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    // Started with no arguments and no terminal at all (double-clicked in a file manager):
    // the page, which needs none.
    let double_clicked = std::env::args_os().len() == 1
        && !std::io::stdin().is_terminal()
        && !std::io::stdout().is_terminal()
        && !std::io::stderr().is_terminal();
    let parsed = if double_clicked {
        Ok(popdruk::cli::Options::Serve(popdruk::cli::ServeOptions {
            open: true,
            ..Default::default()
        }))
    } else {
        popdruk::cli::parse(std::env::args_os())
    };
    let options = match parsed {
        Ok(options) => options,
        Err(stop) => {
            use std::io::Write;
            let _ = std::io::stdout().lock().write_all(stop.stdout.as_bytes());
            if !stop.stderr.is_empty() {
                popdruk::terminal::Console::detect(Default::default()).line(&stop.stderr);
            }
            std::process::exit(stop.code);
        }
    };
    popdruk::output::clean_up_on_interrupt();
    let today = chrono::Local::now().date_naive();
    let code = popdruk::run::run(options, today);
    std::process::exit(code as i32);
}
