package cn.liaocheng.strongtown.dashboard.lake;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import cn.liaocheng.strongtown.collection.IntakeResult;
import cn.liaocheng.strongtown.dashboard.StrongTownApplication;
import cn.liaocheng.strongtown.dashboard.collection.SubmissionResult;
import cn.liaocheng.strongtown.dashboard.collection.SubmissionService;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.security.StrongTownUser;
import cn.liaocheng.strongtown.town.Town;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * The child process of {@link RescoringDrill}: the dashboard itself — the real application on a free port, started
 * on the drill's data, lake and workflow database — driven in-process through its own services as the views call
 * them: a county user submits a CSV with a new value ({@link SubmissionService#submit}), the office accepts it
 * ({@link SubmissionService#accept}: the intake writes a revision and the dashboard's re-scoring publishes a new
 * snapshot in the background, {@link LakePreparation#rescoreInBackground}), for ever, or once with {@code once}.
 * Before it works it shows that it serves the current snapshot: its start (recovery, re-scoring an interrupted run)
 * has finished, its readiness probe answers 200 over HTTP, and the marts read.
 * Prints {@code SERVES <snapshot> <rows>}, {@code READY}, then {@code SUBMIT} / {@code SUBMITTED <id>} /
 * {@code ACCEPT} / {@code ACCEPTED <revision> <id>} / {@code SCORE} / {@code PUBLISHED <snapshot>}, each line only
 * after the step it names has finished (or, for SUBMIT, ACCEPT and SCORE, as it begins).
 * Arguments: data folder, lake folder, state folder, a seed that makes this child's values unique, [once].
 */
public final class RescoringLoop {

    static final int YEAR = 2025;
    static final String ADMIN_PASSWORD = "drill-admin-passphrase-2026";
    private static final String HEADER = "乡镇代码,常住人口（万人）,地区生产总值（万元）\n";

    private RescoringLoop() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path lake = Path.of(args[1]);
        Path state = Path.of(args[2]);
        long seed = Long.parseLong(args[3]);
        boolean once = args.length > 4 && "once".equals(args[4]);
        Map<String, Object> settings = new LinkedHashMap<>();
        // production mode, as the tests and the jar run (the pom's default profile), also when the class path comes
        // from elsewhere than Maven's build (the bench) and carries no flow-build-info.json
        settings.put("vaadin.productionMode", "true");
        settings.put("spring.main.banner-mode", "off");
        settings.put("logging.level.root", "WARN");
        settings.put("strongtown.data-dir", data.toString());
        settings.put("strongtown.lake-dir", lake.toString());
        settings.put("strongtown.workflow-db", state.resolve("workflow.duckdb").toString());
        settings.put("strongtown.demo-on-first-start", "false");
        settings.put("STRONGTOWN_ADMIN_PASSWORD", ADMIN_PASSWORD);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(StrongTownApplication.class)
                // a free port as an argument: application.properties' server.port outranks default properties
                .properties(settings).run("--server.port=0");
        LakePreparation preparation = context.getBean(LakePreparation.class);
        SubmissionService submissions = context.getBean(SubmissionService.class);
        PreparationState ready = await(preparation, null);
        String served = serves(context, ready.detail());
        say("SERVES " + served);
        Town town = TownRegistry.load(data.resolve("reference")).towns().get((int) (seed % 20));
        say("READY");
        for (int i = 0; ; i++) {
            signIn(new StrongTownUser("drill-county", "{noop}unused", "演练县区", Role.COUNTY, town.countyCode(), true, true));
            byte[] csv = (HEADER + town.code() + ",5," + (300_000 + seed * 1000 + i) + "\n").getBytes(StandardCharsets.UTF_8);
            say("SUBMIT");
            SubmissionResult submitted = submissions.submit("drill-" + seed + "-" + i + ".csv", csv, YEAR);
            if (!submitted.queued()) {
                throw new IllegalStateException("the drill's CSV was refused: " + submitted.report().toText());
            }
            long id = submitted.submission().id();
            say("SUBMITTED " + id);
            signIn(new StrongTownUser("drill-office", "{noop}unused", "演练市办", Role.OFFICE, null, true, true));
            String before = preparation.state().detail();
            say("ACCEPT");
            IntakeResult accepted = submissions.accept(id);
            if (accepted.outcome() != IntakeResult.Outcome.ACCEPTED) {
                throw new IllegalStateException("the drill's submission was not accepted: " + accepted.outcome());
            }
            say("ACCEPTED " + accepted.revision() + " " + id);
            say("SCORE");
            PreparationState published = await(preparation, before);
            say("PUBLISHED " + published.detail());
            if (once) {
                SecurityContextHolder.clearContext();
                context.close();
                System.exit(0);
            }
        }
    }

    /** Waits until the lake is ready on a snapshot other than {@code other}; a failed preparation ends the child. */
    private static PreparationState await(LakePreparation preparation, String other) throws InterruptedException {
        while (true) {
            PreparationState state = preparation.state();
            if (state.phase() == PreparationState.Phase.FAILED) {
                System.err.println("preparation failed: " + state.detail());
                System.exit(3);
            }
            if (state.ready() && !state.detail().equals(other)) {
                return state;
            }
            Thread.sleep(50);
        }
    }

    /** The snapshot the running dashboard serves and its scores' row count, after its readiness probe said 200. */
    private static String serves(ConfigurableApplicationContext context, String snapshot) throws Exception {
        String port = context.getEnvironment().getProperty("local.server.port");
        HttpResponse<String> readiness = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health/readiness")).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (readiness.statusCode() != 200) {
            throw new IllegalStateException("readiness " + readiness.statusCode() + ": " + readiness.body());
        }
        MartReader marts = context.getBean(MartReader.class);
        String current = marts.currentSnapshot().orElseThrow();
        if (!current.equals(snapshot)) {
            throw new IllegalStateException("ready on " + snapshot + " but the marts read " + current);
        }
        long rows = marts.query("SELECT count(*) FROM {scores}", rs -> rs.getLong(1)).get(0);
        return current + " " + rows;
    }

    private static void signIn(StrongTownUser user) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
