import Foundation
import OOTTestSupport

/// Validates JSON documents against one of the repository's JSON Schemas (`docs/api/`) with
/// Debian's python3-jsonschema (Draft 2020-12), as a bot's client would.
enum JSONSchemaCheck {
    /// Checks the schema itself, then every document against it.
    ///
    /// - Parameters:
    ///   - schema: The schema's path under the repository, for example `docs/api/pr-v1.schema.json`.
    ///   - documents: Absolute paths of the documents.
    /// - Returns: The exit status (0 when every document is valid) and one line per error.
    /// - Throws: When `/usr/bin/python3` cannot be started.
    static func validate(schema: String, documents: [String]) throws -> (status: Int32, output: String) {
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            validator = jsonschema.Draft202012Validator(schema)
            bad = 0
            for path in sys.argv[2:]:
                for error in validator.iter_errors(json.load(open(path))):
                    bad += 1
                    print(path, list(error.absolute_path), error.message)
            sys.exit(1 if bad else 0)
            """
        return try Python.run(["-c", script, Fixtures.root.appendingPathComponent(schema).path] + documents)
    }
}
