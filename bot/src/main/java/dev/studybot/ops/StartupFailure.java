package dev.studybot.ops;

/**
 * What stops studybot from starting and is the operator's to fix (a refused token, an unreachable platform, a
 * damaged database): its message is one line naming the cause and the fix, printed without a stack trace.
 */
public final class StartupFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StartupFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public StartupFailure(String message) {
        super(message);
    }
}
