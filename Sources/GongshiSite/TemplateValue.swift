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
            case "count": return o.values.count
            case "empty": return o.values.isEmpty
            default: return nil
            }
        }
    }
}

/// Named template values: a page's context, a row of a table, a link. Written as a dictionary literal
/// (`["title": r.title, "count": 3, "rows": rows]`) of ``TemplateConvertible`` values.
public struct TemplateObject: Sendable, Equatable, MustacheParent, ExpressibleByDictionaryLiteral {
    fileprivate(set) var values: [String: TemplateValue]

    public init(dictionaryLiteral elements: (String, any TemplateConvertible)...) {
        var values: [String: TemplateValue] = [:]
        values.reserveCapacity(elements.count)
        for (k, v) in elements { values[k] = v.templateValue }
        self.values = values
    }

    /// Sets, replaces or (with nil) removes a value.
    public subscript(name: String) -> (any TemplateConvertible)? {
        get { values[name] }
        set { values[name] = newValue?.templateValue }
    }

    /// The text under `name`, if it is text.
    public func text(_ name: String) -> String? {
        if case .text(let s) = values[name] { return s }
        return nil
    }

    public func child(named name: String) -> Any? { values[name]?.mustache }
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
