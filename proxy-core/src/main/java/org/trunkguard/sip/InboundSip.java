package org.trunkguard.sip;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;

/**
 * A decoded message with where it came from: the only addresses the proxy trusts. Responses go
 * back to {@code sender} (for TCP, over {@code channel}), never to what a Via claims.
 */
public record InboundSip(SipMessage message, InetSocketAddress sender, Transport transport, Channel channel,
                         long receivedNanos) {
}
