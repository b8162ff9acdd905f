package cn.liaocheng.strongtown.dashboard.audit;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Writes every published {@link AuditEntry} to the audit log (and the application log). */
@Component
class AuditRecorder {

    private static final Logger LOG = LoggerFactory.getLogger("audit");

    private final AuditRepository repository;
    private final Clock clock;

    AuditRecorder(AuditRepository repository) {
        this.repository = repository;
        this.clock = Clock.systemUTC();
    }

    @EventListener
    public void record(AuditEntry entry) {
        LOG.info("{} {} {} {}", entry.action(), entry.username(), entry.detail() == null ? "" : entry.detail(),
                entry.remoteAddress() == null ? "" : entry.remoteAddress());
        repository.append(clock.instant(), entry);
    }
}
