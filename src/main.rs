//! The `popdruk` command: parse flags, read the clock once, run, exit with its code.

fn main() {
    let options = popdruk::cli::parse();
    popdruk::output::clean_up_on_interrupt();
    let today = chrono::Local::now().date_naive();
    let code = popdruk::run::run(options, today);
    std::process::exit(code as i32);
}
