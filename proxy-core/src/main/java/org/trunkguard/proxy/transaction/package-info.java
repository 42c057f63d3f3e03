/**
 * RFC 3261 §17 transactions, one class per figure of the RFC, each an explicit state machine
 * (an {@code enum State}; events in, actions out) owned by one event loop.
 *
 * <table>
 * <caption>Which class draws which figure</caption>
 * <tr><th>class</th><th>RFC</th><th>states</th><th>timers</th></tr>
 * <tr><td>{@link org.trunkguard.proxy.transaction.ClientInviteTransaction}</td><td>3261 Figure 5, RFC 6026 §7.2,
 *     Timer C of §16.6 step 11 / §16.8, CANCEL of §9.1</td><td>Calling, Proceeding, Completed, Accepted,
 *     Terminated</td><td>A, B, C, D, M</td></tr>
 * <tr><td>{@link org.trunkguard.proxy.transaction.ClientNonInviteTransaction}</td><td>3261 Figure 6</td>
 *     <td>Trying, Proceeding, Completed, Terminated</td><td>E, F, K</td></tr>
 * <tr><td>{@link org.trunkguard.proxy.transaction.ServerInviteTransaction}</td><td>3261 Figure 7, RFC 6026 §7.1</td>
 *     <td>Proceeding, Completed, Confirmed, Accepted, Terminated</td><td>G, H, I, L</td></tr>
 * <tr><td>{@link org.trunkguard.proxy.transaction.ServerNonInviteTransaction}</td><td>3261 Figure 8</td>
 *     <td>Trying, Proceeding, Completed, Terminated</td><td>J</td></tr>
 * </table>
 *
 * <p>Around them: {@link org.trunkguard.proxy.transaction.TimerWheel}, the loop's timers (a timer
 * costs a link and an unlink, no task); {@link org.trunkguard.proxy.transaction.TransactionLayer},
 * the loop's tables (§17.1.3 and §17.2.3 matching) and the
 * {@link org.trunkguard.proxy.transaction.TransactionContext} the machines act on;
 * {@link org.trunkguard.proxy.transaction.HopRequests}, the CANCEL and ACK a client INVITE
 * transaction sends on its own hop, copied byte for byte from what was forwarded. Nothing here
 * knows about calls, trunks or verdicts: that is the proxy core in {@code org.trunkguard.proxy},
 * the transactions' user.
 */
package org.trunkguard.proxy.transaction;
