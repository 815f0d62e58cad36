package dev.studybot.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signature, checked on the raw body before anything parses it: {@code v0=} HMAC-SHA256 of
 * {@code v0:<timestamp>:<body>} with the signing secret, and a timestamp within five minutes of now either way
 * (Bolt 1.51 only refuses old ones, so a request stamped in the future would pass it).
 */
final class SlackSignature {

    static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
    static final String SIGNATURE_HEADER = "X-Slack-Signature";
    static final long MAX_SKEW_SECONDS = 5 * 60;

    /** What a check found; anything but {@link #VALID} is refused with 401. */
    enum Verdict { VALID, UNSIGNED, BAD_TIMESTAMP, OUT_OF_TIME, BAD_SIGNATURE }

    private final SecretKeySpec key;

    SlackSignature(String signingSecret) {
        this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    Verdict check(String timestamp, String signature, byte[] body, long nowSeconds) {
        if (timestamp == null || signature == null) {
            return Verdict.UNSIGNED;
        }
        long stamped;
        try {
            stamped = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return Verdict.BAD_TIMESTAMP;
        }
        if (Math.abs(nowSeconds - stamped) > MAX_SKEW_SECONDS) {
            return Verdict.OUT_OF_TIME;
        }
        byte[] expected = sign(timestamp.strip(), body).getBytes(StandardCharsets.US_ASCII);
        // Constant time: the comparison must not tell an attacker how much of a guess was right.
        return MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII))
                ? Verdict.VALID : Verdict.BAD_SIGNATURE;
    }

    /** The {@code X-Slack-Signature} Slack would send with {@code body} at {@code timestamp}. */
    String sign(String timestamp, byte[] body) {
        return "v0=" + HexFormat.of().formatHex(hmac(timestamp, body));
    }

    private byte[] hmac(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }
}
