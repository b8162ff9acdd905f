package cn.liaocheng.strongtown.audit;

import java.time.Instant;

/**
 * One line of the {@link AuditTrail}: the event, its place in the chain ({@code seq}, counting from 1),
 * the hash of the entry before it ({@code prev}; 64 zeros for the first) and its own hash
 * ({@code hash} = SHA-256 of {@link TrailFormat#canonical}).
 */
public record TrailEntry(long seq, String at, String category, String action, String user, String county,
                         String sha256, String detail, String address, String ref, String prev, String hash) {

    public Instant instant() {
        return Instant.parse(at);
    }

    static TrailEntry of(long seq, TrailEvent e, String prev) {
        TrailEntry unhashed = new TrailEntry(seq, e.at().toString(), e.category(), e.action(), e.user(), e.county(),
                e.sha256(), e.detail(), e.address(), e.ref(), prev, null);
        return unhashed.withHash(TrailFormat.hashOf(unhashed));
    }

    TrailEntry withHash(String newHash) {
        return new TrailEntry(seq, at, category, action, user, county, sha256, detail, address, ref, prev, newHash);
    }
}
