package org.trunkguard.admin;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trunkguard.behaviour.PenaltyBox;

/**
 * Routes admin requests. Everything answers on the admin event loop except {@code POST /reload},
 * which reads files and may rebuild the segment store: it runs on the worker and answers from
 * there, so {@code /metrics} and {@code /health} stay responsive during a long reload.
 * Whatever fails, the client gets a status and a one-line message, never a stack trace.
 */
@ChannelHandler.Sharable
final class AdminHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(AdminHandler.class);

    private final ProxyMetrics metrics;
    private final AdminActions actions;
    private final Clock clock;
    private final long startedAtMillis;
    private final Executor worker;

    AdminHandler(ProxyMetrics metrics, AdminActions actions, Clock clock, Executor worker) {
        this.metrics = metrics;
        this.actions = actions;
        this.clock = clock;
        this.startedAtMillis = clock.millis();
        this.worker = worker;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpReply reply;
        try {
            reply = route(ctx, request, keepAlive);
        } catch (RuntimeException e) {
            reply = failure(request.uri(), e);
        }
        if (reply != null) {
            send(ctx, reply, keepAlive);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("admin connection from {} closed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }

    /** The reply, or null when one will be sent later (reload). */
    private HttpReply route(ChannelHandlerContext ctx, FullHttpRequest request, boolean keepAlive) {
        if (!request.decoderResult().isSuccess()) {
            return HttpReply.error(HttpResponseStatus.BAD_REQUEST, "malformed HTTP request");
        }
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        HttpMethod method = request.method();
        switch (uri.path()) {
            case "/metrics":
                return method.equals(HttpMethod.GET) ? new HttpReply(HttpResponseStatus.OK,
                        HttpReply.PROMETHEUS_TEXT, metrics.scrape(), null) : HttpReply.methodNotAllowed("GET");
            case "/health":
                return method.equals(HttpMethod.GET) ? health() : HttpReply.methodNotAllowed("GET");
            case "/penalty-box":
                return method.equals(HttpMethod.GET) ? penaltyBoxList() : HttpReply.methodNotAllowed("GET");
            case "/penalty-box/lift":
                return method.equals(HttpMethod.POST) ? lift(uri) : HttpReply.methodNotAllowed("POST");
            case "/reload":
                if (!method.equals(HttpMethod.POST)) {
                    return HttpReply.methodNotAllowed("POST");
                }
                return reload(ctx, keepAlive, request.uri());
            default:
                return HttpReply.notFound();
        }
    }

    private HttpReply health() {
        boolean ready = actions.ready().getAsBoolean();
        long uptimeSeconds = Math.max(0, clock.millis() - startedAtMillis) / 1000;
        return HttpReply.json(ready ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE,
                Json.health(ready, uptimeSeconds));
    }

    private HttpReply penaltyBoxList() {
        PenaltyBox box = actions.penaltyBox().get();
        return HttpReply.json(HttpResponseStatus.OK, Json.penaltyBox(box == null ? List.of() : box.list()));
    }

    private HttpReply lift(QueryStringDecoder uri) {
        List<String> callers = uri.parameters().get("caller");
        if (callers == null || callers.size() != 1 || callers.get(0).isBlank()) {
            return HttpReply.error(HttpResponseStatus.BAD_REQUEST, "give exactly one caller: /penalty-box/lift?caller=NUMBER");
        }
        String caller = callers.get(0);
        PenaltyBox box = actions.penaltyBox().get();
        if (box == null || !box.lift(caller)) {
            return HttpReply.error(HttpResponseStatus.NOT_FOUND, caller + " is not in the penalty box");
        }
        LOG.info("admin: lifted {} from the penalty box", caller);
        return HttpReply.json(HttpResponseStatus.OK, Json.object("lifted", caller));
    }

    private HttpReply reload(ChannelHandlerContext ctx, boolean keepAlive, String uri) {
        try {
            worker.execute(() -> {
                HttpReply reply;
                try {
                    String problem = actions.reload().get();
                    reply = problem == null ? HttpReply.json(HttpResponseStatus.OK, "{\"reloaded\":true}")
                            : HttpReply.error(HttpResponseStatus.CONFLICT, problem);
                } catch (RuntimeException e) {
                    reply = failure(uri, e);
                }
                send(ctx, reply, keepAlive);
            });
            return null;
        } catch (RejectedExecutionException e) {
            return HttpReply.error(HttpResponseStatus.SERVICE_UNAVAILABLE, "admin endpoint is stopping");
        }
    }

    private static HttpReply failure(String uri, RuntimeException e) {
        LOG.warn("admin request {} failed", uri, e);
        String message = e.getMessage() == null ? "" : ": " + e.getMessage().replaceAll("\\s+", " ").trim();
        return HttpReply.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, e.getClass().getSimpleName() + message);
    }

    private static void send(ChannelHandlerContext ctx, HttpReply reply, boolean keepAlive) {
        ByteBuf body = ByteBufUtil.writeUtf8(ctx.alloc(), reply.body());
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, reply.status(), body);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType())
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        if (reply.allow() != null) {
            response.headers().set(HttpHeaderNames.ALLOW, reply.allow());
        }
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.writeAndFlush(response);
        }
    }
}
