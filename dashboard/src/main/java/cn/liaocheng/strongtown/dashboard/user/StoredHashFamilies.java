package cn.liaocheng.strongtown.dashboard.user;

import java.util.Set;

/**
 * Which kinds of password hash the users table still holds ({@code pbkdf2@SpringSecurity_v5_8}, and
 * {@code bcrypt} while an account from the first releases has not signed in since): a login pays one comparison of
 * each, so its time does not tell which kind an account has, nor whether it exists.
 */
@FunctionalInterface
interface StoredHashFamilies {

    /** The ids ({@code {id}} prefixes, without braces) of the hashes stored now. */
    Set<String> present();

    /** The id of a stored hash: its {@code {id}} prefix, or the empty text for a hash without one. */
    static String of(String hash) {
        if (hash != null && hash.startsWith("{")) {
            int end = hash.indexOf('}');
            if (end > 0) {
                return hash.substring(1, end);
            }
        }
        return "";
    }
}
