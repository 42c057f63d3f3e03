package org.trunkguard.proxy;

import org.trunkguard.proxy.trunk.Trunk;
import org.trunkguard.sip.InboundSip;

/** A message whose source is a known trunk. */
record ClassifiedSip(InboundSip inbound, Trunk trunk) {
}
