package cn.liaocheng.strongtown.dashboard.selection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/** Gathers what is known about a town (veto events, designations, bans, data coverage) and checks it. */
@Component
class EligibilityChecker {

    private final SelectionRepository repository;
    private final PinnedScores scores;
    private final DesignationWriter designations;

    EligibilityChecker(SelectionRepository repository, PinnedScores scores, DesignationWriter designations) {
        this.repository = repository;
        this.scores = scores;
        this.designations = designations;
    }

    Eligibility check(Connection c, Round round, String townCode) throws SQLException {
        return check(c, round, townCode, designationYears(townCode));
    }

    /** Checks many towns with one read of the designations. */
    List<Eligibility> checkAll(Connection c, Round round, List<String> townCodes) throws SQLException {
        List<DesignationWriter.Row> rows = designations.read();
        List<Eligibility> out = new ArrayList<>();
        for (String town : townCodes) {
            out.add(check(c, round, town, rows.stream().filter(r -> r.townCode().equals(town))
                    .map(DesignationWriter.Row::year).toList()));
        }
        return out;
    }

    private List<Integer> designationYears(String townCode) {
        return designations.read().stream().filter(r -> r.townCode().equals(townCode)).map(DesignationWriter.Row::year)
                .toList();
    }

    private Eligibility check(Connection c, Round round, String townCode, List<Integer> designatedInLake)
            throws SQLException {
        List<Integer> designated = new ArrayList<>(designatedInLake);
        Integer revokedIn = null;
        for (Application a : repository.applicationsOfTown(c, townCode)) {
            if (a.state() == ApplicationState.DESIGNATED && !designated.contains(a.year())) {
                designated.add(a.year());
            }
            if (a.state() == ApplicationState.REVOKED) {
                revokedIn = a.year();
                designated.remove(Integer.valueOf(a.year()));
            }
        }
        Double coverage = scores.score(round.settings().snapshotId(), round.dataYear(), townCode)
                .map(TownScore::coverage).orElse(null);
        return Eligibility.check(round.settings(), new Eligibility.Facts(townCode, repository.vetoes(c, townCode),
                designated.stream().sorted().toList(), revokedIn, repository.bannedUntil(c, townCode), coverage));
    }
}
