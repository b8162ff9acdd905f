package cn.liaocheng.strongtown.dashboard.user;

import cn.liaocheng.strongtown.account.PasswordRules;

/** The password rules ({@link PasswordRules}, shared with the command line's reset) as the user service's refusal. */
final class PasswordPolicy {

    static final int MIN_LENGTH = PasswordRules.MIN_LENGTH;

    private PasswordPolicy() {
    }

    /** Refuses a password that breaks a rule, with the reason's message key (see {@link PasswordRules#check}). */
    static void check(String password, String username, boolean currentMatches) {
        PasswordRules.check(password, username, currentMatches).ifPresent(refusal -> {
            throw switch (refusal) {
                case TOO_SHORT -> new UserValidationException(refusal.key(), PasswordRules.MIN_LENGTH);
                case TOO_LONG -> new UserValidationException(refusal.key(), PasswordRules.MAX_LENGTH);
                default -> new UserValidationException(refusal.key());
            };
        });
    }
}
