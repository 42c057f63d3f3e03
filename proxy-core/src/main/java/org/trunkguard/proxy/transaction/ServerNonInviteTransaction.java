package org.trunkguard.proxy.transaction;

import io.netty.buffer.ByteBuf;
import org.trunkguard.sip.SipMessage;

/**
 * Non-INVITE server transaction: RFC 3261 Figure 8.
 *
 * <pre>
 *  Trying     --1xx from TU: send-------->  Proceeding  (request retransmission: absorbed)
 *  Trying     --200-699 from TU: send---->  Completed   Timer J = 64·T1 (unreliable), 0 (reliable)
 *  Proceeding --1xx from TU: send-------->  Proceeding  (request retransmission: resend the 1xx)
 *  Proceeding --200-699 from TU: send---->  Completed
 *  Completed  --request retransmission--->  Completed   (resend the final response)
 *  Completed  --Timer J------------------>  Terminated
 * </pre>
 */
public final class ServerNonInviteTransaction extends ServerTransaction {
    public enum State { TRYING, PROCEEDING, COMPLETED, TERMINATED }

    private final TimerWheel.Timer timerJ = new TimerWheel.Timer(this, "J");
    private State state = State.TRYING;

    public ServerNonInviteTransaction(TransactionContext context, String key, SipMessage request, Destination source,
                                      String toTag) {
        super(context, key, request, source, toTag);
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
    public void onRetransmission() {
        context.absorbed();
        if (state == State.PROCEEDING || state == State.COMPLETED) {
            resendLast();
        }
    }

    @Override
    public void send(ByteBuf response, int status) {
        if (!awaitingFinal()) {
            response.release();
            return;
        }
        transmitAndRemember(response, status);
        if (status < 200) {
            state = State.PROCEEDING;
            return;
        }
        releaseRequest();
        state = State.COMPLETED;
        if (reliable()) {
            end();
        } else {
            context.wheel().start(timerJ, 64 * context.t1Millis());
        }
    }

    @Override
    public void onTimer(TimerWheel.Timer timer) {
        end();
    }

    private void end() {
        if (state == State.TERMINATED) {
            return;
        }
        state = State.TERMINATED;
        context.wheel().stop(timerJ);
        terminate();
    }
}
