import Foundation
import GongshiModel

#if canImport(Glibc)
    import Glibc
#endif

/// Turns a failed file-system call into a Chinese message that names the file and says what to do,
/// instead of a raw `strerror` or Foundation error dump.
public enum IOFailure {
    /// What went wrong with `path` (as the user should see it) for the system error number `code`.
    public static func message(_ code: Int32, path: String, doing action: String) -> String {
        "\(action)「\(path)」失败：\(advice(code))"
    }

    /// The Chinese explanation and remedy for an errno value.
    public static func advice(_ code: Int32) -> String {
        switch code {
        case ENOSPC, EDQUOT: return "磁盘空间已满（或超出配额）。请清理磁盘或换一个有空间的输出文件夹后重新构建；原网站和台账未改动。"
        case EACCES, EPERM: return "没有权限。请检查该文件或文件夹的所有者和读写权限（例如 ls -l），或换一个有写权限的位置。"
        case EROFS: return "所在文件系统是只读的。请换一个可写的位置，或重新以读写方式挂载。"
        case ENAMETOOLONG: return "文件名或路径太长（单个名称最多 255 字节，约 85 个汉字）。请缩短相关的文件名、编码或文件夹路径。"
        case ENOENT: return "文件或文件夹不存在（可能在构建期间被移走或删除）。"
        case ENOTDIR: return "路径中的某一段不是文件夹。"
        case EISDIR: return "这是一个文件夹，不是文件。"
        case EEXIST, ENOTEMPTY: return "目标已存在且不为空。"
        case EMFILE, ENFILE: return "同时打开的文件太多。请关闭其他程序或提高打开文件数上限（ulimit -n）后重试。"
        case EIO: return "磁盘读写出错（硬件或网络文件系统故障）。请检查磁盘后重试。"
        case EXDEV: return "输出文件夹与其上级文件夹不在同一个文件系统上（例如挂载点），无法整体替换。请指定挂载点下的一个子文件夹作为输出文件夹。"
        case EBUSY: return "文件夹正被占用（可能是挂载点或被其他程序打开）。请指定其下的一个子文件夹作为输出文件夹。"
        case ELOOP: return "符号链接层数过多或形成了循环。"
        case ENOMEM: return "内存不足。"
        default:
            return "系统错误（错误码 \(code)）。"
        }
    }

    /// The errno behind a Foundation or POSIX error, when there is one.
    public static func code(of error: any Error) -> Int32? {
        if let e = error as? POSIXError { return e.code.rawValue }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return Int32(ns.code) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return Int32(underlying.code)
        }
        if ns.domain == NSCocoaErrorDomain {
            switch ns.code {
            case NSFileWriteOutOfSpaceError: return ENOSPC
            case NSFileWriteNoPermissionError, NSFileReadNoPermissionError: return EACCES
            case NSFileWriteVolumeReadOnlyError: return EROFS
            case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return ENOENT
            case NSFileWriteFileExistsError: return EEXIST
            case NSFileWriteInvalidFileNameError, NSFileReadInvalidFileNameError: return ENAMETOOLONG
            default: return nil
            }
        }
        return nil
    }

    /// A Chinese message for any error thrown while writing `path`.
    public static func describe(_ error: any Error, path: String, doing action: String) -> String {
        if let e = error as? WriteError { return e.description }
        if let c = code(of: error) { return message(c, path: path, doing: action) }
        return "\(action)「\(path)」失败。请检查该位置是否存在、可写且有剩余空间。"
    }
}
