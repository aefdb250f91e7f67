package org.jujia.notification;

/** How an automated voice call ended. */
public enum VoiceOutcome {
    /** the elder picked up and heard the script ({@link VoiceCallResult#keypad()} holds the key pressed, if any) */
    ANSWERED,
    /** it rang until the ring timeout without being picked up (or the phone was switched off / out of reach) */
    NO_ANSWER,
    /** the line was busy */
    BUSY,
    /** the call could not be placed: gateway unreachable, refused, bad number — says nothing about the elder */
    FAILED;

    /** Did the call reach the elder's phone network (so that not answering says something about the elder)? */
    public boolean reachedNetwork() {
        return this != FAILED;
    }
}
