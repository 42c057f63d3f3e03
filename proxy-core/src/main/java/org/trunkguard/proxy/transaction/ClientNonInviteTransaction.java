package org.trunkguard.proxy.transaction;

import io.netty.buffer.ByteBuf;
import org.trunkguard.sip.SipMessage;

/**
 * Non-INVITE client transaction: RFC 3261 Figure 6.
 *
 * <pre>
 *  Trying     --Timer E: resend------->  Trying      E doubles up to T2 (unreliable only)
 *  Trying     --1xx: to the user------>  Proceeding
 *  Trying     --Timer F: time-out----->  Terminated  Timer F = 64·T1
 *  Proceeding --Timer E: resend------->  Proceeding  E = T2
 *  Proceeding --1xx: to the user------>  Proceeding
 *  Trying, Proceeding --200-699: user->  Completed   Timer K = T4 (unreliable), 0 (reliable)
 *  Completed  --response again-------->  Completed   (absorbed)
 *  Completed  --Timer K--------------->  Terminated
 * </pre>
 */
public final class ClientNonInviteTransaction extends ClientTransaction {
    public enum State { TRYING, PROCEEDING, COMPLETED, TERMINATED }

    private final TimerWheel.Timer timerE = new TimerWheel.Timer(this, "E");
    /** F while waiting, K once completed. */
    private final TimerWheel.Timer lifetime = new TimerWheel.Timer(this, "F/K");
    private State state = State.TRYING;
    private long intervalE;

    public ClientNonInviteTransaction(TransactionContext context, String key, String branch, Destination target,
                                      User user) {
        super(context, key, branch, target, user);
    }

    public State state() {
        return state;
    }

    @Override
    public boolean isInvite() {
        return false;
    }

    @Override
    public boolean awaitingFinal() {
        return state == State.TRYING || state == State.PROCEEDING;
    }

    @Override
    public void start(ByteBuf bytes) {
        transmit(bytes);
        if (!reliable()) {
            intervalE = context.t1Millis();
            context.wheel().start(timerE, intervalE);
        }
        context.wheel().start(lifetime, 64 * context.t1Millis());
    }

    @Override
    public void onResponse(SipMessage response) {
        if (!awaitingFinal()) {
            context.absorbed();
            return;
        }
        if (response.statusCode() < 200) {
            state = State.PROCEEDING;
            user.onProvisional(this, response);
            return;
        }
        state = State.COMPLETED;
        context.wheel().stop(timerE);
        stopRetransmitting();
        if (reliable()) {
            end();
        } else {
            context.wheel().start(lifetime, TransactionContext.T4_MILLIS);
        }
        user.onFinal(this, response, false);
    }

    @Override
    public void onTimer(TimerWheel.Timer timer) {
        if (timer == timerE && awaitingFinal()) {
            retransmit();
            intervalE = state == State.TRYING ? Math.min(2 * intervalE, context.t2Millis()) : context.t2Millis();
            context.wheel().start(timerE, intervalE);
        } else if (timer == lifetime) {
            boolean timedOut = awaitingFinal();
            end();
            if (timedOut) {
                user.onTimeout(this); // Timer F
            }
        }
    }

    private void end() {
        if (state == State.TERMINATED) {
            return;
        }
        state = State.TERMINATED;
        context.wheel().stop(timerE);
        context.wheel().stop(lifetime);
        terminate();
    }
}
