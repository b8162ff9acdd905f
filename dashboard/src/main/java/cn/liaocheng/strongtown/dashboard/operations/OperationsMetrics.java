package cn.liaocheng.strongtown.dashboard.operations;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The product's own metrics beside Spring Boot's (request timings, JVM, Tomcat), exported by Micrometer's
 * Prometheus registry at {@code /actuator/prometheus}:
 * {@code strongtown_scoring_runs_seconds{trigger,outcome}} (count and duration of scoring runs) and
 * {@code strongtown_uploads_total{outcome=accepted|rejected}}.
 */
@Component
public class OperationsMetrics {

    /** Why the lake was scored. */
    public enum ScoringTrigger { FIRST_START, NEW_DATA }

    private final MeterRegistry registry;

    public OperationsMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Runs one scoring and records its duration, tagged with the trigger and whether it succeeded. */
    public <T> T timeScoring(ScoringTrigger trigger, Supplier<T> scoring) {
        long start = System.nanoTime();
        String outcome = "failure";
        try {
            T result = scoring.get();
            outcome = "success";
            return result;
        } finally {
            Timer.builder("strongtown.scoring.runs").description("Scoring runs of the lake and their duration")
                    .tag("trigger", trigger.name().toLowerCase()).tag("outcome", outcome)
                    .register(registry).record(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** Counts one upload (workbook or CSV) by whether validation accepted it. */
    public void countUpload(boolean accepted) {
        Counter.builder("strongtown.uploads").description("Uploaded declarations by validation outcome")
                .tag("outcome", accepted ? "accepted" : "rejected").register(registry).increment();
    }
}
