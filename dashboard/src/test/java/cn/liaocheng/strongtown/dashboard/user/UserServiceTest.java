package cn.liaocheng.strongtown.dashboard.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

import cn.liaocheng.strongtown.dashboard.DashboardTestContext;
import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.account.PasswordHashing;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.security.StrongTownUser;

/** User administration against the workflow database. */
class UserServiceTest extends DashboardTestContext {

    @Autowired
    UserService users;
    @Autowired
    UserRepository repository;
    @Autowired
    PasswordEncoder encoder;

    @BeforeEach
    void signIn() {
        TestUsers.signIn(Role.ADMIN);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void firstStartCreatedTheAdminAndOneDemoUserPerRole() {
        assertThat(users.users()).extracting(UserAccount::username)
                .contains("admin", "leader", "analyst", "office", "county", "reviewer", "demo-admin");
        for (InitialUsers.DemoUser demo : InitialUsers.DEMO_USERS) {
            UserRepository.Stored stored = repository.find(demo.username()).orElseThrow();
            assertThat(stored.account().role()).isEqualTo(demo.role());
            // The hash names its algorithm: PBKDF2 since issue 14 (BCrypt cut passwords at 72 bytes)
            assertThat(stored.passwordHash()).startsWith("{" + PasswordHashing.ID + "}").doesNotContain(demo.password());
            assertThat(encoder.matches(demo.password(), stored.passwordHash())).isTrue();
        }
        assertThat(repository.find("county").orElseThrow().account().countyCode()).isEqualTo("371502");
        assertThat(InitialUsers.DEMO_USERS).extracting(InitialUsers.DemoUser::role).containsExactlyInAnyOrder(Role.values());
    }

    @Test
    void createsUsersWithHashedPasswordsAndChangesRoleAndCounty() {
        users.create("svc-user", new UserChange("服务测试", Role.ANALYST, "371502", true), "long-enough-1");
        UserRepository.Stored stored = repository.find("svc-user").orElseThrow();
        assertThat(stored.account().countyCode()).as("city-wide roles carry no county").isNull();
        assertThat(encoder.matches("long-enough-1", stored.passwordHash())).isTrue();
        users.update("svc-user", new UserChange("服务测试", Role.COUNTY, "371522", true));
        assertThat(repository.find("svc-user").orElseThrow().account())
                .satisfies(a -> {
                    assertThat(a.role()).isEqualTo(Role.COUNTY);
                    assertThat(a.countyCode()).isEqualTo("371522");
                });
        users.resetPassword("svc-user", "another-password");
        assertThat(encoder.matches("another-password", repository.find("svc-user").orElseThrow().passwordHash())).isTrue();
    }

    @Test
    void refusesBadInput() {
        assertThatThrownBy(() -> users.create("x", new UserChange("", Role.ANALYST, null, true), "long-enough-1"))
                .isInstanceOfSatisfying(UserValidationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("user.error.username"));
        assertThatThrownBy(() -> users.create("no-county", new UserChange("", Role.COUNTY, null, true), "long-enough-1"))
                .isInstanceOfSatisfying(UserValidationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("user.error.county"));
        assertThatThrownBy(() -> users.create("short-pw", new UserChange("", Role.OFFICE, null, true), "short"))
                .isInstanceOfSatisfying(UserValidationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("user.error.password"));
        assertThatThrownBy(() -> users.create("leader", new UserChange("", Role.OFFICE, null, true), "long-enough-1"))
                .isInstanceOfSatisfying(UserValidationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("user.error.exists"));
        assertThat(repository.find("no-county")).isEmpty();
    }

    @Test
    void theLastEnabledAdministratorStays() {
        users.create("solo-admin-check", new UserChange("", Role.ADMIN, null, true), "long-enough-1");
        long admins = users.users().stream().filter(u -> u.role() == Role.ADMIN && u.enabled()).count();
        assertThat(admins).isGreaterThanOrEqualTo(2);
        users.update("solo-admin-check", new UserChange("", Role.ADMIN, null, false));
        assertThat(repository.find("solo-admin-check").orElseThrow().account().enabled()).isFalse();
        // demote all other admins but one, then the last one cannot go
        for (UserAccount u : users.users()) {
            if (u.role() == Role.ADMIN && u.enabled() && !u.username().equals("admin")) {
                users.update(u.username(), new UserChange(u.displayName(), Role.ANALYST, null, true));
            }
        }
        assertThatThrownBy(() -> users.update("admin", new UserChange("管理员", Role.ANALYST, null, true)))
                .isInstanceOfSatisfying(UserValidationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("user.error.lastAdmin"));
        users.update("demo-admin", new UserChange("演示管理员", Role.ADMIN, null, true));
    }

    @Test
    void usersChangeTheirOwnPasswordOnlyWithTheCurrentOne() {
        users.create("self-service", new UserChange("自助", Role.LEADER, null, true), "first-password");
        TestUsers.signOut();
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                        new cn.liaocheng.strongtown.dashboard.security.StrongTownUser("self-service", "x", "自助",
                                Role.LEADER, null, true, true), null, java.util.List.of()));
        assertThatThrownBy(() -> users.changeOwnPassword("wrong", "second-password"))
                .isInstanceOfSatisfying(UserValidationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("user.error.wrongPassword"));
        users.changeOwnPassword("first-password", "second-password");
        assertThat(encoder.matches("second-password", repository.find("self-service").orElseThrow().passwordHash()))
                .isTrue();
    }

    private static void refused(Runnable change, String messageKey) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(UserValidationException.class,
                e -> assertThat(e.messageKey()).isEqualTo(messageKey));
    }

    @Test
    void refusesShortCommonAndGuessablePasswords() {
        UserChange office = new UserChange("密码规则", Role.OFFICE, null, true);
        refused(() -> users.create("pw-short", office, "Elevenchars"), "user.error.password");
        refused(() -> users.create("pw-digits", office, "123456789012"), "user.error.passwordCommon");
        refused(() -> users.create("pw-same", office, "aaaaaaaaaaaa"), "user.error.passwordCommon");
        refused(() -> users.create("pw-list", office, "qwertyuiop123"), "user.error.passwordCommon");
        refused(() -> users.create("pw-list2", office, "PASSWORD1234"), "user.error.passwordCommon");
        refused(() -> users.create("zhangwei", office, "zhangwei-2025!"), "user.error.passwordName");
        assertThat(repository.find("pw-short")).isEmpty();
        assertThat(repository.find("zhangwei")).isEmpty();

        users.create("pw-reset", office, "Good-Enough-Secret-1");
        refused(() -> users.resetPassword("pw-reset", "pw-reset-2025-x"), "user.error.passwordName");
        refused(() -> users.resetPassword("pw-reset", "1234567890ab"), "user.error.passwordCommon");
        assertThat(encoder.matches("Good-Enough-Secret-1", repository.find("pw-reset").orElseThrow().passwordHash()))
                .isTrue();
    }

    @Test
    void refusesTheCurrentPasswordAsTheNewOne() {
        users.create("pw-current", new UserChange("当前密码", Role.LEADER, null, true), "Current-Secret-42");
        signInAs("pw-current", Role.LEADER);
        refused(() -> users.changeOwnPassword("Current-Secret-42", "Current-Secret-42"), "user.error.passwordSame");
        refused(() -> users.changeOwnPassword("Current-Secret-42", "pw-current-is-mine"), "user.error.passwordName");
        users.changeOwnPassword("Current-Secret-42", "Another-Secret-43");
        assertThat(encoder.matches("Another-Secret-43", repository.find("pw-current").orElseThrow().passwordHash()))
                .isTrue();
    }

    @Test
    void acceptsLongPassphrasesChineseIncludedBeyondBcryptsSeventyTwoBytes() {
        String ascii = "correct horse battery staple ".repeat(3).strip() + " and more";
        String chinese = "春眠不觉晓处处闻啼鸟夜来风雨声花落知多少床前明月光疑是地上霜举头";
        assertThat(ascii.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(72);
        assertThat(chinese.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(72);
        users.create("pw-long", new UserChange("长口令", Role.ANALYST, null, true), ascii);
        assertThat(encoder.matches(ascii, repository.find("pw-long").orElseThrow().passwordHash())).isTrue();
        assertThat(encoder.matches(ascii.substring(0, 72) + "different tail",
                repository.find("pw-long").orElseThrow().passwordHash())).as("every byte counts").isFalse();
        users.resetPassword("pw-long", chinese);
        assertThat(encoder.matches(chinese, repository.find("pw-long").orElseThrow().passwordHash())).isTrue();
        assertThat(encoder.matches(chinese.substring(0, 24) + "另外的结尾文字",
                repository.find("pw-long").orElseThrow().passwordHash())).isFalse();
    }

    @Test
    void displayNamesHaveALengthLimit() {
        refused(() -> users.create("long-name", new UserChange("名".repeat(51), Role.ANALYST, null, true),
                "Good-Enough-Secret-1"), "user.error.displayName");
        users.create("long-name", new UserChange("名".repeat(50), Role.ANALYST, null, true), "Good-Enough-Secret-1");
        refused(() -> users.update("long-name", new UserChange("x".repeat(20_000), Role.ANALYST, null, true)),
                "user.error.displayName");
        assertThat(repository.find("long-name").orElseThrow().account().displayName()).hasSize(50);
    }

    private static void signInAs(String username, Role role) {
        StrongTownUser user = new StrongTownUser(username, "x", username, role, null, true, true);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
