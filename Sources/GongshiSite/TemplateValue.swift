import GongshiModel
import Mustache

/// The values a page hands to its Mustache template: named values (``TemplateObject``) holding text,
/// numbers, flags, lists and further objects.
///
/// swift-mustache finds a name through ``TemplateObject/child(named:)`` (its `MustacheParent`
/// protocol) and never by reflection: every value it can push onto its context stack (an object, a
/// list's items, the text or number of a `{{#name}}` section) is a ``TemplateValue``, which answers
/// as a `MustacheParent` itself. Flags reach it as `Bool` and lists as arrays, so sections and
/// inverted sections behave as they do for plain Swift values, and text renders and transforms
/// (`{{^empty(name)}}`) as a `String` would: the theme's templates keep their variable names.
public enum TemplateValue: Sendable, Equatable {
    case text(String)
    case number(Int)
    case flag(Bool)
    case list([TemplateValue])
    case object(TemplateObject)

    /// What swift-mustache gets for this value: a flag as `Bool` and a list as an array (sections
    /// test and iterate those natively); anything else as itself.
    var mustache: Any {
        switch self {
        case .flag(let b): return b
        case .list(let items): return items
        default: return self
        }
    }
}

extension TemplateValue: MustacheParent, MustacheCustomRenderable, MustacheTransformable {
    /// An object's value by name; text and numbers have none (a name inside `{{#text}}…{{/text}}` is
    /// looked up further out, as for a `String`).
    public func child(named name: String) -> Any? {
        if case .object(let o) = self { return o.child(named: name) }
        return nil
    }

    /// How `{{name}}` renders the value: as `String(describing:)` renders the Swift value.
    public var renderText: String {
        switch self {
        case .text(let s): return s
        case .number(let n): return String(n)
        case .flag(let b): return String(b)
        case .list(let items): return String(describing: items.map(\.mustache))
        case .object: return "TemplateObject"
        }
    }

    public var isNull: Bool { false }

    /// swift-mustache's transforms of the Swift value (`empty`, `count`, `plusone`…).
    public func transform(_ name: String) -> Any? {
        switch self {
        case .text(let s): return s.transform(name)
        case .number(let n): return n.transform(name)
        case .flag: return nil
        case .list(let items): return items.transform(name)
        case .object(let o):
            switch name {
            case "count": return o.count
            case "empty": return o.count == 0
            default: return nil
            }
        }
    }
}

/// Named template values: a page's context, a row of a table, a link. Written as a dictionary literal
/// (`["title": r.title, "count": 3, "rows": rows]`) of ``TemplateConvertible`` values.
///
/// Held as a short list of entries, each with a 64-bit tag of its name: an object has a few dozen names
/// at most, and a scan comparing tags was cheaper than a dictionary, which hashed every name once
/// when the page's object was made and again on every tag of its template (together a tenth of a
/// full build). Names are unique; setting a name again replaces its value.
public struct TemplateObject: Sendable, Equatable, MustacheParent, ExpressibleByDictionaryLiteral {
    struct Entry: Sendable, Equatable {
        let tag: UInt64
        let key: String
        var value: TemplateValue
    }

    /// In the order the names were first set.
    private(set) var entries: [Entry]

    public init(dictionaryLiteral elements: (String, any TemplateConvertible)...) {
        entries = []
        entries.reserveCapacity(elements.count)
        for (k, v) in elements { set(k, tag: TemplateObject.tag(k), v.templateValue) }
    }

    /// How many names the object holds.
    var count: Int { entries.count }

    /// Sets, replaces or (with nil) removes a value.
    public subscript(name: String) -> (any TemplateConvertible)? {
        get { value(name) }
        set { set(name, tag: TemplateObject.tag(name), newValue?.templateValue) }
    }

    /// The value under `name`.
    func value(_ name: String) -> TemplateValue? { value(name, tag: TemplateObject.tag(name)) }

    /// The value under `name`, whose ``tag(_:)`` the caller made once (a compiled template's names).
    func value(_ name: String, tag: UInt64) -> TemplateValue? {
        for e in entries where e.tag == tag && e.key == name { return e.value }
        return nil
    }

    /// The text under `name`, if it is text.
    public func text(_ name: String) -> String? {
        if case .text(let s) = value(name) { return s }
        return nil
    }

    public func child(named name: String) -> Any? { value(name)?.mustache }

    private mutating func set(_ name: String, tag: UInt64, _ value: TemplateValue?) {
        if let i = entries.firstIndex(where: { $0.tag == tag && $0.key == name }) {
            if let value { entries[i].value = value } else { entries.remove(at: i) }
        } else if let value {
            entries.append(Entry(tag: tag, key: name, value: value))
        }
    }

    /// A name's tag: FNV-1a of its UTF-8 bytes. Equal names have equal tags; a scan compares the whole
    /// name only when the tags are equal.
    static func tag(_ name: String) -> UInt64 { FNV1a.hash64(name) }

    /// Equal when both hold the same names with equal values, in any order (as the dictionary it was).
    public static func == (a: TemplateObject, b: TemplateObject) -> Bool {
        guard a.entries.count == b.entries.count else { return false }
        return a.entries.allSatisfy { e in b.value(e.key, tag: e.tag) == e.value }
    }
}

extension TemplateObject: CustomStringConvertible {
    /// What `{{.}}` shows for an object: its names in order, as a dictionary's description would.
    public var description: String {
        "[" + entries.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ") + "]"
    }
}

/// A Swift value a template can show: text, a whole number, a flag, a list of them or an object.
public protocol TemplateConvertible: Sendable {
    var templateValue: TemplateValue { get }
}

extension TemplateValue: TemplateConvertible {
    public var templateValue: TemplateValue { self }
}

extension TemplateObject: TemplateConvertible {
    public var templateValue: TemplateValue { .object(self) }
}

extension String: TemplateConvertible {
    public var templateValue: TemplateValue { .text(self) }
}

extension Int: TemplateConvertible {
    public var templateValue: TemplateValue { .number(self) }
}

extension Bool: TemplateConvertible {
    public var templateValue: TemplateValue { .flag(self) }
}

extension Array: TemplateConvertible where Element: TemplateConvertible {
    public var templateValue: TemplateValue { .list(map(\.templateValue)) }
}
