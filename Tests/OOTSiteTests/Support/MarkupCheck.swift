import CLibXML2
import Foundation

/// Parses generated pages with libxml2 and collects every diagnostic it raises.
enum MarkupCheck {
    /// One libxml2 diagnostic: its error code (`xmlParserErrors`), line and message.
    struct Problem: CustomStringConvertible {
        let code: Int32
        let line: Int32
        let message: String
        var description: String { "line \(line): [\(code)] \(message.trimmingCharacters(in: .whitespacesAndNewlines))" }
    }

    /// HTML5 elements the pages use that libxml2 2.9's HTML parser (an HTML 4 parser) does not
    /// know: it reports each as `XML_HTML_UNKNOWN_TAG` although the markup is well formed.
    ///
    /// Any other unknown tag (a typo) is still a problem. The inline SVG ones are those the trend
    /// charts and sparklines draw with (issue 16).
    static let html5Elements: Set<String> = [
        "main", "header", "nav", "section", "footer", "details", "summary", "time", "figure", "figcaption",
        "svg", "g", "line", "rect", "circle", "polyline", "text", "desc",
    ]

    /// Diagnostics from libxml2's HTML parser for `html`, minus unknown-tag reports for ``html5Elements``.
    static func htmlProblems(_ html: String) -> [Problem] {
        let problems = collect { ptr, count in
            htmlReadMemory(ptr, count, "page.html", "UTF-8", Int32(HTML_PARSE_NONET.rawValue))
        }(html)
        return problems.filter { problem in
            guard problem.code == Int32(XML_HTML_UNKNOWN_TAG.rawValue) else { return true }
            // "Tag main invalid"
            let tag = problem.message.split(separator: " ").dropFirst().first.map(String.init) ?? ""
            return !html5Elements.contains(tag)
        }
    }

    /// Diagnostics from libxml2's XML parser (well-formedness; no network, no entity expansion).
    static func xmlProblems(_ xml: String) -> [Problem] {
        collect { ptr, count in
            xmlReadMemory(ptr, count, "file.xml", "UTF-8", Int32(XML_PARSE_NONET.rawValue))
        }(xml)
    }

    /// Runs `parse` on the UTF-8 bytes of a string with a structured error handler installed
    /// (libxml2's handler is per thread, and the parse is synchronous).
    private static func collect(_ parse: @escaping (UnsafePointer<CChar>, Int32) -> xmlDocPtr?) -> (String) -> [Problem]
    {
        { text in
            final class Box { var problems: [Problem] = [] }
            let box = Box()
            let context = Unmanaged.passUnretained(box).toOpaque()
            xmlSetStructuredErrorFunc(context) { context, error in
                guard let context, let error else { return }
                let box = Unmanaged<Box>.fromOpaque(context).takeUnretainedValue()
                let message = error.pointee.message.map { String(cString: $0) } ?? ""
                box.problems.append(Problem(code: error.pointee.code, line: error.pointee.line, message: message))
            }
            defer { xmlSetStructuredErrorFunc(nil, nil) }
            var bytes = Array(text.utf8CString)
            let count = Int32(bytes.count - 1)
            let document = bytes.withUnsafeMutableBufferPointer { parse($0.baseAddress!, count) }
            if let document {
                xmlFreeDoc(document)
            } else if box.problems.isEmpty {
                box.problems.append(Problem(code: -1, line: 0, message: "no document"))
            }
            return withExtendedLifetime(box) { box.problems }
        }
    }

    /// One element of a parsed page: its name and attributes (name → value).
    struct Element {
        let name: String
        let attributes: [String: String]
    }

    /// Every element of `html` as libxml2's HTML parser builds the tree (what a browser would
    /// act on), in document order.
    static func elements(_ html: String) -> [Element] {
        var bytes = Array(html.utf8CString)
        let count = Int32(bytes.count - 1)
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
        guard
            let document = bytes.withUnsafeMutableBufferPointer({
                htmlReadMemory($0.baseAddress!, count, "page.html", "UTF-8", options)
            })
        else { return [] }
        defer { xmlFreeDoc(document) }
        var out: [Element] = []
        func walk(_ node: xmlNodePtr?) {
            var node = node
            while let current = node {
                if current.pointee.type == XML_ELEMENT_NODE {
                    var attributes: [String: String] = [:]
                    var attribute = current.pointee.properties
                    while let a = attribute {
                        let name = String(cString: a.pointee.name)
                        if let value = xmlNodeGetContent(
                            UnsafeMutableRawPointer(a).assumingMemoryBound(to: xmlNode.self))
                        {
                            attributes[name.lowercased()] = String(cString: value)
                            clibxml2_free(value)
                        }
                        attribute = a.pointee.next
                    }
                    out.append(
                        Element(name: String(cString: current.pointee.name).lowercased(), attributes: attributes))
                }
                walk(current.pointee.children)
                node = current.pointee.next
            }
        }
        walk(xmlDocGetRootElement(document))
        return out
    }
}
