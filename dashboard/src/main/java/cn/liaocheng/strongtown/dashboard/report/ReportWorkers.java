package cn.liaocheng.strongtown.dashboard.report;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Background threads for report generation that takes a while (PDF through LibreOffice), so that the
 * UI never waits on it. Two threads: the machine is small, and more LibreOffice processes would only
 * queue for the cores.
 */
@Component
public class ReportWorkers {

    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "report-worker-" + COUNTER.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** An executor that runs work as the user who submits it (their roles and county apply). */
    public ExecutorService asCurrentUser() {
        return new DelegatingSecurityContextExecutorService(pool, SecurityContextHolder.getContext());
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
