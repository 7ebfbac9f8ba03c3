/// A theme template rendered straight from ``TemplateValue``s into UTF-8 bytes, with the output
/// swift-mustache gives for the same template and values.
///
/// swift-mustache looks every name up through dynamic casts of `Any` (`as? MustacheParent`,
/// `as? MustacheLambda`, …), splits dotted names and builds a `String` per token: a third of a full
/// build's CPU. The theme's templates use a small part of Mustache (variables, sections, partials,
/// a few transforms), which this type renders by switching on ``TemplateValue``. The lookup rules are
/// swift-mustache's: a name is searched from the innermost section outwards, a flag section keeps the
/// context, a list section pushes each item, an inverted section on an empty list pushes the list.
/// Templates it cannot take (see ``CompiledTemplateParser``) keep rendering through swift-mustache.
struct CompiledTemplate: Sendable {
    enum Token: Sendable {
        case text([UInt8])
        case variable(Name, escaped: Bool)
        case section(Name, [Token], inverted: Bool)
        case partial(String)
        case contentType
    }

    /// A tag's name (`a.b`, `.`) and the transforms applied to it, innermost first.
    ///
    /// A class: rendering reads a token's name for every tag of every page, and a struct of four
    /// counted fields was copied (four retains and releases) each time.
    final class Name: Sendable {
        /// The tag's text, which a section's end tag repeats.
        let source: String
        let path: [String]
        /// ``TemplateObject/tag(_:)`` of each part of `path`, made once here rather than on every lookup.
        let tags: [UInt64]
        /// `.`: the innermost context.
        let isSelf: Bool
        /// `.name`: looked up in the innermost context only.
        let isRelative: Bool
        let transforms: [Transform]

        init(_ name: String, transforms: [String]) throws {
            source =
                transforms.isEmpty
                ? name
                : transforms.joined(separator: "(") + "(" + name
                    + String(
                        repeating: ")", count: transforms.count)
            guard !name.isEmpty else { throw CompiledTemplateParser.Unsupported() }
            isSelf = name == "."
            isRelative = !isSelf && name.hasPrefix(".")
            path = name.split(separator: ".").map(String.init)
            tags = path.map(TemplateObject.tag)
            guard isSelf || !path.isEmpty else { throw CompiledTemplateParser.Unsupported() }
            self.transforms = try transforms.reversed().map {
                guard let t = Transform(rawValue: $0) else { throw CompiledTemplateParser.Unsupported() }
                return t
            }
        }
    }

    /// The transforms compiled templates apply (swift-mustache's, for the values a page holds).
    enum Transform: String, Sendable {
        case empty, count, equalzero, plusone, minusone, even, odd
    }

    /// What swift-mustache holds for a value: the page's object, a value of a list or object
    /// (``TemplateValue/mustache`` makes a flag a `Bool` and a list an array), or a transform's result.
    enum Item {
        case root(TemplateObject)
        case value(TemplateValue)
        case bool(Bool)
        case array([TemplateValue])
        case int(Int)

        /// The value of a named field, as ``TemplateObject/child(named:)`` hands it to swift-mustache.
        init(field: TemplateValue) {
            switch field {
            case .flag(let b): self = .bool(b)
            case .list(let items): self = .array(items)
            default: self = .value(field)
            }
        }

        func child(_ name: String, tag: UInt64) -> Item? {
            switch self {
            case .root(let o), .value(.object(let o)): return o.value(name, tag: tag).map(Item.init(field:))
            default: return nil
            }
        }

        func transformed(_ t: Transform) -> Item? {
            switch self {
            case .value(.text(let s)): return t == .empty ? .bool(s.isEmpty) : nil
            case .value(.number(let n)), .int(let n): return Item.integer(n, t)
            case .value(.list(let items)), .array(let items): return Item.collection(items.count, t)
            case .value(.object(let o)): return Item.collection(o.count, t)
            case .value(.flag), .bool, .root: return nil
            }
        }

        static func integer(_ n: Int, _ t: Transform) -> Item? {
            switch t {
            case .equalzero: return .bool(n == 0)
            case .plusone: return .int(n + 1)
            case .minusone: return .int(n - 1)
            case .even: return .bool(n & 1 == 0)
            case .odd: return .bool(n & 1 == 1)
            case .empty, .count: return nil
            }
        }

        static func collection(_ count: Int, _ t: Transform) -> Item? {
            switch t {
            case .count: return .int(count)
            case .empty: return .bool(count == 0)
            default: return nil
            }
        }

        /// How swift-mustache writes the value for `{{name}}` (before escaping).
        var text: String {
            switch self {
            case .value(let v): return v.renderText
            case .bool(let b): return String(b)
            case .int(let n): return String(n)
            case .array(let items): return String(describing: items)
            case .root(let o): return String(describing: o)
            }
        }
    }

    let tokens: [Token]

    /// The partials the template includes, at any depth of its sections.
    var partialNames: Set<String> {
        var names: Set<String> = []
        func walk(_ tokens: [Token]) {
            for t in tokens {
                switch t {
                case .partial(let n): names.insert(n)
                case .section(_, let inner, _): walk(inner)
                default: break
                }
            }
        }
        walk(tokens)
        return names
    }

    /// Renders with `partials` for `{{> name}}` (a missing partial renders as nothing).
    func render(_ object: TemplateObject, partials: [String: CompiledTemplate], into out: inout [UInt8]) {
        var stack: [Item] = [.root(object)]
        CompiledTemplate.render(tokens, &stack, partials, &out)
    }

    private static func render(
        _ tokens: [Token], _ stack: inout [Item], _ partials: [String: CompiledTemplate], _ out: inout [UInt8]
    ) {
        // By index: the loop's own copy of each token retained its payload once more.
        for k in tokens.indices {
            switch tokens[k] {
            case .text(let bytes):
                out.append(contentsOf: bytes)
            case .variable(let name, let escaped):
                guard let item = lookup(name, stack) else { continue }
                if case .value(.text(let s)) = item {
                    append(s, escaped: escaped, to: &out)
                } else {
                    append(item.text, escaped: escaped, to: &out)
                }
            case .section(let name, let inner, let inverted):
                let item = lookup(name, stack)
                if inverted {
                    switch item {
                    case .array(let items) where items.isEmpty:
                        stack.append(.array(items))
                        render(inner, &stack, partials, &out)
                        stack.removeLast()
                    case .bool(false), nil:
                        render(inner, &stack, partials, &out)
                    default: break
                    }
                    continue
                }
                switch item {
                case .array(let items):
                    for value in items {
                        stack.append(.value(value))
                        render(inner, &stack, partials, &out)
                        stack.removeLast()
                    }
                case .bool(let b):
                    if b { render(inner, &stack, partials, &out) }
                case .some(let value):
                    stack.append(value)
                    render(inner, &stack, partials, &out)
                    stack.removeLast()
                case nil: break
                }
            case .partial(let name):
                if let p = partials[name] { render(p.tokens, &stack, partials, &out) }
            case .contentType:
                break
            }
        }
    }

    /// swift-mustache's `getChild`: the first context (innermost out) that has the first name, then
    /// the rest of a dotted name inside it, then the transforms.
    private static func lookup(_ name: Name, _ stack: [Item]) -> Item? {
        var found: Item?
        if name.isSelf {
            found = stack.last
        } else if name.isRelative {
            found = stack.last
            for k in name.path.indices { found = found?.child(name.path[k], tag: name.tags[k]) }
        } else {
            for j in stack.indices.reversed() {
                if let c = stack[j].child(name.path[0], tag: name.tags[0]) {
                    found = c
                    for k in name.path.indices.dropFirst() { found = found?.child(name.path[k], tag: name.tags[k]) }
                    break
                }
            }
        }
        guard var item = found else { return nil }
        for t in name.transforms {
            guard let next = item.transformed(t) else { return nil }
            item = next
        }
        return item
    }

    /// Appends text, HTML-escaped as ``FastHTMLEscaping`` escapes it when `escaped`.
    static func append(_ s: String, escaped: Bool, to out: inout [UInt8]) {
        guard escaped else {
            out.append(contentsOf: s.utf8)
            return
        }
        Escape.appendHTML(s, to: &out)
    }
}
