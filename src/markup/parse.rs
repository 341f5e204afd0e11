//! The parser: XML text to [`Document`], resolving inherited styles and defaults.

use roxmltree::{Node, NodeType};

use super::*;

/// A parse result.
type Result<T> = std::result::Result<T, MarkupError>;

/// Parses markup text that may refer to anchors in other parts; returns the document and
/// its [`Anchors`] to check with [`Anchors::check`] once every part is read.
pub fn parse_part(text: &str) -> Result<(Document, Anchors)> {
    let options = roxmltree::ParsingOptions {
        nodes_limit: MAX_NODES,
        ..roxmltree::ParsingOptions::default()
    };
    let xml = roxmltree::Document::parse_with_options(text, options).map_err(|e| {
        let p = e.pos();
        MarkupError::at(p.row, p.col, syntax(&e))
    })?;
    check_depth(&xml)?;
    let mut line_starts = vec![0];
    line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
    let p = Parser {
        text,
        line_starts,
        known: Default::default(),
        in_running: Default::default(),
        ids: Default::default(),
        refs: Default::default(),
    };
    let doc = p.document(xml.root_element())?;
    let anchors = Anchors {
        ids: p.ids.into_inner(),
        refs: p.refs.into_inner(),
    };
    Ok((doc, anchors))
}

/// A syntax error roxmltree found, in words for someone who edits a template.
fn syntax(e: &roxmltree::Error) -> Tr {
    use roxmltree::Error as E;
    match e {
        E::NodesLimitReached => Tr::new(
            format!(
                "de opmaak heeft meer dan {MAX_NODES} elementen en teksten: een lus in het sjabloon die niet eindigt?"
            ),
            format!(
                "the markup has more than {MAX_NODES} elements and texts: a loop in the template that does not end?"
            ),
        ),
        E::UnexpectedCloseTag(expected, actual, _) => Tr::new(
            format!("`</{actual}>` sluit iets wat niet open is: `</{expected}>` verwacht"),
            format!("`</{actual}>` closes what is not open: expected `</{expected}>`"),
        ),
        E::UnknownEntityReference(name, _) => Tr::new(
            format!("onbekende verwijzing `&{name};` (schrijf `&amp;` voor een &)"),
            format!("unknown reference `&{name};` (write `&amp;` for an &)"),
        ),
        E::MalformedEntityReference(_) => Tr::new(
            "een `&` die geen verwijzing begint: schrijf `&amp;` (of gebruik de filter `escape` op gegevens)",
            "an `&` that starts no reference: write `&amp;` (or use the `escape` filter on data)",
        ),
        E::InvalidAttributeValue(_) => Tr::new(
            "een attribuutwaarde bevat `<`: schrijf `&lt;`",
            "an attribute value holds `<`: write `&lt;`",
        ),
        E::DuplicatedAttribute(name, _) => Tr::new(
            format!("het attribuut `{name}` staat twee keer op één element"),
            format!("the attribute `{name}` appears twice on one element"),
        ),
        E::NoRootNode => Tr::new(
            "de opmaak is leeg: het sjabloon maakte geen `<document>`",
            "the markup is empty: the template made no `<document>`",
        ),
        E::UnclosedRootNode | E::UnexpectedEndOfStream => Tr::new(
            "de opmaak houdt op voor alle elementen gesloten zijn: een `</...>` ontbreekt",
            "the markup ends before every element is closed: a `</...>` is missing",
        ),
        E::NonXmlChar(c, _) => Tr::new(
            format!("het teken U+{:04X} mag niet in de opmaak staan", *c as u32),
            format!("the character U+{:04X} may not appear in markup", *c as u32),
        ),
        e => Tr::new(
            format!("onleesbare opmaak: {e}"),
            format!("malformed markup: {e}"),
        ),
    }
}

/// The most elements and texts one markup text may have: the longest built-in document
/// part (a team's matrix of hundreds of people and tasks) has some tens of thousands.
pub const MAX_NODES: u32 = 2_000_000;

/// How deep elements may nest: the built-in templates nest about ten deep. Parsing and
/// laying out follow the nesting, so a bound keeps them within the stack.
pub const MAX_DEPTH: usize = 48;

/// The largest count an attribute may give (`<lines count>`, `colspan`).
pub const MAX_COUNT: u32 = 1_000;

/// Fails on the first element nested deeper than [`MAX_DEPTH`], at its place. Walks the
/// tree without recursion: its depth is what is checked.
fn check_depth(xml: &roxmltree::Document<'_>) -> Result<()> {
    let mut depth = vec![0u16; xml.descendants().count() + 1];
    for node in xml.descendants() {
        let own = node.parent().map_or(0, |p| {
            depth.get(p.id().get() as usize).copied().unwrap_or(0) + 1
        });
        if let Some(d) = depth.get_mut(node.id().get() as usize) {
            *d = own;
        }
        if usize::from(own) > MAX_DEPTH {
            let p = xml.text_pos_at(node.range().start);
            return Err(MarkupError {
                line: p.row,
                column: p.col,
                message: Tr::new(
                    format!("elementen zijn meer dan {MAX_DEPTH} diep genest"),
                    format!("elements nest more than {MAX_DEPTH} deep"),
                ),
                element: Some((node.tag_name().name().to_string(), None)),
            });
        }
    }
    Ok(())
}

/// Parses markup text into a document. Errors name the line and column; a reference to an
/// anchor (`<pageref to>`, `link`) that no element has is an error too.
pub fn parse(text: &str) -> Result<Document> {
    let (doc, anchors) = parse_part(text)?;
    anchors.check()?;
    Ok(doc)
}

/// The anchors a parsed text defines and the references it makes, for documents joined
/// from several texts (the dossier): references are checked once every part is read.
#[derive(Debug, Default)]
pub struct Anchors {
    ids: std::collections::HashMap<String, Pos>,
    refs: Vec<Ref>,
}

impl Anchors {
    /// Adds another part's anchors and references; an id both parts define is an error at
    /// its place in `other`'s text.
    pub fn join(&mut self, other: Anchors) -> Result<()> {
        for (id, pos) in other.ids {
            if self.ids.contains_key(&id) {
                return Err(MarkupError {
                    line: pos.line,
                    column: pos.column,
                    message: Tr::new(
                        format!(
                            "`id=\"{id}\"` komt twee keer voor: een ander deel van het document heeft het ook"
                        ),
                        format!("duplicate `id=\"{id}\"`: another part of the document has it"),
                    ),
                    element: None,
                });
            }
            self.ids.insert(id, pos);
        }
        self.refs.extend(other.refs);
        Ok(())
    }

    /// Fails on the first reference, in order, to an anchor no part has.
    pub fn check(&self) -> Result<()> {
        check_refs(&self.ids, &self.refs)
    }
}

/// The parser's view of the source text.
struct Parser<'i> {
    text: &'i str,
    /// Byte offsets where lines start, to turn offsets into positions quickly
    /// (roxmltree's `text_pos_at` rescans the text from the start on every call).
    line_starts: Vec<usize>,
    /// Positions computed so far: byte offset to line and column.
    known: std::cell::RefCell<std::collections::BTreeMap<usize, (usize, usize)>>,
    /// Inside a `<header>` or `<footer>`, where page-number fields are allowed.
    in_running: std::cell::Cell<bool>,
    /// Anchor names (`id`) given so far, with where each was given.
    ids: std::cell::RefCell<std::collections::HashMap<String, Pos>>,
    /// References to anchors (`<pageref to>`, `link`), checked once the whole document is
    /// read, since they may point forward.
    refs: std::cell::RefCell<Vec<Ref>>,
}

/// A reference to an anchor: its name, where it is, and whether it is a `<pageref>`
/// (else a `link`).
#[derive(Debug)]
struct Ref {
    to: String,
    pos: Pos,
    pageref: bool,
    /// The tag name of the element that refers.
    element: Option<String>,
}

const INLINE: &[&str] = &[
    "b", "i", "span", "br", "level", "check", "page", "pages", "pageref",
];

impl<'i> Parser<'i> {
    fn pos(&self, node: Node) -> Pos {
        let at = node.range().start;
        let line = self.line_starts.partition_point(|&s| s <= at);
        let start = self.line_starts[line - 1];
        // Count characters on from the nearest position already computed on this line, so
        // one very long line (generated markup) is not rescanned for every node.
        let mut known = self.known.borrow_mut();
        let column = match known.range(..=at).next_back() {
            Some((&off, &(l, c))) if l == line => c + self.text[off..at].chars().count(),
            _ => self.text[start..at].chars().count() + 1,
        };
        known.insert(at, (line, column));
        Pos {
            line: line as u32,
            column: column as u32,
        }
    }

    fn err<T>(&self, node: Node, message: Tr) -> Result<T> {
        self.err_at(node, None, message)
    }

    /// An error about `node`'s attribute `attribute`.
    fn err_at<T>(&self, node: Node, attribute: Option<&str>, message: Tr) -> Result<T> {
        let pos = self.pos(node);
        Err(MarkupError {
            line: pos.line,
            column: pos.column,
            message,
            element: Some((
                node.tag_name().name().to_string(),
                attribute.map(str::to_string),
            )),
        })
    }

    fn check_attrs(&self, node: Node, allowed: &[&str]) -> Result<()> {
        for a in node.attributes() {
            if !allowed.contains(&a.name()) {
                let (tag, name) = (node.tag_name().name(), a.name());
                let allowed = allowed.join(", ");
                return self.err_at(
                    node,
                    Some(name),
                    Tr::new(
                        format!(
                            "onbekend attribuut `{name}` bij `<{tag}>` (toegelaten: {allowed})"
                        ),
                        format!("unknown attribute `{name}` on `<{tag}>` (allowed: {allowed})"),
                    ),
                );
            }
        }
        Ok(())
    }

    fn attr<T>(&self, node: Node, name: &str, f: impl Fn(&str) -> Option<T>) -> Result<Option<T>> {
        match node.attribute(name) {
            None => Ok(None),
            Some(v) => match f(v.trim()) {
                Some(x) => Ok(Some(x)),
                None => {
                    let tag = node.tag_name().name();
                    self.err_at(
                        node,
                        Some(name),
                        Tr::new(
                            format!("ongeldige waarde `{v}` voor `{name}` bij `<{tag}>`"),
                            format!("invalid value `{v}` for `{name}` on `<{tag}>`"),
                        ),
                    )
                }
            },
        }
    }

    /// Reads the anchor name `id`, which must be new to the document.
    fn anchor(&self, node: Node) -> Result<Option<String>> {
        let Some(id) = self.attr(node, "id", parse_name)? else {
            return Ok(None);
        };
        let pos = self.pos(node);
        let mut ids = self.ids.borrow_mut();
        if let Some(first) = ids.get(&id) {
            let (line, column) = (first.line, first.column);
            return self.err_at(
                node,
                Some("id"),
                Tr::new(
                    format!("`id=\"{id}\"` komt twee keer voor: al gebruikt op regel {line}, kolom {column}"),
                    format!("duplicate `id=\"{id}\"`: already used at line {line}, column {column}"),
                ),
            );
        }
        ids.insert(id.clone(), pos);
        Ok(Some(id))
    }

    /// Reads the anchor name in attribute `name` (`link` or `to`) and notes it for
    /// [`Parser::check_refs`].
    fn reference(&self, node: Node, name: &str) -> Result<Option<String>> {
        let to = self.attr(node, name, parse_name)?;
        if let Some(to) = &to {
            self.refs.borrow_mut().push(Ref {
                to: to.clone(),
                pos: self.pos(node),
                pageref: name == "to",
                element: Some(node.tag_name().name().to_string()),
            });
        }
        Ok(to)
    }

    fn document(&self, root: Node) -> Result<Document> {
        if root.tag_name().name() != "document" {
            return self.err(
                root,
                Tr::new(
                    format!(
                        "het buitenste element moet `<document>` zijn, niet `<{}>`",
                        root.tag_name().name()
                    ),
                    format!(
                        "the root element must be `<document>`, not `<{}>`",
                        root.tag_name().name()
                    ),
                ),
            );
        }
        self.check_attrs(
            root,
            &[
                "title",
                "author",
                "subject",
                "lang",
                "date",
                "paper",
                "orientation",
                "margin",
                "font-size",
                "hyphenate",
            ],
        )?;
        let meta = Meta {
            title: root.attribute("title").unwrap_or("").to_string(),
            author: root.attribute("author").unwrap_or("").to_string(),
            subject: root.attribute("subject").unwrap_or("").to_string(),
            lang: root.attribute("lang").unwrap_or("nl-BE").to_string(),
            date: self.attr(root, "date", parse_date)?,
            hyphenate: self.attr(root, "hyphenate", parse_bool)?.unwrap_or(true),
        };
        let setup = self.setup(root, PageSetup::default())?;
        let mut style = Style::default();
        if let Some(s) = self.attr(root, "font-size", parse_pt)? {
            style.size = s;
        }
        let mut header = None;
        let mut footer = None;
        let mut sections = Vec::new();
        let mut loose = Vec::new();
        let mut loose_node = None;
        for child in root.children() {
            match child.tag_name().name() {
                "header" if child.is_element() => header = Some(self.running(child, style)?),
                "footer" if child.is_element() => footer = Some(self.running(child, style)?),
                "section" if child.is_element() => {
                    if !loose.is_empty() {
                        sections.push(Section {
                            setup,
                            header: header.clone(),
                            footer: footer.clone(),
                            odd: false,
                            blocks: std::mem::take(&mut loose),
                        });
                    }
                    sections.push(self.section(child, setup, style, &header, &footer)?);
                }
                _ => {
                    if loose_node.is_none() && child.is_element() {
                        loose_node = Some(child);
                    }
                    self.flow_node(child, style, &mut loose, &mut Vec::new())?;
                }
            }
        }
        if !loose.is_empty() || sections.is_empty() {
            sections.push(Section {
                setup,
                header,
                footer,
                odd: false,
                blocks: loose,
            });
        }
        Ok(Document { meta, sections })
    }

    fn setup(&self, node: Node, base: PageSetup) -> Result<PageSetup> {
        let mut s = base;
        if let Some(p) = self.attr(node, "paper", |v| match v.to_ascii_uppercase().as_str() {
            "A4" => Some(Paper::A4),
            "A3" => Some(Paper::A3),
            _ => None,
        })? {
            s.paper = p;
        }
        if let Some(l) = self.attr(node, "orientation", |v| match v {
            "portrait" => Some(false),
            "landscape" => Some(true),
            _ => None,
        })? {
            s.landscape = l;
        }
        if let Some(m) = self.attr(node, "margin", parse_margins)? {
            s.margins = m;
        }
        Ok(s)
    }

    fn section(
        &self,
        node: Node,
        base: PageSetup,
        style: Style,
        header: &Option<Running>,
        footer: &Option<Running>,
    ) -> Result<Section> {
        self.check_attrs(
            node,
            &["paper", "orientation", "margin", "start", "font-size"],
        )?;
        let setup = self.setup(node, base)?;
        let mut style = style;
        if let Some(s) = self.attr(node, "font-size", parse_pt)? {
            style.size = s;
        }
        let odd = self
            .attr(node, "start", |v| match v {
                "odd" => Some(true),
                "any" => Some(false),
                _ => None,
            })?
            .unwrap_or(false);
        let mut header = header.clone();
        let mut footer = footer.clone();
        let mut blocks = Vec::new();
        for child in node.children() {
            match child.tag_name().name() {
                "header" if child.is_element() => header = Some(self.running(child, style)?),
                "footer" if child.is_element() => footer = Some(self.running(child, style)?),
                _ => self.flow_node(child, style, &mut blocks, &mut Vec::new())?,
            }
        }
        Ok(Section {
            setup,
            header,
            footer,
            odd,
            blocks,
        })
    }

    fn running(&self, node: Node, style: Style) -> Result<Running> {
        self.check_attrs(node, &["align", "size", "color"])?;
        let mut style = Style {
            size: Pt(style.size.0 * 0.8),
            color: Rgb(0x44, 0x44, 0x44),
            ..style
        };
        self.inline_style(node, &mut style)?;
        let align = self
            .attr(node, "align", parse_align)?
            .unwrap_or(Align::Left);
        let mut inlines = Vec::new();
        self.in_running.set(true);
        let parsed = node
            .children()
            .try_for_each(|c| self.inline(c, style, &mut inlines));
        self.in_running.set(false);
        parsed?;
        Ok(Running {
            inlines: collapse(inlines),
            align,
            pos: self.pos(node),
        })
    }

    fn inline_style(&self, node: Node, style: &mut Style) -> Result<()> {
        if let Some(s) = self.attr(node, "size", parse_pt)? {
            style.size = s;
        }
        if let Some(c) = self.attr(node, "color", parse_color)? {
            style.color = c;
        }
        Ok(())
    }

    fn inline(&self, node: Node, style: Style, out: &mut Vec<Inline>) -> Result<()> {
        match node.node_type() {
            NodeType::Text => {
                out.push(Inline::Text(node.text().unwrap_or("").to_string(), style));
                return Ok(());
            }
            NodeType::Element => {}
            _ => return Ok(()),
        }
        let name = node.tag_name().name();
        let mut st = style;
        match name {
            "b" | "i" | "span" => {
                self.check_attrs(node, &["size", "color"])?;
                st.bold |= name == "b";
                st.italic |= name == "i";
                self.inline_style(node, &mut st)?;
                for c in node.children() {
                    self.inline(c, st, out)?;
                }
            }
            "br" => {
                self.check_attrs(node, &[])?;
                out.push(Inline::Break)
            }
            "level" => {
                self.check_attrs(node, &["value"])?;
                let v = self
                    .attr(node, "value", |v| v.parse::<u8>().ok().filter(|&n| n <= 3))?
                    .ok_or(())
                    .or_else(|_| {
                        self.err_at(
                            node,
                            Some("value"),
                            Tr::new(
                                "`<level>` heeft `value` 0, 1, 2 of 3 nodig",
                                "`<level>` needs `value` 0, 1, 2 or 3",
                            ),
                        )
                    })?;
                out.push(Inline::Object(Object::Level(v), st));
            }
            "check" => {
                self.check_attrs(node, &["checked"])?;
                let v = self.attr(node, "checked", parse_bool)?.unwrap_or(false);
                out.push(Inline::Object(Object::Checkbox(v), st));
            }
            "page" | "pages" => {
                if !self.in_running.get() {
                    return self.err(
                        node,
                        Tr::new(
                            format!("`<{name}/>` mag alleen in `<header>` en `<footer>`"),
                            format!("`<{name}/>` is only allowed in `<header>` and `<footer>`"),
                        ),
                    );
                }
                self.check_attrs(node, &["of"])?;
                let section = self
                    .attr(node, "of", |v| match v {
                        "section" => Some(true),
                        "document" => Some(false),
                        _ => None,
                    })?
                    .unwrap_or(false);
                out.push(Inline::Field(
                    if name == "page" {
                        Field::Page { section }
                    } else {
                        Field::Pages { section }
                    },
                    st,
                ));
            }
            "pageref" => {
                self.check_attrs(node, &["to"])?;
                let Some(to) = self.reference(node, "to")? else {
                    return self.err_at(
                        node,
                        Some("to"),
                        Tr::new(
                            "`<pageref>` heeft `to` nodig, de `id` van een element",
                            "`<pageref>` needs `to`, the `id` of an element",
                        ),
                    );
                };
                out.push(Inline::PageRef {
                    to,
                    style: st,
                    pos: self.pos(node),
                });
            }
            _ => {
                return self.err(
                    node,
                    Tr::new(
                        format!("`<{name}>` mag niet binnen tekst staan"),
                        format!("`<{name}>` is not allowed inside text"),
                    ),
                );
            }
        }
        Ok(())
    }

    fn para(&self, node: Node, style: Style, default_align: Align) -> Result<Para> {
        self.check_attrs(
            node,
            &[
                "align",
                "size",
                "color",
                "keep-with-next",
                "space-before",
                "space-after",
                "id",
                "link",
            ],
        )?;
        let mut st = style;
        self.inline_style(node, &mut st)?;
        let mut inlines = Vec::new();
        for c in node.children() {
            self.inline(c, st, &mut inlines)?;
        }
        Ok(Para {
            inlines: collapse(inlines),
            align: self
                .attr(node, "align", parse_align)?
                .unwrap_or(default_align),
            keep_with_next: self
                .attr(node, "keep-with-next", parse_bool)?
                .unwrap_or(false),
            space_before: self
                .attr(node, "space-before", parse_pt)?
                .unwrap_or(Pt(0.0)),
            space_after: self
                .attr(node, "space-after", parse_pt)?
                .unwrap_or(Pt(style.size.0 * 0.5)),
            pos: self.pos(node),
            id: self.anchor(node)?,
            link: self.reference(node, "link")?,
        })
    }

    /// Parses a node of block flow; loose inline content gathers into an implicit paragraph.
    fn flow_node(
        &self,
        node: Node,
        style: Style,
        out: &mut Vec<Block>,
        pending: &mut Vec<Inline>,
    ) -> Result<()> {
        let flush = |pending: &mut Vec<Inline>, out: &mut Vec<Block>, pos: Pos| {
            let inl = collapse(std::mem::take(pending));
            if !inl.is_empty() {
                out.push(Block::Para(Para {
                    inlines: inl,
                    align: Align::Left,
                    keep_with_next: false,
                    space_before: Pt(0.0),
                    space_after: Pt(0.0),
                    pos,
                    id: None,
                    link: None,
                }));
            }
        };
        let is_inline = node.is_text() || INLINE.contains(&node.tag_name().name());
        if is_inline {
            return self.inline(node, style, pending);
        }
        if !node.is_element() {
            return Ok(());
        }
        flush(pending, out, self.pos(node));
        let name = node.tag_name().name();
        match name {
            "p" => out.push(Block::Para(self.para(node, style, Align::Left)?)),
            "h1" | "h2" | "h3" | "h4" => {
                let level = name[1..].parse::<u8>().unwrap_or(1);
                let factor = [1.0, 1.6, 1.3, 1.15, 1.0][level as usize];
                let st = Style {
                    bold: true,
                    size: Pt(style.size.0 * factor),
                    ..style
                };
                let mut para = self.para(node, st, Align::Left)?;
                para.keep_with_next = true;
                if node.attribute("space-before").is_none() {
                    para.space_before = Pt(st.size.0 * 0.6);
                }
                if node.attribute("space-after").is_none() {
                    para.space_after = Pt(st.size.0 * 0.3);
                }
                out.push(Block::Heading { level, para });
            }
            "ul" | "ol" => {
                self.check_attrs(node, &["start"])?;
                let start = self.attr(node, "start", |v| v.parse().ok())?.unwrap_or(1);
                let mut items = Vec::new();
                for li in node.children() {
                    if li.is_text() && li.text().is_some_and(|t| t.trim().is_empty()) {
                        continue;
                    }
                    if li.tag_name().name() != "li" {
                        if li.is_element() || li.is_text() {
                            return self.err(
                                li,
                                Tr::new(
                                    format!("`<{name}>` mag alleen `<li>` bevatten"),
                                    format!("`<{name}>` may only contain `<li>`"),
                                ),
                            );
                        }
                        continue;
                    }
                    self.check_attrs(li, &[])?;
                    items.push(self.flow(li, style)?);
                }
                out.push(Block::List {
                    ordered: name == "ol",
                    start,
                    items,
                    style,
                });
            }
            "table" => out.push(Block::Table(self.table(node, style)?)),
            "keep" => {
                self.check_attrs(node, &[])?;
                out.push(Block::Keep(self.flow(node, style)?))
            }
            "pagebreak" => {
                self.check_attrs(node, &["odd"])?;
                let odd = self.attr(node, "odd", parse_bool)?.unwrap_or(false);
                out.push(Block::PageBreak { odd });
            }
            "lines" => {
                self.check_attrs(node, &["count", "spacing", "fill"])?;
                let fill = self.attr(node, "fill", parse_bool)?.unwrap_or(false);
                let count = match node.attribute("count") {
                    None | Some("fill") => None,
                    Some(_) => self.attr(node, "count", |v| {
                        v.parse::<u32>().ok().filter(|&n| n <= MAX_COUNT)
                    })?,
                };
                let spacing = self
                    .attr(node, "spacing", parse_pt)?
                    .unwrap_or(Pt::from(Mm(9.0)));
                out.push(Block::Lines {
                    count,
                    spacing,
                    fill,
                });
            }
            "field" => {
                self.check_attrs(node, &["label", "label-width"])?;
                let label = vec![Inline::Text(
                    node.attribute("label").unwrap_or("").to_string(),
                    Style {
                        bold: true,
                        ..style
                    },
                )];
                let mut value = Vec::new();
                for c in node.children() {
                    self.inline(c, style, &mut value)?;
                }
                out.push(Block::Field {
                    label,
                    value: collapse(value),
                    label_width: self
                        .attr(node, "label-width", parse_pt)?
                        .unwrap_or(Pt::from(Mm(45.0))),
                    style,
                    pos: self.pos(node),
                });
            }
            "signatures" => {
                self.check_attrs(node, &[])?;
                let mut sigs = Vec::new();
                for s in node.children().filter(|c| c.is_element()) {
                    if s.tag_name().name() != "signature" {
                        return self.err(
                            s,
                            Tr::new(
                                "`<signatures>` mag alleen `<signature>` bevatten",
                                "`<signatures>` may only contain `<signature>`",
                            ),
                        );
                    }
                    self.check_attrs(s, &["title", "name", "date", "date-label", "sign-label"])?;
                    sigs.push(Signature {
                        title: s.attribute("title").unwrap_or("Voor akkoord").to_string(),
                        name: s.attribute("name").unwrap_or("").to_string(),
                        date: s.attribute("date").unwrap_or("").to_string(),
                        date_label: s.attribute("date-label").unwrap_or("Datum").to_string(),
                        sign_label: s
                            .attribute("sign-label")
                            .unwrap_or("Handtekening")
                            .to_string(),
                        style,
                        pos: self.pos(s),
                    });
                }
                out.push(Block::Signatures(sigs));
            }
            "image" => {
                self.check_attrs(node, &["src", "width", "height", "align"])?;
                let src = node
                    .attribute("src")
                    .map(str::to_string)
                    .ok_or(())
                    .or_else(|_| {
                        self.err_at(
                            node,
                            Some("src"),
                            Tr::new("`<image>` heeft `src` nodig", "`<image>` needs `src`"),
                        )
                    })?;
                out.push(Block::Image {
                    src,
                    width: self
                        .attr(node, "width", parse_pt)?
                        .unwrap_or(Pt::from(Mm(40.0))),
                    height: self
                        .attr(node, "height", parse_pt)?
                        .unwrap_or(Pt::from(Mm(20.0))),
                    align: self
                        .attr(node, "align", parse_align)?
                        .unwrap_or(Align::Left),
                    pos: self.pos(node),
                });
            }
            "spacer" => {
                self.check_attrs(node, &["height"])?;
                out.push(Block::Spacer(
                    self.attr(node, "height", parse_pt)?
                        .unwrap_or(Pt(style.size.0)),
                ));
            }
            "hr" => {
                self.check_attrs(node, &["width", "color"])?;
                out.push(Block::Rule {
                    width: self.attr(node, "width", parse_pt)?.unwrap_or(Pt(0.75)),
                    color: self
                        .attr(node, "color", parse_color)?
                        .unwrap_or(Rgb(0x66, 0x66, 0x66)),
                });
            }
            "section" | "header" | "footer" => {
                return self.err(
                    node,
                    Tr::new(
                        format!("`<{name}>` mag alleen rechtstreeks in `<document>` staan"),
                        format!("`<{name}>` is only allowed directly inside `<document>`"),
                    ),
                );
            }
            _ => {
                return self.err(
                    node,
                    Tr::new(
                        format!("onbekend element `<{name}>`"),
                        format!("unknown element `<{name}>`"),
                    ),
                );
            }
        }
        Ok(())
    }

    fn flow(&self, node: Node, style: Style) -> Result<Vec<Block>> {
        let mut out = Vec::new();
        let mut pending = Vec::new();
        for c in node.children() {
            self.flow_node(c, style, &mut out, &mut pending)?;
        }
        let inl = collapse(pending);
        if !inl.is_empty() {
            out.push(Block::Para(Para {
                inlines: inl,
                align: Align::Left,
                keep_with_next: false,
                space_before: Pt(0.0),
                space_after: Pt(0.0),
                pos: self.pos(node),
                id: None,
                link: None,
            }));
        }
        // Most cells hold one paragraph, for which the vector made room for four: a table
        // of 10,000 rows kept that slack (about 300 bytes a cell) for the whole document.
        out.shrink_to_fit();
        Ok(out)
    }

    fn table(&self, node: Node, style: Style) -> Result<Table> {
        self.check_attrs(
            node,
            &[
                "widths",
                "border",
                "border-color",
                "padding",
                "font-size",
                "group",
            ],
        )?;
        let mut style = style;
        if let Some(s) = self.attr(node, "font-size", parse_pt)? {
            style.size = s;
        }
        let mut rows = Vec::new();
        for child in node.children() {
            match child.tag_name().name() {
                "thead" | "tbody" if child.is_element() => {
                    self.check_attrs(child, &[])?;
                    for tr in child.children().filter(|c| c.is_element()) {
                        rows.push(self.row(tr, style, child.tag_name().name() == "thead")?);
                    }
                }
                "tr" if child.is_element() => rows.push(self.row(child, style, false)?),
                _ if child.is_text() && child.text().is_some_and(|t| t.trim().is_empty()) => {}
                _ if child.is_element() || child.is_text() => {
                    return self.err(
                        child,
                        Tr::new(
                            "`<table>` mag alleen `<thead>`, `<tbody>` en `<tr>` bevatten",
                            "`<table>` may only contain `<thead>`, `<tbody>` and `<tr>`",
                        ),
                    );
                }
                _ => {}
            }
        }
        let ncols = rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.colspan).sum::<usize>())
            .max()
            .unwrap_or(0);
        let widths = match node.attribute("widths") {
            None => vec![ColWidth::Fr(1.0); ncols],
            Some(spec) => {
                let w: Option<Vec<ColWidth>> =
                    spec.split_whitespace().map(parse_col_width).collect();
                match w {
                    Some(w) => w,
                    None => {
                        return self.err_at(
                            node,
                            Some("widths"),
                            Tr::new(
                                format!(
                                    "ongeldige `widths` `{spec}`: schrijf bv. `30mm 2fr 1fr 20%`"
                                ),
                                format!("invalid `widths` `{spec}`: use e.g. `30mm 2fr 1fr 20%`"),
                            ),
                        );
                    }
                }
            }
        };
        if widths.len() < ncols {
            let n = widths.len();
            return self.err_at(
                node,
                Some("widths"),
                Tr::new(
                    format!("`widths` noemt {n} kolommen maar een rij heeft er {ncols}"),
                    format!("`widths` names {n} columns but a row has {ncols}"),
                ),
            );
        }
        Ok(Table {
            widths,
            border: self.attr(node, "border", parse_pt)?.unwrap_or(Pt(0.5)),
            border_color: self
                .attr(node, "border-color", parse_color)?
                .unwrap_or(Rgb(0x55, 0x55, 0x55)),
            padding: self
                .attr(node, "padding", parse_pt)?
                .unwrap_or(Pt::from(Mm(1.5))),
            rows,
            group: node.attribute("group").map(str::to_string),
            pos: self.pos(node),
        })
    }

    fn row(&self, tr: Node, style: Style, header: bool) -> Result<Row> {
        if tr.tag_name().name() != "tr" {
            return self.err(
                tr,
                Tr::new(
                    format!("`<tr>` verwacht, `<{}>` gevonden", tr.tag_name().name()),
                    format!("expected `<tr>`, found `<{}>`", tr.tag_name().name()),
                ),
            );
        }
        self.check_attrs(tr, &["header", "summary", "shade", "id", "link"])?;
        let header = header || self.attr(tr, "header", parse_bool)?.unwrap_or(false);
        let summary = self.attr(tr, "summary", parse_bool)?.unwrap_or(false);
        let id = self.anchor(tr)?;
        let link = self.reference(tr, "link")?;
        let row_shade = self.attr(tr, "shade", parse_color)?;
        let mut cells = Vec::new();
        for td in tr.children() {
            if td.is_text() && td.text().is_some_and(|t| t.trim().is_empty())
                || !(td.is_element() || td.is_text())
            {
                continue;
            }
            let name = td.tag_name().name();
            if name != "td" && name != "th" {
                return self.err(
                    td,
                    Tr::new(
                        "`<tr>` mag alleen `<td>` en `<th>` bevatten",
                        "`<tr>` may only contain `<td>` and `<th>`",
                    ),
                );
            }
            self.check_attrs(
                td,
                &[
                    "colspan", "shade", "hatch", "align", "valign", "vertical", "size", "color",
                    "link",
                ],
            )?;
            let mut st = Style {
                bold: style.bold || name == "th",
                ..style
            };
            self.inline_style(td, &mut st)?;
            let align = self.attr(td, "align", parse_align)?;
            let mut blocks = self.flow(td, st)?;
            if let Some(a) = align {
                for b in &mut blocks {
                    if let Block::Para(p) = b {
                        p.align = a;
                    }
                }
            }
            cells.push(Cell {
                blocks,
                colspan: self
                    .attr(td, "colspan", |v| {
                        v.parse::<usize>()
                            .ok()
                            .filter(|&n| (1..=MAX_COUNT as usize).contains(&n))
                    })?
                    .unwrap_or(1),
                shade: self.attr(td, "shade", parse_color)?.or(row_shade),
                vertical: self.attr(td, "vertical", parse_bool)?.unwrap_or(false),
                hatch: self.attr(td, "hatch", parse_bool)?.unwrap_or(false),
                valign: self
                    .attr(td, "valign", |v| match v {
                        "top" => Some(VAlign::Top),
                        "middle" => Some(VAlign::Middle),
                        "bottom" => Some(VAlign::Bottom),
                        _ => None,
                    })?
                    .unwrap_or_default(),
                pos: self.pos(td),
                link: self.reference(td, "link")?,
            });
        }
        Ok(Row {
            cells,
            header,
            summary,
            id,
            link,
        })
    }
}

/// Collapses runs of whitespace to one space (as in HTML) and trims both ends and around
/// forced breaks.
fn collapse(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    let mut last_space = true;
    for inl in inlines {
        match inl {
            Inline::Text(t, st) => {
                let mut s = String::with_capacity(t.len());
                for c in t.chars() {
                    if c.is_whitespace() && c != '\u{a0}' {
                        if !last_space {
                            s.push(' ');
                            last_space = true;
                        }
                    } else {
                        s.push(c);
                        last_space = false;
                    }
                }
                if !s.is_empty() {
                    out.push(Inline::Text(s, st));
                }
            }
            Inline::Break => {
                trim_end(&mut out);
                out.push(Inline::Break);
                last_space = true;
            }
            other => {
                out.push(other);
                last_space = false;
            }
        }
    }
    trim_end(&mut out);
    out
}

fn trim_end(out: &mut Vec<Inline>) {
    while let Some(Inline::Text(t, _)) = out.last_mut() {
        if t.ends_with(' ') {
            t.pop();
        }
        if t.is_empty() {
            out.pop();
        } else {
            break;
        }
    }
}

/// A date as `YYYY-MM-DD`.
fn parse_date(v: &str) -> Option<String> {
    let p: Vec<&str> = v.split('-').collect();
    let ok = matches!(p.as_slice(), [y, m, d]
        if y.len() == 4 && m.len() == 2 && d.len() == 2
            && [y, m, d].iter().all(|s| s.bytes().all(|b| b.is_ascii_digit()))
            && (1..=12).contains(&m.parse::<u32>().unwrap_or(0))
            && (1..=31).contains(&d.parse::<u32>().unwrap_or(0)));
    ok.then(|| v.to_string())
}

/// An anchor name: any text without spaces.
fn parse_name(v: &str) -> Option<String> {
    (!v.is_empty() && !v.contains(char::is_whitespace)).then(|| v.to_string())
}

fn parse_bool(v: &str) -> Option<bool> {
    match v {
        "true" | "yes" | "1" => Some(true),
        "false" | "no" | "0" => Some(false),
        _ => None,
    }
}

fn parse_align(v: &str) -> Option<Align> {
    match v {
        "left" => Some(Align::Left),
        "right" => Some(Align::Right),
        "center" | "centre" => Some(Align::Center),
        "justify" => Some(Align::Justify),
        _ => None,
    }
}

/// A length: `12mm`, `1.5cm`, `10pt`; a bare number is points.
pub(crate) fn parse_pt(v: &str) -> Option<Pt> {
    let num = |s: &str| {
        s.trim()
            .parse::<f32>()
            .ok()
            .filter(|n| n.is_finite() && *n >= 0.0)
    };
    if let Some(n) = v.strip_suffix("mm") {
        num(n).map(|n| Pt::from(Mm(n)))
    } else if let Some(n) = v.strip_suffix("cm") {
        num(n).map(|n| Pt::from(Mm(n * 10.0)))
    } else if let Some(n) = v.strip_suffix("pt") {
        num(n).map(Pt)
    } else {
        num(v).map(Pt)
    }
}

fn parse_margins(v: &str) -> Option<[Mm; 4]> {
    let parts: Option<Vec<Mm>> = v
        .split_whitespace()
        .map(|p| parse_pt(p).map(Mm::from))
        .collect();
    match parts?.as_slice() {
        [a] => Some([*a; 4]),
        [v, h] => Some([*v, *h, *v, *h]),
        [t, h, b] => Some([*t, *h, *b, *h]),
        [t, r, b, l] => Some([*t, *r, *b, *l]),
        _ => None,
    }
}

fn parse_col_width(v: &str) -> Option<ColWidth> {
    if let Some(n) = v.strip_suffix("fr") {
        n.parse::<f32>().ok().filter(|n| *n > 0.0).map(ColWidth::Fr)
    } else if let Some(n) = v.strip_suffix('%') {
        n.parse::<f32>()
            .ok()
            .filter(|n| *n > 0.0)
            .map(ColWidth::Percent)
    } else {
        parse_pt(v).map(ColWidth::Fixed)
    }
}

/// A colour: `#rrggbb`, `#rgb` or one of a few names.
pub(crate) fn parse_color(v: &str) -> Option<Rgb> {
    let named = match v {
        "black" => Some(Rgb(0, 0, 0)),
        "white" => Some(Rgb(255, 255, 255)),
        "grey" | "gray" => Some(Rgb(0x80, 0x80, 0x80)),
        "lightgrey" | "lightgray" => Some(Rgb(0xe6, 0xe6, 0xe6)),
        "red" => Some(Rgb(0xc0, 0, 0)),
        "green" => Some(Rgb(0, 0x80, 0)),
        "blue" => Some(Rgb(0, 0x40, 0xa0)),
        _ => None,
    };
    if named.is_some() {
        return named;
    }
    // Only hex digits: a byte count alone could slice a letter such as `é` in two.
    let hex = v
        .strip_prefix('#')
        .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))?;
    let d = |s: &str| u8::from_str_radix(s, 16).ok();
    match hex.len() {
        6 => Some(Rgb(d(&hex[0..2])?, d(&hex[2..4])?, d(&hex[4..6])?)),
        3 => {
            let e = |i: usize| d(&hex[i..i + 1]).map(|x| x * 17);
            Some(Rgb(e(0)?, e(1)?, e(2)?))
        }
        _ => None,
    }
}

/// Fails on the first reference, in document order, to an anchor no element has.
fn check_refs(ids: &std::collections::HashMap<String, Pos>, refs: &[Ref]) -> Result<()> {
    let Some(r) = refs.iter().find(|r| !ids.contains_key(&r.to)) else {
        return Ok(());
    };
    let what = if r.pageref {
        format!("`<pageref to=\"{}\"/>`", r.to)
    } else {
        format!("`link=\"{}\"`", r.to)
    };
    let close = ids
        .keys()
        .map(|k| (strsim::normalized_damerau_levenshtein(&r.to, k), k))
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)));
    let (hint_nl, hint_en) = match close {
        Some((_, k)) => (
            format!(" (bedoelde u `{k}`?)"),
            format!(" (did you mean `{k}`?)"),
        ),
        None => Default::default(),
    };
    let to = &r.to;
    let attribute = if r.pageref { "to" } else { "link" };
    Err(MarkupError {
        line: r.pos.line,
        column: r.pos.column,
        message: Tr::new(
            format!("{what} wijst naar geen element: niets heeft `id=\"{to}\"`{hint_nl}"),
            format!("{what} points to no element: nothing has `id=\"{to}\"`{hint_en}"),
        ),
        element: r
            .element
            .clone()
            .map(|tag| (tag, Some(attribute.to_string()))),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Markup nested `depth` deep: tables in keeps in table cells, then inline spans.
    fn nested(depth: usize) -> String {
        let (mut open, mut close) = (String::new(), String::new());
        let blocks = depth.saturating_sub(4) / 4;
        for _ in 0..blocks {
            open.push_str("<keep><table><tr><td>");
            close.insert_str(0, "</td></tr></table></keep>");
        }
        let spans = depth - 3 - blocks * 4;
        format!(
            r#"<document title="x" lang="nl-BE"><section><p>{open}{}x{}{close}</p></section></document>"#,
            "<b>".repeat(spans),
            "</b>".repeat(spans)
        )
        .replacen("<p>", "", 1)
        .replacen("</p></section>", "</section>", 1)
    }

    #[test]
    fn markup_at_the_depth_bound_is_read_laid_out_and_written_on_a_small_stack() {
        // A rayon worker's stack (2 MB): the deepest markup allowed must fit in a debug build.
        let run = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(|| {
                let doc = parse(&nested(MAX_DEPTH)).expect("at the bound");
                let laid = crate::layout::layout(&doc, &crate::layout::Options::default());
                let written = crate::pdf::Writer::new().write(&laid).unwrap();
                assert!(written.bytes.starts_with(b"%PDF"));
            })
            .unwrap();
        assert!(run.join().is_ok());
        let e = parse(&nested(MAX_DEPTH + 1)).unwrap_err();
        assert!(e.message.en.contains("nest more than"), "{e}");
    }

    #[test]
    fn parses_metadata_setup_and_sections() {
        let d = parse(
            r#"<document title="POP" author="Team" lang="nl-BE" margin="15mm 10mm">
                 <p>Eerste</p>
                 <section orientation="landscape" paper="A3" start="odd"><p>Tweede</p></section>
               </document>"#,
        )
        .unwrap();
        assert_eq!(d.meta.title, "POP");
        assert_eq!(d.meta.date, None);
        let e = parse(r#"<document date="17/02/2026"/>"#).unwrap_err();
        assert!(e.message.en.contains("`17/02/2026`"), "{e}");
        let d2 = parse(r#"<document date="2026-02-17"/>"#).unwrap();
        assert_eq!(d2.meta.date.as_deref(), Some("2026-02-17"));
        assert_eq!(d.sections.len(), 2);
        assert!(!d.sections[0].setup.landscape);
        assert_eq!(d.sections[0].setup.margins[1], Mm::from(Pt::from(Mm(10.0))));
        assert!(d.sections[1].setup.landscape && d.sections[1].odd);
        assert_eq!(d.sections[1].setup.paper, Paper::A3);
    }

    #[test]
    fn inline_styles_nest_and_whitespace_collapses() {
        let d = parse("<document><p>  Een <b>vet <i>schuin</i></b>\n  en <span color=\"#c00\" size=\"14\">rood</span> </p></document>").unwrap();
        let Block::Para(p) = &d.sections[0].blocks[0] else {
            panic!()
        };
        let texts: Vec<(&str, bool, bool)> = p
            .inlines
            .iter()
            .filter_map(|i| match i {
                Inline::Text(t, s) => Some((t.as_str(), s.bold, s.italic)),
                _ => None,
            })
            .collect();
        assert_eq!(
            texts,
            vec![
                ("Een ", false, false),
                ("vet ", true, false),
                ("schuin", true, true),
                (" en ", false, false),
                ("rood", false, false)
            ]
        );
        let Inline::Text(_, red) = &p.inlines[4] else {
            panic!()
        };
        assert_eq!((red.color, red.size), (Rgb(0xcc, 0, 0), Pt(14.0)));
    }

    #[test]
    fn errors_name_line_and_column() {
        let e = parse("<document>\n  <p>ok</p>\n  <blink>nee</blink>\n</document>").unwrap_err();
        assert_eq!((e.line, e.column), (3, 3));
        assert!(e.message.en.contains("unknown element `<blink>`"), "{e}");
        let e = parse("<document>\n<p align=\"links\">x</p></document>").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.en.contains("`links`"));
        let e = parse("<document><p>x</document>").unwrap_err();
        assert_eq!(
            e.message.en,
            "`</document>` closes what is not open: expected `</p>`"
        );
        assert_eq!(
            e.message.nl,
            "`</document>` sluit iets wat niet open is: `</p>` verwacht"
        );
    }

    #[test]
    fn every_error_is_worded_in_dutch_and_in_english() {
        for text in [
            "<document><blink/></document>",
            "<document><p align=\"links\">x</p></document>",
            "<document><p>x</document>",
            "<document><p>a & b</p></document>",
            "<document><p><pageref/></p></document>",
            "<document><p link=\"x\">a</p></document>",
            "<document><table widths=\"1fr\"><tr><td>a</td><td>b</td></tr></table></document>",
            "<page/>",
        ] {
            let e = parse(text).unwrap_err();
            assert!(
                !e.message.nl.is_empty() && !e.message.en.is_empty(),
                "{text}"
            );
            assert_ne!(e.message.nl, e.message.en, "{text}: {e}");
        }
        let e = parse("<document><blink/></document>").unwrap_err();
        assert_eq!(e.message.nl, "onbekend element `<blink>`");
        assert_eq!(e.element, Some(("blink".to_string(), None)));
        let e = parse("<document><p align=\"links\">x</p></document>").unwrap_err();
        assert_eq!(
            e.element,
            Some(("p".to_string(), Some("align".to_string())))
        );
    }

    #[test]
    fn table_widths_and_header_rows_are_read() {
        let d = parse(
            r#"<document><table widths="30mm 2fr 25%"><thead><tr><th>A</th><th colspan="2">B</th></tr></thead>
               <tr><td>1</td><td>2</td><td vertical="true">3</td></tr></table></document>"#,
        )
        .unwrap();
        let Block::Table(t) = &d.sections[0].blocks[0] else {
            panic!()
        };
        assert_eq!(t.widths[1], ColWidth::Fr(2.0));
        assert_eq!(t.widths[2], ColWidth::Percent(25.0));
        assert!(t.rows[0].header && !t.rows[1].header);
        assert_eq!(t.rows[0].cells[1].colspan, 2);
        assert!(t.rows[1].cells[2].vertical);
    }

    #[test]
    fn rejects_more_cells_than_widths() {
        let e = parse(
            r#"<document><table widths="1fr"><tr><td>a</td><td>b</td></tr></table></document>"#,
        )
        .unwrap_err();
        assert!(e.message.en.contains("names 1 columns"), "{e}");
    }

    #[test]
    fn page_fields_are_only_allowed_in_headers_and_footers() {
        assert!(
            parse(
                "<document><footer>Pagina <page/> van <pages of=\"section\"/></footer></document>"
            )
            .is_ok()
        );
        let e = parse("<document>\n<p>Pagina <page/></p></document>").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(
            e.message
                .en
                .contains("only allowed in `<header>` and `<footer>`"),
            "{e}"
        );
    }

    #[test]
    fn anchors_links_and_page_references_are_read() {
        let d = parse(
            r#"<document><header>Zie p. <pageref to="b"/></header>
                 <h1 id="a" link="b">Inhoud</h1>
                 <p link="a">Inleiding <pageref to="a"/></p>
                 <table><tr id="rij" link="a"><td link="b">x <pageref to="rij"/></td></tr></table>
                 <section><h2 id="b">Bijlage</h2></section></document>"#,
        )
        .unwrap();
        let blocks = &d.sections[0].blocks;
        let Block::Heading { para: h, .. } = &blocks[0] else {
            panic!()
        };
        assert_eq!((h.id.as_deref(), h.link.as_deref()), (Some("a"), Some("b")));
        let Block::Para(p) = &blocks[1] else { panic!() };
        assert_eq!(p.link.as_deref(), Some("a"));
        assert!(matches!(&p.inlines[1], Inline::PageRef { to, pos, .. }
            if to == "a" && pos.line == 3));
        let Block::Table(t) = &blocks[2] else {
            panic!()
        };
        assert_eq!(t.rows[0].id.as_deref(), Some("rij"));
        assert_eq!(t.rows[0].link.as_deref(), Some("a"));
        assert_eq!(t.rows[0].cells[0].link.as_deref(), Some("b"));
        let header = d.sections[0].header.as_ref().unwrap();
        assert!(matches!(&header.inlines[1], Inline::PageRef { to, .. } if to == "b"));
    }

    #[test]
    fn rejects_a_page_reference_to_an_unknown_id_at_the_reference() {
        let e = parse(
            "<document>\n<h1 id=\"inleiding\">Inleiding</h1>\n<p>Zie  <pageref to=\"inleidng\"/></p>\n</document>",
        )
        .unwrap_err();
        assert_eq!((e.line, e.column), (3, 9));
        assert_eq!(
            e.message.en,
            "`<pageref to=\"inleidng\"/>` points to no element: nothing has `id=\"inleidng\"` \
             (did you mean `inleiding`?)"
        );
        let e = parse("<document>\n<p link=\"x\">a</p></document>").unwrap_err();
        assert_eq!((e.line, e.column), (2, 1));
        assert_eq!(
            e.message.en,
            "`link=\"x\"` points to no element: nothing has `id=\"x\"`"
        );
        let e = parse("<document><p><pageref/></p></document>").unwrap_err();
        assert!(e.message.en.contains("`<pageref>` needs `to`"), "{e}");
    }

    #[test]
    fn a_reference_may_point_forward() {
        assert!(
            parse(
                r#"<document><p><pageref to="z"/></p><section><p id="z">z</p></section></document>"#
            )
            .is_ok()
        );
    }

    #[test]
    fn rejects_a_duplicate_id_naming_both_places() {
        let e = parse(
            "<document>\n<h1 id=\"a\">A</h1>\n<table><tr id=\"a\"><td>x</td></tr></table></document>",
        )
        .unwrap_err();
        assert_eq!((e.line, e.column), (3, 8));
        assert_eq!(
            e.message.en,
            "duplicate `id=\"a\"`: already used at line 2, column 1"
        );
        let e = parse(r#"<document><p id="twee woorden">x</p></document>"#).unwrap_err();
        assert!(
            e.message
                .en
                .contains("invalid value `twee woorden` for `id`"),
            "{e}"
        );
        let e = parse(r#"<document><td id="a">x</td></document>"#).unwrap_err();
        assert!(e.message.en.contains("unknown element `<td>`"), "{e}");
    }

    #[test]
    fn shifting_headings_reaches_nested_ones_and_passes_level_four() {
        let mut d = parse(
            r#"<document><h1>A</h1><keep><h4>B</h4></keep><ul><li><h2>C</h2></li></ul>
               <table><tr><td><h3>D</h3></td></tr></table></document>"#,
        )
        .unwrap();
        let look = |d: &Document| match &d.sections[0].blocks[0] {
            Block::Heading { para, .. } => para.inlines.clone(),
            _ => panic!(),
        };
        let before = look(&d);
        d.shift_headings(2);
        let mut levels = Vec::new();
        fn walk(blocks: &[Block], out: &mut Vec<u8>) {
            for b in blocks {
                match b {
                    Block::Heading { level, .. } => out.push(*level),
                    Block::Keep(i) => walk(i, out),
                    Block::List { items, .. } => items.iter().for_each(|i| walk(i, out)),
                    Block::Table(t) => t
                        .rows
                        .iter()
                        .flat_map(|r| &r.cells)
                        .for_each(|c| walk(&c.blocks, out)),
                    _ => {}
                }
            }
        }
        walk(&d.sections[0].blocks, &mut levels);
        assert_eq!(levels, vec![3, 6, 4, 5]);
        // The look stays: only the bookmark level moves.
        assert_eq!(look(&d), before);
        d.shift_headings(255);
        walk(&d.sections[0].blocks, &mut levels);
        assert_eq!(levels[4..], [255, 255, 255, 255]);
    }

    #[test]
    fn colours_and_lengths_parse() {
        assert_eq!(parse_color("#fff"), Some(Rgb(255, 255, 255)));
        assert_eq!(parse_color("#102030"), Some(Rgb(16, 32, 48)));
        assert_eq!(parse_color("mauve"), None);
        // Six bytes, but not six hex digits: a letter of two bytes in the middle (found by
        // the `markup` fuzzer, which panicked slicing it).
        assert_eq!(parse_color("#e6e\u{31a}6"), None);
        assert_eq!(parse_color("#\u{e9}f"), None);
        assert_eq!(parse_color("#+1+2+3"), None);
        assert_eq!(parse_pt("72pt"), Some(Pt(72.0)));
        assert!((parse_pt("2.54cm").unwrap().0 - 72.0).abs() < 0.01);
        assert_eq!(parse_pt("-3mm"), None);
    }
}
