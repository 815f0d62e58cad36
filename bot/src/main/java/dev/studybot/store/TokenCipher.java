package dev.studybot.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals tokens for the database with AES-256-GCM: a random 96-bit IV per token, stored with it, and the workspace the
 * token belongs to as associated data, so a sealed token copied to another workspace's row does not open. Sealed text
 * is {@code v1:} and the base64 of IV and ciphertext with its tag.
 */
public final class TokenCipher {

    /** Where the key comes from: 32 random bytes, base64 ({@code openssl rand -base64 32}). */
    public static final String KEY_VARIABLE = "STUDYBOT_TOKEN_KEY";
    private static final String VERSION = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private TokenCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * The cipher of a base64 key of 32 bytes.
     *
     * @throws IllegalArgumentException when the key is missing or not 32 bytes of base64; the message never shows it
     */
    public static TokenCipher fromBase64(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException(KEY_VARIABLE + " is not set: it encrypts the workspaces' bot tokens in the"
                    + " database; set it to 32 random bytes in base64 (openssl rand -base64 32).");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(KEY_VARIABLE + " is not base64; set it to 32 random bytes in base64"
                    + " (openssl rand -base64 32).");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException(KEY_VARIABLE + " must be 32 bytes in base64 (it is " + bytes.length
                    + "); make one with openssl rand -base64 32.");
        }
        return new TokenCipher(bytes);
    }

    /** {@code token} sealed for {@code owner} (the workspace), with a fresh IV. */
    String seal(String token, String owner) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, owner);
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has AES/GCM", e);
        }
    }

    /**
     * The token {@link #seal} sealed for {@code owner}.
     *
     * @throws StoreException when it does not open: another key, another owner, or altered
     */
    String open(String sealed, String owner) {
        byte[] bytes;
        try {
            bytes = sealed.startsWith(VERSION) ? Base64.getDecoder().decode(sealed.substring(VERSION.length())) : null;
        } catch (IllegalArgumentException e) {
            bytes = null;
        }
        if (bytes == null || bytes.length <= IV_BYTES) {
            throw new StoreException("A stored token of " + owner + " is not sealed as studybot seals tokens.", null);
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, IV_BYTES), owner);
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new StoreException("The stored token of " + owner + " does not open with " + KEY_VARIABLE
                    + " (was the key changed? install the app in that workspace again).", null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has AES/GCM", e);
        }
    }

    private Cipher cipher(int mode, byte[] iv, String owner) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** Never the key. */
    @Override
    public String toString() {
        return "TokenCipher[AES-256-GCM]";
    }
}
