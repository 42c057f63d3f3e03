package org.trunkguard.cli;

import org.trunkguard.node.TrunkguardNode;

/** What the command line attaches to a node: for now nothing beyond the node's own parts. */
final class NodeWiring {
    private NodeWiring() {
    }

    static TrunkguardNode.NodeObservers observers() {
        return TrunkguardNode.NodeObservers.NONE;
    }
}
