//! Renders a markup file to PDF and prints the layout dump: `cargo run -p popdruk-testkit --bin popdruk-render -- in.xml out.pdf`.

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, input, output, ..] = args.as_slice() else {
        eprintln!("usage: popdruk-render IN.xml OUT.pdf [--dump] [--image NAME=PATH]...");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(input).expect("read input");
    let doc = match popdruk::markup::parse(&text) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: {input}: {e}");
            std::process::exit(1);
        }
    };
    let laid = popdruk::layout::layout(&doc, &Default::default());
    if args.iter().any(|a| a == "--dump") {
        print!("{}", popdruk::layout::dump(&laid));
    }
    for w in &laid.warnings {
        eprintln!("warning: {w}");
    }
    // `--image name=path` supplies an image for `<image src="name">`.
    let mut images = popdruk::pdf::Images::new();
    for w in args.windows(2).filter(|w| w[0] == "--image") {
        if let Some((name, path)) = w[1].split_once('=') {
            images.insert(name.to_string(), std::fs::read(path).expect("read image"));
        }
    }
    let bytes = match popdruk::pdf::Writer::new().images(&images).write(&laid) {
        Ok(written) => written.bytes,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    };
    popdruk::output::write_atomic(std::path::Path::new(output), &bytes).expect("write output");
}
