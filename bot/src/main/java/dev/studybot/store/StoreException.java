package dev.studybot.store;

/** The database failed (disk full, file unreadable, locked for longer than the busy timeout, ...). */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
