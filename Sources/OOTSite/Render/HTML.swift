/// HTML escaping for the few fragments rendered in Swift rather than Mustache (the matrix cells:
/// hundreds per page, where a template costs 15–40 µs a cell). The same mapping as Mustache's
/// `{{x}}`, so a fragment reads exactly as the template would have written it.
enum HTML {
    /// `text` with `& < > " '` replaced by `&amp; &lt; &gt; &quot; &#39;`.
    static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension CodingUserInfoKey {
    /// Set while a view model is encoded for a template (``TemplateTree``): models then also
    /// encode their pre-rendered HTML fragments, which `index.json` leaves out.
    static let templateTree = CodingUserInfoKey(rawValue: "oot.templateTree")!
}
