package cn.liaocheng.strongtown.dashboard.user;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import cn.liaocheng.strongtown.dashboard.audit.AuditAction;
import cn.liaocheng.strongtown.dashboard.audit.AuditEntry;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.security.SecuritySettings;

/**
 * First start: creates {@code admin} with the password from {@code STRONGTOWN_ADMIN_PASSWORD}, or a
 * generated one that is written to the log this once; with demo users on, one demo user per role
 * (README lists them). Runs once the context is up, so that the audit log records it.
 */
@Component
class InitialUsers implements ApplicationRunner {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD_VARIABLE = "STRONGTOWN_ADMIN_PASSWORD";
    /** The demo county user's county: 东昌府区. */
    static final String DEMO_COUNTY = "371502";

    /** One demo user per role; passwords are public (README) — switch demo users off for real use. */
    static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser("leader", "演示领导", Role.LEADER, null, "leader-demo-2025"),
            new DemoUser("analyst", "演示分析人员", Role.ANALYST, null, "analyst-demo-2025"),
            new DemoUser("office", "演示办公室", Role.OFFICE, null, "office-demo-2025"),
            new DemoUser("county", "演示县区（东昌府区）", Role.COUNTY, DEMO_COUNTY, "county-demo-2025"),
            new DemoUser("reviewer", "演示评审专家", Role.REVIEWER, null, "reviewer-demo-2025"),
            new DemoUser("demo-admin", "演示管理员", Role.ADMIN, null, "admin-demo-2025"));

    record DemoUser(String username, String displayName, Role role, String countyCode, String password) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(InitialUsers.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserRepository repository;
    private final PasswordEncoder encoder;
    private final SecuritySettings settings;
    private final Environment environment;
    private final ApplicationEventPublisher events;

    InitialUsers(UserRepository repository, PasswordEncoder encoder, SecuritySettings settings, Environment environment,
                 ApplicationEventPublisher events) {
        this.repository = repository;
        this.encoder = encoder;
        this.settings = settings;
        this.environment = environment;
        this.events = events;
    }

    @Override
    public void run(ApplicationArguments args) {
        Instant now = Clock.systemUTC().instant();
        String fromEnvironment = environment.getProperty(ADMIN_PASSWORD_VARIABLE);
        if (repository.isEmpty()) {
            String password = fromEnvironment;
            if (password == null || password.isBlank()) {
                password = generated();
                LOG.warn("首次启动：已创建管理员账户 admin，初始密码 {} —— 仅此一次显示，请登录后在“我的账户”中修改。"
                        + " / First start: created user admin with password {} (shown only this once).", password, password);
            } else {
                UserService.checkPassword(password);
                LOG.warn("首次启动：已创建管理员账户 admin，密码取自环境变量 {}", ADMIN_PASSWORD_VARIABLE);
            }
            repository.insert(new UserAccount(ADMIN, "管理员", Role.ADMIN, null, true, 0, null, now),
                    encoder.encode(password));
            events.publishEvent(AuditEntry.of(null, AuditAction.ADMIN_CREATED, ADMIN));
            if (settings.createDemoUsers()) {
                for (DemoUser demo : DEMO_USERS) {
                    repository.insert(new UserAccount(demo.username(), demo.displayName(), demo.role(),
                            demo.countyCode(), true, 0, null, now), encoder.encode(demo.password()));
                    events.publishEvent(AuditEntry.of(null, AuditAction.USER_CREATED, demo.username() + " " + demo.role()));
                }
                LOG.info("已创建 {} 个演示账户（见 README）", DEMO_USERS.size());
            }
        } else if (settings.resetAdmin()) {
            if (fromEnvironment == null || fromEnvironment.isBlank()) {
                throw new IllegalStateException("strongtown.security.reset-admin-password 需要环境变量 " + ADMIN_PASSWORD_VARIABLE);
            }
            UserService.checkPassword(fromEnvironment);
            if (repository.find(ADMIN).isEmpty()) {
                repository.insert(new UserAccount(ADMIN, "管理员", Role.ADMIN, null, true, 0, null, now),
                        encoder.encode(fromEnvironment));
            } else {
                repository.setPassword(ADMIN, encoder.encode(fromEnvironment), now);
                repository.unlock(ADMIN);
            }
            LOG.warn("已按环境变量 {} 重置管理员 admin 的密码", ADMIN_PASSWORD_VARIABLE);
            events.publishEvent(AuditEntry.of(null, AuditAction.PASSWORD_RESET, ADMIN));
        }
    }

    private static String generated() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
