import GongshiModel
import GongshiRules

/// Placeholder until statistics are written.
public enum StatisticsPart {
    public static func part(judgement: Judgement) -> RenderPart {
        RenderPart { r, index, out in
            let ctx = r.context.page(path: "tongji/index.html", title: "统计", section: "tongji/")
            try r.page("stats", ctx, to: "tongji/index.html", out)
        }
    }
}

/// Placeholder until the preview index is written.
public enum PreviewPart {
    public static func part(findings: [Finding]) -> RenderPart {
        RenderPart { _, _, _ in }
    }
}
