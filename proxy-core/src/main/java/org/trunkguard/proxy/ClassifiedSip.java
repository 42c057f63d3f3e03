package org.trunkguard.proxy;

import org.trunkguard.proxy.trunk.Trunk;
import org.trunkguard.sip.InboundSip;

/**
 * A message whose source is a known trunk. {@code trunk} and {@code core} come from one trunk
 * table, read once when the message was classified: the message is handled by that snapshot to
 * the end, whatever a reload swaps in meanwhile.
 */
record ClassifiedSip(InboundSip inbound, Trunk trunk, Trunk core) {
}
