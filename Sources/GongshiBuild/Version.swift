/// The program's version, printed by `gongshi --version` and written into every build's output marker.
public enum GongshiVersion {
    public static let current = "0.4.0"
}
