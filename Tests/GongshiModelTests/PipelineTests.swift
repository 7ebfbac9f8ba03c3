import Foundation
import Testing

@testable import GongshiModel

/// ``Pipeline``: every batch's result is consumed once, in the order pushed, on the pushing thread.
@Suite("Pipeline")
struct PipelineTests {
    @Test("results are consumed in order, each once, the last one at finish")
    func order() {
        var seen: [Int] = []
        var pipeline = Pipeline<[Int]> { seen.append(contentsOf: $0) }
        for batch in 0..<50 {
            pipeline.push { ParallelMap.chunked(Array(0..<100), chunk: 7) { batch * 100 + $0 } }
            // The batch just pushed is held until the next push or the finish.
            #expect(seen.count == batch * 100)
        }
        pipeline.finish()
        #expect(seen == Array(0..<5000))
        pipeline.finish()
        #expect(seen.count == 5000)
    }

    @Test("nothing pushed: nothing consumed")
    func empty() {
        var calls = 0
        var pipeline = Pipeline<Int> { _ in calls += 1 }
        pipeline.finish()
        #expect(calls == 0)
    }
}
