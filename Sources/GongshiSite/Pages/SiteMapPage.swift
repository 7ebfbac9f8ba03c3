import GongshiModel
import GongshiRules

extension Renderer {
    /// `/wangzhanditu/`: the 网站地图 that 《政府网站发展指引》 asks for, in HTML for people (sitemap.xml
    /// is for crawlers). It lists every section, list, department, article and standing page — not
    /// every record, which the listings and search reach.
    func renderSiteMapPage(_ index: SiteIndex, _ out: CountingSink) throws {
        let path = "wangzhanditu/index.html"
        var ctx = context.page(
            path: path, title: "网站地图", section: "",
            description: "\(settings.title)的全部栏目、名单、公示部门、信用动态和说明页面。")
        func link(_ title: String, _ path: String, _ note: String = "") -> TemplateObject {
            ["title": title, "path": path, "note": note]
        }
        let xk = index.byKind[.xzxk]?.count ?? 0
        let cf = index.byKind[.xzcf]?.count ?? 0
        var groups: [TemplateObject] = []
        groups.append([
            "heading": "栏目", "id": "lanmu",
            "links": [
                link("首页", ""), link("行政许可", "xzxk/", "\(xk) 条"), link("行政处罚", "xzcf/", "\(cf) 条"),
                link("红名单", "hongmingdan/"), link("黑名单", "heimingdan/"), link("信用动态", "xinwen/"),
                link("信用信息查询", "sousuo/"), link("公示统计", "tongji/"), link("公示部门", "bumen/"), link("订阅", "dingyue/"),
            ],
        ])
        let lists = index.lists.map {
            link(
                $0.name, Views.listPath(isRed: $0.isRed, id: $0.id),
                "\(Views.colour(isRed: $0.isRed)) · \($0.entities) 个主体")
        }
        if !lists.isEmpty { groups.append(["heading": "红黑名单", "id": "mingdan", "links": lists]) }
        let departments = publication.departments.map { d -> TemplateObject in
            let g = index.byDepartment[d.code]
            return link(d.name, Views.departmentPath(d.code), "\(g?.records.count ?? 0) 条决定")
        }
        if !departments.isEmpty { groups.append(["heading": "公示部门", "id": "bumen", "links": departments]) }
        let articles = index.articles.map { link($0.title, $0.path, $0.date?.description ?? "") }
        if !articles.isEmpty { groups.append(["heading": "信用动态", "id": "xinwen", "links": articles]) }
        let pages = index.pages.map { link($0.title, $0.path) }
        if !pages.isEmpty { groups.append(["heading": "说明", "id": "shuoming", "links": pages]) }
        groups.append([
            "heading": "开放数据", "id": "shuju",
            "links": [
                link("行政许可（Excel）", "data/xzxk.xlsx"), link("行政许可（CSV）", "data/xzxk.csv"),
                link("行政许可（JSON）", "data/xzxk.json"), link("行政处罚（Excel）", "data/xzcf.xlsx"),
                link("行政处罚（CSV）", "data/xzcf.csv"), link("行政处罚（JSON）", "data/xzcf.json"),
                link("红黑名单（Excel）", "data/mingdan.xlsx"), link("红黑名单（CSV）", "data/mingdan.csv"),
                link("红黑名单（JSON）", "data/mingdan.json"),
                link("统计数据（JSON）", "tongji/stats.json"), link("供搜索引擎使用的网站地图（XML）", "sitemap.xml"),
            ],
        ])
        ctx["groups"] = groups
        try page("sitemap-page", ctx, to: path, out)
    }
}
