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
    /// Runs `a` and `b` at the same time (two serial tasks that do not depend on each other) and
    /// returns both results.
    public static func both<A: Sendable, B: Sendable>(_ a: @Sendable () -> A, _ b: @Sendable () -> B) -> (A, B) {
        let first = ResultBox<A>(count: 1)
        let second = ResultBox<B>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            if i == 0 { first.set(0, a()) } else { second.set(0, b()) }
        }
        return (first.values()[0], second.values()[0])
    }

    /// Order-preserving parallel map in chunks, for many cheap items.
    public static func chunked<T: Sendable, R: Sendable>(
        _ items: [T], chunk: Int = 2048, _ transform: @Sendable (T) -> R
    ) -> [R] {
        if items.count <= chunk { return items.map(transform) }
        let ranges = stride(from: 0, to: items.count, by: chunk).map { $0..<min($0 + chunk, items.count) }
        return map(ranges) { range in items[range].map(transform) }.flatMap { $0 }
    }
}

/// Batches worked on every core while the calling thread consumes the batch before: a loop of
/// "parallel map, then serial fold" would leave every core but one idle during each fold. The caller
/// pushes the work of each batch in order and gets each result back, in order, on its own thread.
public struct Pipeline<R: Sendable> {
    private var pending: R?
    private let consume: (R) -> Void

    /// - Parameter consume: called on the pushing thread with each batch's result, in order.
    public init(consume: @escaping (R) -> Void) { self.consume = consume }

    /// Starts `work` (which may itself use ``ParallelMap``) on another thread, consumes the result of
    /// the batch pushed before meanwhile, then waits for `work`.
    public mutating func push(_ work: @escaping @Sendable () -> R) {
        let box = ParallelMap.ResultBox<R>(count: 1)
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { box.set(0, work()) }
        if let p = pending {
            pending = nil
            consume(p)
        }
        group.wait()
        pending = box.values().first
    }

    /// Consumes the last batch's result.
    public mutating func finish() {
        if let p = pending {
            pending = nil
            consume(p)
        }
    }
}
