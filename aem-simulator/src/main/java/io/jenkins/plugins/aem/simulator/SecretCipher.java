package io.jenkins.plugins.aem.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One Replicate server's master key ({@code mk.dat}): encrypts endpoint secrets into the {@code {Z<hex>}} form an
 * export carries, and decrypts only values encrypted with the same key. AES-GCM with a fresh IV each time, so the
 * same password encrypts differently in every export, as Replicate's do; a value from another server's key, or one
 * that is not well formed, does not decrypt. Thread-safe.
 */
final class SecretCipher {
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final SecretKeySpec key;
    private final Random ivs; // seeded: a run with the same seed produces the same ciphertexts

    SecretCipher(String masterKey, Random ivs) {
        this.key = new SecretKeySpec(sha256("aem-simulator master key\n" + masterKey), "AES");
        this.ivs = ivs;
    }

    /** Whether {@code value} has the encrypted form {@code {Z...}} (whether or not it decrypts here). */
    static boolean looksEncrypted(String value) {
        return value.length() >= 3 && value.startsWith("{Z") && value.endsWith("}");
    }

    /** The {@code {Z<hex>}} form of a clear-text secret, with a fresh IV. */
    String encrypt(String clear) {
        byte[] iv = new byte[IV_BYTES];
        synchronized (ivs) {
            ivs.nextBytes(iv);
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = c.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            return "{Z" + HEX.formatHex(iv) + HEX.formatHex(sealed) + "}";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JDK", e);
        }
    }

    /** The clear text of a {@code {Z...}} value encrypted with this key, or null when it is foreign or malformed. */
    String decrypt(String encrypted) {
        if (!looksEncrypted(encrypted)) {
            return null;
        }
        byte[] raw;
        try {
            raw = HexFormat.of().parseHex(encrypted.substring(2, encrypted.length() - 1).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (raw.length < IV_BYTES + TAG_BITS / 8) {
            return null;
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, IV_BYTES));
            return new String(c.doFinal(raw, IV_BYTES, raw.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            return null; // another server's key, or tampered
        }
    }

    /**
     * A short fingerprint of a clear-text secret under this key, for ground truth: equal secrets give equal tags on
     * one server, and the tag reveals nothing usable about the secret.
     */
    String tag(String clear) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HEX.formatHex(mac.doFinal(clear.getBytes(StandardCharsets.UTF_8))).substring(0, 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
