package org.trunkguard.proxy.transaction;

import io.netty.buffer.ByteBuf;
import org.trunkguard.sip.SipMessage;

/**
 * INVITE server transaction: RFC 3261 Figure 7 as amended by RFC 6026 (the Accepted state).
 *
 * <pre>
 *  Proceeding --1xx from TU: send-->  Proceeding   (request retransmission: resend the 1xx)
 *  Proceeding --2xx from TU: send-->  Accepted     Timer L = 64·T1
 *  Proceeding --300-699: send------>  Completed    Timer G = T1 (unreliable), Timer H = 64·T1
 *  Completed  --Timer G: resend---->  Completed    G doubles up to T2
 *  Completed  --ACK---------------->  Confirmed    Timer I = T4 (unreliable), 0 (reliable)
 *  Completed  --Timer H------------>  Terminated   (no ACK came)
 *  Accepted   --2xx from TU: send-->  Accepted     (2xx retransmissions pass; INVITEs are absorbed)
 *  Accepted   --Timer L------------>  Terminated
 *  Confirmed  --Timer I------------>  Terminated
 * </pre>
 */
public final class ServerInviteTransaction extends ServerTransaction {
    public enum State { PROCEEDING, COMPLETED, CONFIRMED, ACCEPTED, TERMINATED }

    private final TimerWheel.Timer timerG = new TimerWheel.Timer(this, "G");
    /** H in Completed, I in Confirmed, L in Accepted: never two at once. */
    private final TimerWheel.Timer lifetime = new TimerWheel.Timer(this, "H/I/L");
    private State state = State.PROCEEDING;
    private long intervalG;

    public ServerInviteTransaction(TransactionContext context, String key, SipMessage request, Destination source,
                                   String toTag) {
        super(context, key, request, source, toTag);
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
        return state == State.PROCEEDING;
    }

    @Override
    public void onRetransmission() {
        context.absorbed();
        if (state == State.PROCEEDING || state == State.COMPLETED) {
            resendLast();
        }
    }

    @Override
    public void send(ByteBuf response, int status) {
        if (state == State.ACCEPTED && status >= 200 && status < 300) {
            transmitOnly(response, status);
            return;
        }
        if (state != State.PROCEEDING) {
            response.release();
            return;
        }
        if (status < 200) {
            transmitAndRemember(response, status);
        } else if (status < 300) {
            transmitOnly(response, status);
            releaseRequest();
            forgetLastResponse();
            state = State.ACCEPTED;
            context.wheel().start(lifetime, 64 * context.t1Millis());
        } else {
            transmitAndRemember(response, status);
            releaseRequest();
            state = State.COMPLETED;
            if (!reliable()) {
                intervalG = context.t1Millis();
                context.wheel().start(timerG, intervalG);
            }
            context.wheel().start(lifetime, 64 * context.t1Millis());
        }
    }

    /**
     * An ACK with this transaction's branch. True when the transaction absorbs it (the ACK of a
     * non-2xx final response, RFC 3261 §17.2.1); false when it belongs to the proxy core, which
     * forwards an ACK for a 2xx end to end (RFC 6026 §8.6).
     */
    public boolean onAck() {
        switch (state) {
            case COMPLETED -> {
                state = State.CONFIRMED;
                context.wheel().stop(timerG);
                if (reliable()) {
                    end();
                } else {
                    context.wheel().start(lifetime, TransactionContext.T4_MILLIS);
                }
                context.absorbed();
                return true;
            }
            case CONFIRMED, TERMINATED -> {
                context.absorbed();
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    @Override
    public void onTimer(TimerWheel.Timer timer) {
        if (timer == timerG && state == State.COMPLETED) {
            resendLast();
            intervalG = Math.min(2 * intervalG, context.t2Millis());
            context.wheel().start(timerG, intervalG);
        } else if (timer == lifetime) {
            end(); // Timer H (no ACK), I or L
        }
    }

    private void end() {
        if (state == State.TERMINATED) {
            return;
        }
        state = State.TERMINATED;
        context.wheel().stop(timerG);
        context.wheel().stop(lifetime);
        terminate();
    }
}
