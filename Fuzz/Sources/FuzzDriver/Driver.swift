import Foundation
import GongshiFuzz

/// libFuzzer's entry for programs that have their own `main` (linked from
/// `libclang_rt.fuzzer_no_main`): it parses libFuzzer's flags and runs the fuzzing loop.
// swift-format-ignore: AlwaysUseLowerCamelCase
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The target being fuzzed; set once before the loop starts (a C callback cannot capture it).
nonisolated(unsafe) private var current: (@Sendable ([UInt8]) -> Void)?

/// Runs libFuzzer on the fuzz target `name` of ``FuzzTargets`` with the process's arguments.
public func runLibFuzzer(_ name: String) -> Never {
    guard let target = FuzzTargets.named(name) else {
        FileHandle.standardError.write(Data("unknown fuzz target \(name)\n".utf8))
        exit(2)
    }
    current = target
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    let status = LLVMFuzzerRunDriver(&argc, &argv) { start, count in
        let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
        current?(bytes)
        return 0
    }
    exit(status)
}
