import Foundation
import HTTPTypes
import Hummingbird
import Logging
import OOTCore

/// Logs one structured line per request (method, path, HTTP code, latency in ms and, on the
/// results route, repo, status and dynamoKey) and records the metrics.
///
/// Headers are never logged, so the relay token never reaches a log.
struct RequestObserver: RouterMiddleware {
    let metrics: IngestMetrics
    let logger: Logger

    func handle(
        _ request: Request, context: IngestRequestContext,
        next: (Request, IngestRequestContext) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            finish(request, context, status: response.status.code, reason: nil, start: start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            let reason = (error as? IngestError)?.reason.rawValue ?? (status == 404 ? "not_found" : "internal")
            finish(request, context, status: status, reason: reason, start: start)
            throw error
        }
    }

    private func finish(
        _ request: Request, _ context: IngestRequestContext, status: Int, reason: String?,
        start: ContinuousClock.Instant
    ) {
        let seconds = (ContinuousClock.now - start).inSeconds
        let path = request.uri.path
        let route =
            IngestRoutes.isResults(path)
            ? "results" : path == IngestRoutes.health ? "healthz" : path == IngestRoutes.metrics ? "metrics" : "other"
        metrics.observe(route: route, seconds: seconds)
        let fields = context.trace.fields
        if route == "results" {
            if status == 200, let s = fields.status {
                metrics.accepted(status: s, path: path)
                metrics.warned(fields: fields.warnings.map(\.metricField))
            } else if let reason {
                metrics.rejected(reason: reason, path: path)
            }
        }
        var metadata: Logger.Metadata = [
            "method": "\(request.method.rawValue)", "path": "\(path)", "http": "\(status)",
            "ms": "\(Self.milliseconds(seconds))",
        ]
        if let repo = fields.repo { metadata["repo"] = "\(repo)" }
        if let s = fields.status { metadata["status"] = "\(s)" }
        if let key = fields.dynamoKey { metadata["dynamoKey"] = "\(key)" }
        if let reason { metadata["reason"] = "\(reason)" }
        if !fields.warnings.isEmpty { metadata["warnings"] = .array(fields.warnings.map { "\($0)" }) }
        logger.log(
            level: status >= 500 ? .error : fields.warnings.isEmpty ? .info : .warning, "request", metadata: metadata)
    }
}

extension RequestObserver {
    /// `seconds` in milliseconds with two decimals ("1.25"), as `String(format: "%.2f")` wrote it
    /// for the non-negative latencies logged here, without Foundation's formatter.
    static func milliseconds(_ seconds: Double) -> String {
        let hundredths = Int((max(0, seconds) * 100_000).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

/// Answers 405 (with `Allow`) for a method a known route does not take, before authentication
/// (spec §3.2): only POST on the results route, only GET/HEAD on `/healthz` and `/metrics`.
struct MethodGuard: RouterMiddleware {
    static let allowed: [String: Set<HTTPRequest.Method>] = [
        IngestRoutes.health: [.get, .head], IngestRoutes.metrics: [.get, .head],
    ].merging(IngestRoutes.results.map { ($0, [.post]) }) { first, _ in first }

    func handle(
        _ request: Request, context: IngestRequestContext,
        next: (Request, IngestRequestContext) async throws -> Response
    ) async throws -> Response {
        if let methods = Self.allowed[request.uri.path], !methods.contains(request.method) {
            throw IngestError(
                .methodNotAllowed, .methodNotAllowed, "Method not allowed",
                allow: methods.map(\.rawValue).sorted().joined(separator: ", "))
        }
        return try await next(request, context)
    }
}
