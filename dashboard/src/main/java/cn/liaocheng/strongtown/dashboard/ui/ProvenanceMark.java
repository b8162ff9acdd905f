package cn.liaocheng.strongtown.dashboard.ui;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Supplier;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.popover.Popover;

import cn.liaocheng.strongtown.dashboard.provenance.Provenance;

/**
 * A number that can say where it comes from (issue 5 §9): the number and a small ⓘ button whose
 * popover lists source, declaration revision, as-of date, catalog version and snapshot. The facts are
 * read only when the user asks, so that a table full of marks stays cheap. Any view can use it with a
 * {@link cn.liaocheng.strongtown.dashboard.provenance.ProvenanceService} call as the supplier.
 */
public class ProvenanceMark extends Span {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Supplier<Optional<Provenance>> facts;
    private final Button button = new Button(VaadinIcon.INFO_CIRCLE_O.create());
    private final Div details = new Div();

    /** @param text the number as shown (empty for a mark that stands alone) */
    public ProvenanceMark(String text, Supplier<Optional<Provenance>> facts) {
        this.facts = facts;
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_SMALL);
        button.addClassName("provenance-button");
        button.setAriaLabel(getTranslation("provenance.open"));
        button.getStyle().set("margin-inline-start", "var(--lumo-space-xs)");
        // filled on the server at the click that also opens the popover in the browser
        button.addClickListener(e -> showFacts());
        details.addClassName("provenance-details");
        details.getStyle().set("font-size", "var(--lumo-font-size-s)").set("max-width", "min(90vw, 28em)");
        Popover popover = new Popover(details);
        popover.setTarget(button);
        getStyle().set("white-space", "nowrap");
        add(new Text(text), button, popover);
    }

    /** The ⓘ button (tests click it). */
    public Button button() {
        return button;
    }

    /** The facts as last shown (tests read them). */
    public Div details() {
        return details;
    }

    void showFacts() {
        details.removeAll();
        Optional<Provenance> found = facts.get();
        if (found.isEmpty()) {
            details.add(line(getTranslation("provenance.none")));
            return;
        }
        Provenance p = found.get();
        details.add(line(getTranslation("provenance.source", getTranslation("provenance.source." + p.source().name()))));
        if (p.revision() != null) {
            details.add(line(getTranslation("provenance.revision", String.valueOf(p.revision()),
                    p.submittedBy() == null ? "—" : p.submittedBy(), time(p.submittedAt()))));
        }
        details.add(line(getTranslation("provenance.asOf", time(p.asOf()))),
                line(getTranslation("provenance.catalog", p.catalogVersion(), p.catalogId())),
                line(getTranslation("provenance.snapshot", p.snapshotId(),
                        time(LocalDateTime.ofInstant(p.snapshotCreatedAt(), Provenance.CITY_TIME)), p.engine())));
    }

    private static Div line(String text) {
        Div line = new Div();
        line.setText(text);
        return line;
    }

    private static String time(LocalDateTime t) {
        return t == null ? "—" : TIME.format(t);
    }
}
