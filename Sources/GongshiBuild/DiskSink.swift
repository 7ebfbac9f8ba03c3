import Foundation
import GongshiSite

#if canImport(Glibc)
    import Glibc
#endif

/// Writes rendered files under a folder (the staging folder of a build), from several threads.
public final class DiskSink: OutputSink, @unchecked Sendable {
    public let root: String

    /// Asked before every file: true stops the build (the preview stopping).
    private let cancelled: @Sendable () -> Bool

    public init(root: String, cancelled: @escaping @Sendable () -> Bool = { false }) {
        self.root = root
        self.cancelled = cancelled
    }

    public func write(_ path: String, _ bytes: [UInt8]) throws {
        let fd = try create(path)
        defer { close(fd) }
        try write(fd, bytes, path: path)
    }

    public func stream(_ path: String, _ produce: (_ emit: ([UInt8]) throws -> Void) throws -> Void) throws {
        let fd = try create(path)
        defer { close(fd) }
        try produce { bytes in try self.write(fd, bytes, path: path) }
    }

    /// Opens a new file for writing, making its folders when they do not exist yet. Folders are made
    /// on demand rather than remembered: a set of every folder made grows with the site (a million
    /// record pages, each in its own folder).
    private func create(_ path: String) throws -> Int32 {
        try Interruption.check()
        if cancelled() { throw WriteError(path: path, message: "构建已取消") }
        // Paths come from ids, codes and slugs that the rules restrict to [a-z0-9-]; refuse anything
        // that could leave the output folder all the same.
        guard !path.hasPrefix("/"),
            !path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." || $0.isEmpty })
        else {
            throw WriteError(path: path, message: "拒绝写出输出文件夹之外的路径")
        }
        let full = root + "/" + path
        var fd = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 && errno == ENOENT, let slash = full.lastIndex(of: "/") {
            let dir = String(full[..<slash])
            do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
                throw WriteError(path: path, message: IOFailure.code(of: error).map(IOFailure.advice) ?? "无法创建文件夹。")
            }
            fd = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else { throw WriteError(path: path, message: IOFailure.advice(errno)) }
        return fd
    }

    private func write(_ fd: Int32, _ bytes: [UInt8], path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw WriteError(path: path, message: IOFailure.advice(n == 0 ? ENOSPC : errno)) }
            offset += n
        }
    }
}

public struct WriteError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let message: String
    public var description: String { "写入 \(path) 失败：\(message)" }
}
