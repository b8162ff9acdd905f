package cn.liaocheng.strongtown.dashboard.tracking;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A plan that cannot be saved. The problems carry translation keys (row, column, reason); the screen shows them in
 * the viewer's language. The exception message lists the keys for logs only.
 */
public class PlanValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<PlanProblem> problems;

    public PlanValidationException(List<PlanProblem> problems) {
        super(problems.stream().map(p -> p.row() + ":" + p.column() + ":" + p.reason())
                .collect(Collectors.joining(", ")));
        this.problems = List.copyOf(problems);
    }

    public List<PlanProblem> problems() {
        return problems;
    }
}
