//! `popdruk-generate EMPLOYEES OUT [--teams N] [--seed N]`: see
//! [`popdruk_testkit::generate`].

fn main() {
    std::process::exit(popdruk_testkit::generate::run(std::env::args().skip(1)));
}
