package cn.liaocheng.strongtown.dashboard.selection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.security.StrongTownUser;
import cn.liaocheng.strongtown.dashboard.user.UserChange;
import cn.liaocheng.strongtown.dashboard.user.UserService;

/** Shared set-up of selection tests: signing in as a named user, round settings, reviewer accounts, files. */
public final class SelectionFixture {

    /** The selection services and the user accounts, as the shared test context has them. */
    public record Services(RoundService rounds, ApplicationService applications, ReviewService review,
                           ResultService results, SelectionDocuments documents, UserService users) {

        /** For a test's constructor: {@code Test(@Autowired ApplicationContext context)}. */
        public static Services from(ApplicationContext context) {
            return new Services(context.getBean(RoundService.class), context.getBean(ApplicationService.class),
                    context.getBean(ReviewService.class), context.getBean(ResultService.class),
                    context.getBean(SelectionDocuments.class), context.getBean(UserService.class));
        }
    }

    /** A tiny but real PDF header (the store checks the magic bytes, not the whole file). */
    public static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    public static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};

    private SelectionFixture() {
    }

    public static StrongTownUser signIn(String username, Role role, String county) {
        StrongTownUser user = new StrongTownUser(username, "{noop}unused", username, role, county, true, true);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        return user;
    }

    public static void signOut() {
        TestUsers.signOut();
    }

    public static List<Criterion> criteria() {
        List<Criterion> all = new ArrayList<>();
        all.addAll(Criterion.parse(ReviewStage.MATERIALS, "产业基础:40；特色做法:30；发展规划:30"));
        all.addAll(Criterion.parse(ReviewStage.SITE_VISIT, "园区建设:50；企业走访:50"));
        all.addAll(Criterion.parse(ReviewStage.DEFENCE, "陈述:60；答问:40"));
        return all;
    }

    public static RoundSettings settings(int year, String snapshot, int quota, Integer cap, boolean substitute) {
        return new RoundSettings(year, snapshot, quota, cap, 3, new StageWeights(40, 20, 20, 20), 5, 3, 3, 0.5, 5,
                substitute, LocalDate.of(2099, 12, 31), LocalDate.of(2099, 12, 31), criteria());
    }

    public static ApplicationText text(String town) {
        return new ApplicationText(town + "基本情况", "产业发展现状", "主导产业", "特色做法", "发展规划");
    }

    /** Creates reviewer accounts if missing (as an administrator). */
    public static void reviewers(UserService users, String... names) {
        TestUsers.signIn(Role.ADMIN);
        try {
            for (String name : names) {
                if (users.users().stream().noneMatch(u -> u.username().equals(name))) {
                    users.create(name, new UserChange("专家" + name, Role.REVIEWER, null, true), "reviewer-password-1");
                }
            }
        } finally {
            TestUsers.signOut();
        }
    }
}
