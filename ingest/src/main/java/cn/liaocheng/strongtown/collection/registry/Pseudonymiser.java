package cn.liaocheng.strongtown.collection.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import cn.liaocheng.strongtown.lake.AtomicFiles;

/**
 * Replaces a credit code with a keyed hash (HMAC-SHA256, first 128 bits) before anything reaches
 * the lake: the same firm keeps the same id across years and extracts, and without the key nobody
 * can test a guessed code against the lake. The key lives outside the lake, in the state folder.
 */
public final class Pseudonymiser {

    public static final String ENV_KEY = "STRONGTOWN_PSEUDONYM_KEY";
    private final Mac mac;

    public Pseudonymiser(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("假名化密钥至少 16 字节");
        }
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The key from {@value #ENV_KEY} (hex) if set, else from the key file, which is created with a
     * random key (readable by the owner only) on first use.
     */
    public static Pseudonymiser fromKeyFile(Path keyFile) {
        String env = System.getenv(ENV_KEY);
        if (env != null && !env.isBlank()) {
            return new Pseudonymiser(HexFormat.of().parseHex(env.strip()));
        }
        try {
            if (!Files.exists(keyFile)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                // private from the first byte; on a non-POSIX file system the folder's own permissions must protect it
                AtomicFiles.writePrivateString(keyFile, HexFormat.of().formatHex(key));
            }
            return new Pseudonymiser(HexFormat.of().parseHex(Files.readString(keyFile, StandardCharsets.UTF_8).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取假名化密钥 " + keyFile, e);
        }
    }

    /** The pseudonymous enterprise id of a credit code. Not thread-safe (one Mac per instance). */
    public String enterpriseId(String creditCode) {
        byte[] digest = mac.doFinal(creditCode.getBytes(StandardCharsets.US_ASCII));
        return "P" + HexFormat.of().formatHex(digest, 0, 16);
    }
}
