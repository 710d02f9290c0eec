import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// Builds the router: `POST` on each of ``IngestRoutes/results`` (`/api/crcr/results` first, spec
/// §14.1), `GET /healthz`, `GET /metrics`; every other method on a results path is 405 (before auth).
///
/// One log line and the metrics per request.
public func buildRouter(
    store: IngestStore, configuration: IngestConfiguration, metrics: IngestMetrics,
    logger: Logger = Logger(label: "oot-hud.ingest")
) -> Router<IngestRequestContext> {
    let router = Router(context: IngestRequestContext.self)
    router.add(middleware: RequestObserver(metrics: metrics, logger: logger))
    router.add(middleware: MethodGuard())
    let handler = ResultsHandler(
        store: store, configuration: configuration, limiter: RateLimiter(limit: configuration.rateLimitPerMinute))
    for path in IngestRoutes.results {
        router.post(RouterPath(path)) { request, context in
            try await handler.handle(request, context: context)
        }
    }
    router.get(RouterPath(IngestRoutes.health)) { _, _ -> Response in
        if let reason = await store.unhealthyReason() {
            throw IngestError(.unavailable, .serviceUnavailable, reason, retryAfter: 30)
        }
        return Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(string: "{\"ok\":true}")))
    }
    router.get(RouterPath(IngestRoutes.metrics)) { _, _ -> Response in
        Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: metrics.render())))
    }
    return router
}

/// Builds the application (not started): the router above on `configuration.host:port`.
///
/// `onServerRunning` receives the bound port (useful with port 0).
public func buildApplication(
    store: IngestStore, configuration: IngestConfiguration, metrics: IngestMetrics = IngestMetrics(),
    logger: Logger = Logger(label: "oot-hud.ingest"),
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    Application(
        router: buildRouter(store: store, configuration: configuration, metrics: metrics, logger: logger),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "oot-hud"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
        logger: logger
    )
}
