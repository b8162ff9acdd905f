package cn.liaocheng.strongtown.dashboard.operations;

import java.sql.ResultSet;
import java.sql.Statement;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import cn.liaocheng.strongtown.dashboard.workflow.WorkflowDatabase;

/** Health {@code workflowDb}: the workflow database answers a query; its schema version as detail. */
@Component("workflowDb")
class WorkflowDatabaseHealthIndicator implements HealthIndicator {

    private final WorkflowDatabase database;

    WorkflowDatabaseHealthIndicator(WorkflowDatabase database) {
        this.database = database;
    }

    @Override
    public Health health() {
        try {
            database.transaction(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
                    return rs.next();
                }
            });
            return Health.up().withDetail("schemaVersion", database.schemaVersion()).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
