package org.trunkguard.proxy.transaction;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import org.trunkguard.sip.Transport;

/**
 * Where the proxy sends a message: always an address it learnt from a socket or from the
 * configuration, never one read from a Via or a Request-URI. For TCP, {@code channel} is the
 * connection the peer opened (null to use the proxy's own connection to a next hop).
 */
public record Destination(InetSocketAddress address, Transport transport, Channel channel) {
}
