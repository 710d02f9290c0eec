import CompressNIO
import Foundation
import NIOCore
import OOTJUnit
import ZIPFoundation

/// Links to `*.xml` files in an HTML directory index (nginx/Apache autoindex, a static
/// site): relative links only, on the same host, no `..`, at most ``ArtifactUnpacker/maxFiles``.
enum DirectoryListing {
    static func xmlLinks(in html: String, base: URL) -> [URL] {
        var links: [URL] = []
        for part in html.components(separatedBy: "href=").dropFirst() {
            guard let quote = part.first, quote == "\"" || quote == "'" else { continue }
            let value = part.dropFirst().prefix { $0 != quote }
            guard value.lowercased().hasSuffix(".xml"), !value.contains(":"), !value.hasPrefix("/"),
                !value.contains("..")
            else { continue }
            guard let url = URL(string: String(value), relativeTo: base)?.absoluteURL, url.host == base.host else {
                continue
            }
            if !links.contains(url) { links.append(url) }
            if links.count == ArtifactUnpacker.maxFiles { break }
        }
        return links
    }
}
