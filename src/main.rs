//! The `popdruk` command: parse flags, read the clock once, run, exit with its code.

fn main() {
    let options = match popdruk::cli::parse(std::env::args_os()) {
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
