package org.trunkguard.proxy.transaction;

import io.netty.buffer.ByteBuf;
import org.trunkguard.sip.SipMessage;

/**
 * INVITE client transaction: RFC 3261 Figure 5 as amended by RFC 6026 (the Accepted state),
 * with the proxy's Timer C (§16.6 step 11, §16.8) and CANCEL (§9.1, §16.10).
 *
 * <pre>
 *  Calling    --Timer A: resend------------>  Calling     A doubles (unreliable only)
 *  Calling    --Timer B: time-out---------->  Terminated  Timer B = 64·T1
 *  Calling    --1xx: to the user----------->  Proceeding  A and B stop; Timer C = 181 s, reset by each 1xx
 *  Calling, Proceeding --2xx: to the user-->  Accepted    Timer M = 64·T1
 *  Calling, Proceeding --300-699: ACK, user>  Completed   Timer D = 64·T1 (unreliable), 0 (reliable)
 *  Proceeding --Timer C: CANCEL------------>  Proceeding
 *  Completed  --300-699 again: ACK--------->  Completed   (absorbed)
 *  Accepted   --2xx again: to the user----->  Accepted    (relayed end to end)
 *  Completed  --Timer D, Accepted --Timer M>  Terminated
 * </pre>
 *
 * A CANCEL asked for before any provisional response waits for one (§9.1: a CANCEL must not
 * overtake the INVITE), and none is sent after a final response.
 */
public final class ClientInviteTransaction extends ClientTransaction {
    public enum State { CALLING, PROCEEDING, COMPLETED, ACCEPTED, TERMINATED }

    /** RFC 3261 §16.8: Timer C "MUST be set for each client transaction ... greater than 3 minutes". */
    public static final long TIMER_C_MILLIS = 181_000;

    private final TimerWheel.Timer timerA = new TimerWheel.Timer(this, "A");
    /** B while calling, C while proceeding, D once completed, M once accepted. */
    private final TimerWheel.Timer lifetime = new TimerWheel.Timer(this, "B/C/D/M");
    /** What the CANCEL and the ACK of a non-2xx copy from the INVITE; dropped at a 2xx. */
    private HopRequests hop;
    private State state = State.CALLING;
    private long intervalA;
    private boolean cancelRequested;
    private boolean cancelSent;

    public ClientInviteTransaction(TransactionContext context, String key, String branch, Destination target, User user,
                                   HopRequests hop) {
        super(context, key, branch, target, user);
        this.hop = hop;
    }

    public State state() {
        return state;
    }

    @Override
    public boolean isInvite() {
        return true;
    }

    @Override
    public boolean awaitingFinal() {
        return state == State.CALLING || state == State.PROCEEDING;
    }

    public boolean cancelSent() {
        return cancelSent;
    }

    @Override
    public void start(ByteBuf bytes) {
        transmit(bytes);
        if (!reliable()) {
            intervalA = context.t1Millis();
            context.wheel().start(timerA, intervalA);
        }
        context.wheel().start(lifetime, 64 * context.t1Millis());
    }

    /** The proxy core cancels this branch (the caller's CANCEL, or Timer C). */
    public void cancel() {
        if (!awaitingFinal() || cancelRequested) {
            return;
        }
        cancelRequested = true;
        if (state == State.PROCEEDING) {
            sendCancel();
        }
    }

    @Override
    public void onResponse(SipMessage response) {
        int status = response.statusCode();
        if (status < 200) {
            if (!awaitingFinal()) {
                return;
            }
            boolean first = state == State.CALLING;
            state = State.PROCEEDING;
            context.wheel().stop(timerA);
            stopRetransmitting();
            context.wheel().start(lifetime, TIMER_C_MILLIS);
            if (first && cancelRequested) {
                sendCancel();
            }
            user.onProvisional(this, response);
        } else if (status < 300) {
            if (state == State.ACCEPTED) {
                user.onFinal(this, response, true);
            } else if (awaitingFinal()) {
                state = State.ACCEPTED;
                hop = null; // a 2xx is acknowledged end to end, and nothing is cancelled after it
                stopWaiting();
                context.wheel().start(lifetime, 64 * context.t1Millis());
                user.onFinal(this, response, false);
            }
        } else if (state == State.COMPLETED) {
            sendAck(response);
            context.absorbed();
        } else if (awaitingFinal()) {
            state = State.COMPLETED;
            stopWaiting();
            sendAck(response);
            if (reliable()) {
                end();
            } else {
                // RFC 3261 §17.1.1.2 asks at least 32 s: 64·T1 is exactly that with the default T1,
                // and scales with it like every other timer here.
                context.wheel().start(lifetime, 64 * context.t1Millis());
            }
            user.onFinal(this, response, false);
        }
    }

    @Override
    public void onTimer(TimerWheel.Timer timer) {
        if (timer == timerA && state == State.CALLING) {
            retransmit();
            intervalA *= 2;
            context.wheel().start(timerA, intervalA);
        } else if (timer == lifetime) {
            switch (state) {
                case CALLING -> { // Timer B
                    end();
                    user.onTimeout(this);
                }
                case PROCEEDING -> { // Timer C: give up on the callee (§16.8) and wait 64·T1 for its 487
                    if (!cancelSent) {
                        cancel();
                        if (cancelSent) {
                            context.wheel().start(lifetime, 64 * context.t1Millis());
                            return;
                        }
                    }
                    end();
                    user.onTimeout(this);
                }
                default -> end(); // Timer D or M
            }
        }
    }

    private void sendCancel() {
        if (hop == null || cancelSent) {
            return;
        }
        cancelSent = true;
        ClientNonInviteTransaction cancel = new ClientNonInviteTransaction(context,
                TransactionLayer.clientKey(branch(), "CANCEL"), branch(), target(), User.NONE);
        context.started(cancel);
        cancel.start(hop.cancel());
    }

    /** RFC 3261 §17.1.1.3: the ACK of a non-2xx final response, on this hop, with the response's To. */
    private void sendAck(SipMessage response) {
        if (hop != null) {
            context.send(target(), hop.ack(response));
        }
    }

    private void stopWaiting() {
        context.wheel().stop(timerA);
        stopRetransmitting();
    }

    private void end() {
        if (state == State.TERMINATED) {
            return;
        }
        state = State.TERMINATED;
        hop = null;
        context.wheel().stop(timerA);
        context.wheel().stop(lifetime);
        terminate();
    }
}
