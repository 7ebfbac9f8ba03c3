import Foundation

/// Order-preserving parallel map over both cores (or however many the machine has). Shared by the
/// readers, the judge and the renderer, which import nothing of each other.
public enum ParallelMap {
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        if items.count <= 1 { return items.map(transform) }
        let box = ResultBox<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            box.set(i, transform(items[i]))
        }
        return box.values()
    }

    final class ResultBox<R>: @unchecked Sendable {
        private var storage: [R?]
        private let lock = NSLock()
        init(count: Int) { storage = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ v: R) {
            lock.lock()
            storage[i] = v
            lock.unlock()
        }
        // concurrentPerform has set every index before this is called: nothing is dropped.
        func values() -> [R] { storage.compactMap { $0 } }
    }
}

extension ParallelMap {
    /// Order-preserving parallel map in chunks, for many cheap items.
    public static func chunked<T: Sendable, R: Sendable>(
        _ items: [T], chunk: Int = 2048, _ transform: @Sendable (T) -> R
    ) -> [R] {
        if items.count <= chunk { return items.map(transform) }
        let ranges = stride(from: 0, to: items.count, by: chunk).map { $0..<min($0 + chunk, items.count) }
        return map(ranges) { range in items[range].map(transform) }.flatMap { $0 }
    }
}
