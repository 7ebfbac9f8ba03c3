import GongshiContent
import GongshiModel

/// An article read as the build reads it, from its whole text (front matter between `---` lines).
func article(_ text: String, file: String = "Content/xinwen/a.md") -> Article? {
    ArticleReader.read(text: text, file: file, section: .xinwen).0
}
