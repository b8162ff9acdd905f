package cn.liaocheng.strongtown.dashboard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.shared.Registration;

import cn.liaocheng.strongtown.dashboard.lake.LakePreparation;
import cn.liaocheng.strongtown.dashboard.lake.PreparationState;

/**
 * Views that need the published snapshot show it at once when there is one — also while new data are
 * re-scored, since the current snapshot stays complete until the next replaces it; on first start they show
 * the preparation's progress instead (polling every half second) and then build themselves.
 */
public final class LakeReadiness {

    private LakeReadiness() {
    }

    /**
     * Builds the view the first time it is attached, once the lake is ready ({@link #whenReady}), and
     * stops the progress polling whenever it is detached.
     */
    public static <V extends Component & HasComponents> void buildWhenAttached(V view, LakePreparation preparation,
                                                                              Runnable build) {
        boolean[] started = {false};
        view.addAttachListener(event -> {
            if (!started[0]) {
                started[0] = true;
                whenReady(view, event.getUI(), preparation, build);
            }
        });
        view.addDetachListener(event -> event.getUI().setPollInterval(-1));
    }

    /** Runs {@code show} now if the lake is ready, else once it is, showing progress in {@code host} meanwhile. */
    public static void whenReady(HasComponents host, UI ui, LakePreparation preparation, Runnable show) {
        if (preparation.servable()) {
            show.run();
            return;
        }
        ProgressBar progress = new ProgressBar(0, 1);
        Span text = new Span();
        text.setId("preparation-status");
        host.add(text, progress);
        update(ui, progress, text, preparation.state());
        ui.setPollInterval(500);
        Registration[] registration = new Registration[1];
        registration[0] = ui.addPollListener(e -> {
            PreparationState state = preparation.state();
            update(ui, progress, text, state);
            boolean servable = preparation.servable();
            if (servable || state.phase() != PreparationState.Phase.PREPARING) {
                ui.setPollInterval(-1);
                registration[0].remove();
                if (servable) {
                    host.remove(text, progress);
                    show.run();
                }
            }
        });
    }

    private static void update(UI ui, ProgressBar progress, Span text, PreparationState state) {
        progress.setValue(Math.max(0, Math.min(1, state.progress())));
        text.setText(ui.getTranslation(state.messageKey(), state.detail()));
    }
}
