package cn.liaocheng.strongtown.dashboard.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test moves (for session lifetimes, login throttling): starts at 2026-03-01 08:00 UTC. */
public final class MovableClock extends Clock {

    private Instant now = Instant.parse("2026-03-01T08:00:00Z");

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
