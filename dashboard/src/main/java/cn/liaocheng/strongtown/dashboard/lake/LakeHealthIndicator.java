package cn.liaocheng.strongtown.dashboard.lake;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health {@code lake}: up once a snapshot is published and loaded, out of service while the lake is being
 * prepared (first start, re-scoring), down when preparing failed. Part of the readiness group, so a load
 * balancer sends no user to an instance that cannot show data yet.
 */
@Component("lake")
class LakeHealthIndicator implements HealthIndicator {

    private final LakePreparation preparation;

    LakeHealthIndicator(LakePreparation preparation) {
        this.preparation = preparation;
    }

    @Override
    public Health health() {
        PreparationState state = preparation.state();
        Health.Builder builder = switch (state.phase()) {
            case READY -> Health.up();
            case PREPARING -> Health.outOfService();
            case FAILED -> Health.down();
        };
        return builder.withDetail("step", state.messageKey()).withDetail("progress", state.progress())
                .withDetail("detail", state.detail()).build();
    }
}
