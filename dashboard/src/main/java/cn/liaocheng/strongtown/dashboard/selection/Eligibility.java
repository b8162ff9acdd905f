package cn.liaocheng.strongtown.dashboard.selection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a town may apply in a round, with every reason it may not. Checked before submission and
 * again at each stage (a veto event may be recorded at any time).
 */
public record Eligibility(List<Reason> reasons) {

    /** One reason against eligibility: a translation key and its arguments. */
    public record Reason(String key, List<Object> arguments) {
        public static Reason of(String key, Object... arguments) {
            return new Reason(key, List.of(arguments));
        }
    }

    /** What is known about a town when it is checked. */
    public record Facts(String townCode, List<VetoEvent> vetoes, List<Integer> designatedIn, Integer revokedIn,
                        Integer bannedUntil, Double coverage) {
    }

    public boolean eligible() {
        return reasons.isEmpty();
    }

    public static Eligibility check(RoundSettings round, Facts facts) {
        List<Reason> reasons = new ArrayList<>();
        LocalDate vetoFrom = LocalDate.of(round.year() - round.vetoYears(), 1, 1);
        for (VetoEvent v : facts.vetoes()) {
            if (!v.occurredOn().isBefore(vetoFrom)) {
                reasons.add(Reason.of("selection.eligibility.veto", v.kind().translationKey(), v.occurredOn().toString(),
                        v.source()));
            }
        }
        if (facts.bannedUntil() != null && facts.bannedUntil() >= round.year()) {
            reasons.add(Reason.of("selection.eligibility.banned", String.valueOf(facts.bannedUntil())));
        }
        facts.designatedIn().stream().filter(y -> y < round.year()).findFirst()
                .filter(y -> facts.revokedIn() == null)
                .ifPresent(y -> reasons.add(Reason.of("selection.eligibility.designated", String.valueOf(y))));
        if (facts.coverage() == null) {
            reasons.add(Reason.of("selection.eligibility.noScore"));
        } else if (facts.coverage() < round.minCoverage()) {
            reasons.add(Reason.of("selection.eligibility.coverage", Math.round(facts.coverage() * 1000) / 10.0,
                    Math.round(round.minCoverage() * 1000) / 10.0));
        }
        return new Eligibility(List.copyOf(reasons));
    }
}
