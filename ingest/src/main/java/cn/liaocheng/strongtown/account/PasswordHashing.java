package cn.liaocheng.strongtown.account;

import java.util.HashMap;
import java.util.Map;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

/** The password encoder: PBKDF2-SHA256 for new hashes, BCrypt (the first releases' hashes) for reading. */
public final class PasswordHashing {

    /** The id new hashes carry: {@code {pbkdf2@SpringSecurity_v5_8}…}. */
    public static final String ID = "pbkdf2@SpringSecurity_v5_8";

    private PasswordHashing() {
    }

    public static PasswordEncoder encoder() {
        Map<String, PasswordEncoder> encoders = new HashMap<>();
        encoders.put(ID, Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8());
        encoders.put("bcrypt", new BCryptPasswordEncoder());
        return new DelegatingPasswordEncoder(ID, encoders);
    }
}
