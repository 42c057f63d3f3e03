package org.trunkguard.admin;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * A response of the admin endpoint before it is encoded: status, content type and body text.
 *
 * @param allow the methods an answer 405 names in its Allow header, else null
 */
record HttpReply(HttpResponseStatus status, String contentType, String body, String allow) {
    static final String JSON = "application/json; charset=utf-8";
    /** The Prometheus text exposition format that {@code PrometheusMeterRegistry.scrape()} writes. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    static HttpReply json(HttpResponseStatus status, String body) {
        return new HttpReply(status, JSON, body, null);
    }

    static HttpReply error(HttpResponseStatus status, String message) {
        return json(status, Json.object("error", message));
    }

    static HttpReply notFound() {
        return error(HttpResponseStatus.NOT_FOUND, "no such resource");
    }

    static HttpReply methodNotAllowed(String allow) {
        return new HttpReply(HttpResponseStatus.METHOD_NOT_ALLOWED, JSON,
                Json.object("error", "method not allowed; use " + allow), allow);
    }
}
